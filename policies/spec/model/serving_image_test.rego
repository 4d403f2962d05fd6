package llmops.spec.model.serving_image_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.model.serving_image as check

denied_cases := {
	"no image": {"input": json.remove(fx.base, ["spec/models/0/serving/image"]), "path": "/spec/models/0/serving"},
	"docker hub": {"input": fx.model({"serving": {"image": {"repository": "docker.io/vllm/vllm-openai"}}}), "path": "/spec/models/0/serving/image/repository"},
}

allowed_cases := {
	"approved": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-MODEL-003", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
