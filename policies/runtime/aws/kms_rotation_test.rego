package llmops.runtime.aws.kms_rotation_test

import data.llmops.runtime.aws.kms_rotation as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"off": {"input": fx.doc([fx.res("aws:kms/key:Key", {})]), "path": "/resources/0/props/enableKeyRotation"},
}

allowed_cases := {
	"on": fx.doc([fx.res("aws:kms/key:Key", {"enableKeyRotation": true})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AWS-011", tc.path]}
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
