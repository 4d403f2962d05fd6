package llmops.runtime.aws.ebs_encrypted_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.ebs_encrypted as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"plain": {"input": fx.doc([fx.res("aws:ec2/launchTemplate:LaunchTemplate", {"blockDeviceMappings": [{"deviceName": "/dev/xvda", "ebs": {"volumeSize": 100}}]})]), "path": "/resources/0/props/blockDeviceMappings"},
}

allowed_cases := {
	"encrypted": fx.doc([fx.res("aws:ec2/launchTemplate:LaunchTemplate", {"blockDeviceMappings": [{"deviceName": "/dev/xvda", "ebs": {"encrypted": "true", "kmsKeyId": "k"}}]})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-007", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
