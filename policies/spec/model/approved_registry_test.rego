package llmops.spec.model.approved_registry_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.model.approved_registry as check

denied_cases := {
	"public hub": {"input": fx.model({"source": {"type": "huggingface", "uri": "hf.co/someone/llama-finetune"}}), "path": "/spec/models/0/source/uri"},
}

allowed_cases := {
	"internal": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-MODEL-002", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
