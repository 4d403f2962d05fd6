package llmops.spec.model.weights_fit_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.model.weights_fit as check

denied_cases := {
	"70B in bfloat16 on one L4": {"input": fx.model({"parameters": 70, "dtype": "bfloat16"}), "path": "/spec/models/0/parameters"},
	"8B in float32 on one L4": {"input": fx.model({"parameters": 8, "dtype": "float32"}), "path": "/spec/models/0/parameters"},
}

allowed_cases := {
	"8B in bfloat16 on one L4": fx.model({"parameters": 8, "dtype": "bfloat16"}),
	"70B in bfloat16 on four H100": fx.model({"parameters": 70, "dtype": "bfloat16", "gpu": {"type": "H100", "count": 4}}),
	"70B in int4 on two L40S": fx.model({"parameters": 70, "dtype": "int4", "gpu": {"type": "L40S", "count": 2}}),
	"parameters not declared": fx.base,
	"served on CPU": fx.model({"parameters": 0.3, "dtype": "float32", "gpu": {"type": "none", "count": 0}}),
	"external API model": fx.model({"parameters": 400, "dtype": "bfloat16", "serving": {"runtime": "external"}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-MODEL-005", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
