package llmops.runtime.aws.cloudtrail_integrity_test

import data.llmops.runtime.aws.cloudtrail_integrity as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"plain": {"input": fx.doc([fx.res("aws:cloudtrail/trail:Trail", {})]), "path": "/resources/0/props/enableLogFileValidation"},
	"one region": {"input": fx.doc([fx.res("aws:cloudtrail/trail:Trail", {"enableLogFileValidation": true, "kmsKeyId": "k", "isMultiRegionTrail": false})]), "path": "/resources/0/props/enableLogFileValidation"},
	"unencrypted": {"input": fx.doc([fx.res("aws:cloudtrail/trail:Trail", {"enableLogFileValidation": true, "isMultiRegionTrail": true})]), "path": "/resources/0/props/enableLogFileValidation"},
	"empty key": {"input": fx.doc([fx.res("aws:cloudtrail/trail:Trail", {"enableLogFileValidation": true, "kmsKeyId": "", "isMultiRegionTrail": true})]), "path": "/resources/0/props/enableLogFileValidation"},
	"no validation": {"input": fx.doc([fx.res("aws:cloudtrail/trail:Trail", {"enableLogFileValidation": false, "kmsKeyId": "k", "isMultiRegionTrail": true})]), "path": "/resources/0/props/enableLogFileValidation"},
}

allowed_cases := {
	"validated": fx.doc([fx.res("aws:cloudtrail/trail:Trail", {"enableLogFileValidation": true, "kmsKeyId": "k", "isMultiRegionTrail": true})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AWS-026", tc.path]}
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
