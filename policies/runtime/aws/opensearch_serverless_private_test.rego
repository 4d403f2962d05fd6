package llmops.runtime.aws.opensearch_serverless_private_test

import data.llmops.runtime.aws.opensearch_serverless_private as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"public": {"input": fx.doc([fx.res("aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy", {"type": "network", "policy": "[{\"AllowFromPublic\":true}]"})]), "path": "/resources/0/props/policy"},
	"aws key": {"input": fx.doc([fx.res("aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy", {"type": "encryption", "policy": "{\"AWSOwnedKey\":true}"})]), "path": "/resources/0/props/policy"},
}

allowed_cases := {
	"private cmk": fx.doc([fx.res("aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy", {"type": "network", "policy": "[{\"AllowFromPublic\":false,\"SourceVPCEs\":[\"vpce-1\"]}]"}), fx.res("aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy", {"type": "encryption", "policy": "{\"AWSOwnedKey\":false,\"KmsARN\":\"k\"}"})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AWS-017", tc.path]}
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
