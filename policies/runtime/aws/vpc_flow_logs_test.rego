package llmops.runtime.aws.vpc_flow_logs_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.vpc_flow_logs as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"none": {"input": fx.doc([fx.res("aws:ec2/vpc:Vpc", {"cidrBlock": "10.0.0.0/16"})]), "path": "/resources/0/props"},
}

allowed_cases := {
	"logged": fx.doc([fx.res("aws:ec2/vpc:Vpc", {"cidrBlock": "10.0.0.0/16"}), fx.res("aws:ec2/flowLog:FlowLog", {"vpcId": "r-id", "trafficType": "ALL"})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-021", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
