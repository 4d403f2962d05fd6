package llmops.runtime.aws.kms_rotation_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.kms_rotation as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"off": {"input": fx.doc([fx.res("aws:kms/key:Key", {})]), "path": "/resources/0/props/enableKeyRotation"},
}

allowed_cases := {
	"on": fx.doc([fx.res("aws:kms/key:Key", {"enableKeyRotation": true})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-011", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
