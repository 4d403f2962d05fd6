package llmops.runtime.aws.eks_nodegroup_no_ssh_test

import data.llmops.lib.testing
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

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-034", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
