package llmops.runtime.aws.rds_deletion_protection_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.rds_deletion_protection as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"unprotected": {"input": fx.doc([fx.res("aws:rds/cluster:Cluster", {"backupRetentionPeriod": 14})]), "path": "/resources/0/props/deletionProtection"},
	"instance unprotected": {"input": fx.doc([fx.res("aws:rds/instance:Instance", {"backupRetentionPeriod": 14, "storageEncrypted": true})]), "path": "/resources/0/props/deletionProtection"},
	"instance without backups": {"input": fx.doc([fx.res("aws:rds/instance:Instance", {"deletionProtection": true, "backupRetentionPeriod": 0})]), "path": "/resources/0/props/deletionProtection"},
}

allowed_cases := {
	"instance protected": fx.doc([fx.res("aws:rds/instance:Instance", {"deletionProtection": true, "backupRetentionPeriod": 7})]),
	"protected": fx.doc([fx.res("aws:rds/cluster:Cluster", {"deletionProtection": true, "backupRetentionPeriod": 14})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-016", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
