package llmops.runtime.aws.rds_not_public_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.rds_not_public as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"public": {"input": fx.doc([fx.res("aws:rds/clusterInstance:ClusterInstance", {"publiclyAccessible": true})]), "path": "/resources/0/props/publiclyAccessible"},
}

allowed_cases := {
	"private": fx.doc([fx.res("aws:rds/clusterInstance:ClusterInstance", {"publiclyAccessible": false})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-013", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
