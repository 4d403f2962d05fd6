package llmops.runtime.aws.node_role_minimal_test

import data.llmops.runtime.aws.node_role_minimal as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"admin on nodes": {"input": fx.doc([fx.node_role, fx.res("aws:iam/rolePolicyAttachment:RolePolicyAttachment", {"role": "nodes", "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"})]), "path": "/resources/1/props/policyArn"},
	"inline": {"input": fx.doc([fx.node_role, fx.res("aws:iam/rolePolicy:RolePolicy", {"role": "r-id", "policy": "{}"})]), "path": "/resources/1/props"},
}

allowed_cases := {
	"standard": fx.doc([fx.node_role, fx.res("aws:iam/rolePolicyAttachment:RolePolicyAttachment", {"role": "nodes", "policyArn": "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AWS-028", tc.path]}
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
