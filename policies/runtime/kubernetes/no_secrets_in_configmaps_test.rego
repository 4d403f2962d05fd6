package llmops.runtime.kubernetes.no_secrets_in_configmaps_test

import data.llmops.runtime.kubernetes.no_secrets_in_configmaps as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"key name": {"input": fx.doc([fx.config_map({"API_KEY": "abc"})]), "path": "/resources/0/props/data/API_KEY"},
	"in a file": {"input": fx.doc([fx.config_map({"config.yaml": "master_key: sk1234567890abcdef"})]), "path": "/resources/0/props/data/config.yaml"},
}

allowed_cases := {
	"env reference": fx.doc([fx.config_map({"config.yaml": "master_key: os.environ/LITELLM_MASTER_KEY"})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-K8S-026", tc.path]}
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
