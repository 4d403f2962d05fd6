package llmops.runtime.aws.eks_nodegroup_no_ssh_test

import data.llmops.runtime.aws.eks_nodegroup_no_ssh as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"ssh from anywhere": {"input": fx.doc([fx.res("aws:eks/nodeGroup:NodeGroup", {"remoteAccess": {"ec2SshKey": "ops"}})]), "path": "/resources/0/props/remoteAccess"},
	"ssh from a group": {"input": fx.doc([fx.res("aws:eks/nodeGroup:NodeGroup", {"remoteAccess": {"ec2SshKey": "ops", "sourceSecurityGroupIds": ["sg-1"]}})]), "path": "/resources/0/props/remoteAccess"},
}

allowed_cases := {
	"no remote access": fx.doc([fx.res("aws:eks/nodeGroup:NodeGroup", {"subnetIds": ["s"]})]),
	"empty remote access": fx.doc([fx.res("aws:eks/nodeGroup:NodeGroup", {"remoteAccess": {}})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AWS-034", tc.path]}
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
