package llmops.spec.platform.approved_images_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.platform.approved_images as check

denied_cases := {
	"docker hub gateway": {"input": fx.spec({"platform": {"images": {"gateway": {"repository": "docker.io/litellm/litellm", "digest": "sha256:0000000000000000000000000000000000000000000000000000000000000000"}}}}), "path": "/spec/platform/images/gateway/repository"},
}

allowed_cases := {
	"approved": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-PLAT-002", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
