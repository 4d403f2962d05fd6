package llmops.runtime.aws.vpc_flow_logs_test

import data.llmops.runtime.aws.vpc_flow_logs as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"none": {"input": fx.doc([fx.res("aws:ec2/vpc:Vpc", {"cidrBlock": "10.0.0.0/16"})]), "path": "/resources/0/props"},
}

allowed_cases := {
	"logged": fx.doc([fx.res("aws:ec2/vpc:Vpc", {"cidrBlock": "10.0.0.0/16"}), fx.res("aws:ec2/flowLog:FlowLog", {"vpcId": "r-id", "trafficType": "ALL"})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AWS-021", tc.path]}
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
