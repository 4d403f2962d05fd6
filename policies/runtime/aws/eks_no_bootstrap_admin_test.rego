package llmops.runtime.aws.eks_no_bootstrap_admin_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.eks_no_bootstrap_admin as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"default": {"input": fx.doc([fx.res("aws:eks/cluster:Cluster", {})]), "path": "/resources/0/props/accessConfig"},
}

allowed_cases := {
	"explicit": fx.doc([fx.res("aws:eks/cluster:Cluster", {"accessConfig": {"authenticationMode": "API", "bootstrapClusterCreatorAdminPermissions": false}})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-004", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
