package llmops.runtime.aws.imdsv2_test

import data.llmops.runtime.aws.imdsv2 as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"optional tokens": {"input": fx.doc([fx.res("aws:ec2/launchTemplate:LaunchTemplate", {"metadataOptions": {"httpTokens": "optional"}})]), "path": "/resources/0/props/metadataOptions"},
	"hop 2": {"input": fx.doc([fx.res("aws:ec2/launchTemplate:LaunchTemplate", {"metadataOptions": {"httpTokens": "required", "httpPutResponseHopLimit": 2}})]), "path": "/resources/0/props/metadataOptions"},
}

allowed_cases := {
	"hardened": fx.doc([fx.res("aws:ec2/launchTemplate:LaunchTemplate", {"metadataOptions": {"httpTokens": "required", "httpPutResponseHopLimit": 1}})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AWS-005", tc.path]}
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
