package llmops.runtime.aws.eks_private_endpoint_test

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

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AWS-001", tc.path]}
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
