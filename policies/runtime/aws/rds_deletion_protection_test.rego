package llmops.runtime.aws.rds_deletion_protection_test

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

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AWS-016", tc.path]}
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
