package llmops.runtime.aws.rds_encrypted_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.rds_encrypted as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"plain": {"input": fx.doc([fx.res("aws:rds/cluster:Cluster", {})]), "path": "/resources/0/props/storageEncrypted"},
}

allowed_cases := {
	"encrypted": fx.doc([fx.res("aws:rds/cluster:Cluster", {"storageEncrypted": true, "kmsKeyId": "k"})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-014", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
