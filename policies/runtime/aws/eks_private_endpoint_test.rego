package llmops.runtime.aws.eks_private_endpoint_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.eks_private_endpoint as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"public": {"input": fx.doc([fx.res("aws:eks/cluster:Cluster", {"vpcConfig": {"endpointPublicAccess": true}})]), "path": "/resources/0/props/vpcConfig"},
	"public world": {"input": fx.doc([fx.res("aws:eks/cluster:Cluster", {"vpcConfig": {"endpointPublicAccess": true, "publicAccessCidrs": ["0.0.0.0/0"]}})]), "path": "/resources/0/props/vpcConfig"},
	"public halves": {"input": fx.doc([fx.res("aws:eks/cluster:Cluster", {"vpcConfig": {"endpointPublicAccess": true, "publicAccessCidrs": ["0.0.0.0/1", "128.0.0.0/1"]}})]), "path": "/resources/0/props/vpcConfig"},
}

allowed_cases := {
	"private": fx.doc([fx.res("aws:eks/cluster:Cluster", {"vpcConfig": {"endpointPublicAccess": false, "endpointPrivateAccess": true}})]),
	"restricted": fx.doc([fx.res("aws:eks/cluster:Cluster", {"vpcConfig": {"endpointPublicAccess": true, "publicAccessCidrs": ["203.0.113.0/24"]}})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
