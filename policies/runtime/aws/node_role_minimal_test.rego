package llmops.runtime.aws.node_role_minimal_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.node_role_minimal as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"admin on nodes": {"input": fx.doc([fx.node_role, fx.res("aws:iam/rolePolicyAttachment:RolePolicyAttachment", {"role": "nodes", "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"})]), "path": "/resources/1/props/policyArn"},
	"inline": {"input": fx.doc([fx.node_role, fx.res("aws:iam/rolePolicy:RolePolicy", {"role": "r-id", "policy": "{}"})]), "path": "/resources/1/props"},
}

allowed_cases := {
	"standard": fx.doc([fx.node_role, fx.res("aws:iam/rolePolicyAttachment:RolePolicyAttachment", {"role": "nodes", "policyArn": "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-028", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
