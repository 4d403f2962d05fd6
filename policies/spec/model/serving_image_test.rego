package llmops.spec.model.serving_image_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.model.serving_image as check

denied_cases := {
	"no image": {"input": json.remove(fx.base, ["spec/models/0/serving/image"]), "path": "/spec/models/0/serving"},
	"docker hub": {"input": fx.model({"serving": {"image": {"repository": "docker.io/vllm/vllm-openai"}}}), "path": "/spec/models/0/serving/image/repository"},
}

allowed_cases := {
	"approved": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-MODEL-003", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
