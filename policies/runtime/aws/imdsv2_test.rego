package llmops.runtime.aws.imdsv2_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.imdsv2 as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"optional tokens": {"input": fx.doc([fx.res("aws:ec2/launchTemplate:LaunchTemplate", {"metadataOptions": {"httpTokens": "optional"}})]), "path": "/resources/0/props/metadataOptions"},
	"hop 2": {"input": fx.doc([fx.res("aws:ec2/launchTemplate:LaunchTemplate", {"metadataOptions": {"httpTokens": "required", "httpPutResponseHopLimit": 2}})]), "path": "/resources/0/props/metadataOptions"},
}

allowed_cases := {
	"hardened": fx.doc([fx.res("aws:ec2/launchTemplate:LaunchTemplate", {"metadataOptions": {"httpTokens": "required", "httpPutResponseHopLimit": 1}})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-005", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
