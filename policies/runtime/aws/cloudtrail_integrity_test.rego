package llmops.runtime.aws.cloudtrail_integrity_test

import data.llmops.lib.testing
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

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-026", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
