package llmops.runtime.aws.opensearch_domain_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.opensearch_domain as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"no https": {"input": fx.doc([fx.res("aws:opensearch/domain:Domain", {"encryptAtRest": {"enabled": true}, "nodeToNodeEncryption": {"enabled": true}, "domainEndpointOptions": {"enforceHttps": false, "tlsSecurityPolicy": "Policy-Min-TLS-1-2-2019-07"}})]), "path": "/resources/0/props/domainEndpointOptions"},
	"TLS 1.0 allowed": {"input": fx.doc([fx.res("aws:opensearch/domain:Domain", {"encryptAtRest": {"enabled": true}, "nodeToNodeEncryption": {"enabled": true}, "domainEndpointOptions": {"enforceHttps": true, "tlsSecurityPolicy": "Policy-Min-TLS-1-0-2019-07"}})]), "path": "/resources/0/props/domainEndpointOptions/tlsSecurityPolicy"},
	"TLS policy left to the default": {"input": fx.doc([fx.res("aws:opensearch/domain:Domain", {"encryptAtRest": {"enabled": true}, "nodeToNodeEncryption": {"enabled": true}, "domainEndpointOptions": {"enforceHttps": true}})]), "path": "/resources/0/props/domainEndpointOptions/tlsSecurityPolicy"},
}

allowed_cases := {
	"hardened": fx.doc([fx.res("aws:opensearch/domain:Domain", {"encryptAtRest": {"enabled": true}, "nodeToNodeEncryption": {"enabled": true}, "domainEndpointOptions": {"enforceHttps": true, "tlsSecurityPolicy": "Policy-Min-TLS-1-2-PFS-2023-10"}})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-018", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
