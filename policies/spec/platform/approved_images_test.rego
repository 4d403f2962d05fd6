package llmops.spec.platform.approved_images_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.platform.approved_images as check

denied_cases := {
	"docker hub gateway": {"input": fx.spec({"platform": {"images": {"gateway": {"repository": "docker.io/litellm/litellm", "digest": "sha256:0000000000000000000000000000000000000000000000000000000000000000"}}}}), "path": "/spec/platform/images/gateway/repository"},
}

allowed_cases := {
	"approved": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-PLAT-002", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
