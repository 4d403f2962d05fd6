package llmops.runtime.aws.eks_control_plane_logs_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.eks_control_plane_logs as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"audit only": {"input": fx.doc([fx.res("aws:eks/cluster:Cluster", {"enabledClusterLogTypes": ["audit"]})]), "path": "/resources/0/props/enabledClusterLogTypes"},
}

allowed_cases := {
	"all": fx.doc([fx.res("aws:eks/cluster:Cluster", {"enabledClusterLogTypes": ["api", "audit", "authenticator", "controllerManager", "scheduler"]})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-003", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
