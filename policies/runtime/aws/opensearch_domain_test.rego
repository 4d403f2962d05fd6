package llmops.runtime.aws.opensearch_domain_test

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

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AWS-018", tc.path]}
	every f in found { f.resource != "" }
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}

# The denied inputs with every resource retyped to a type no check knows yield nothing.
test_other_types_pass[note] if {
	some note, tc in denied_cases
	found := check.deny with input as fx.retyped(tc.input)
	count(found) == 0
}
