package llmops.spec.model.approved_registry_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.model.approved_registry as check

denied_cases := {
	"public hub": {"input": fx.model({"source": {"type": "huggingface", "uri": "hf.co/someone/llama-finetune"}}), "path": "/spec/models/0/source/uri"},
}

allowed_cases := {
	"internal": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-MODEL-002", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
