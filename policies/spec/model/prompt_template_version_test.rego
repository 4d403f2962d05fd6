package llmops.spec.model.prompt_template_version_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.model.prompt_template_version as check

denied_cases := {
	"missing": {"input": json.remove(fx.base, ["spec/models/0/reproducibility/promptTemplateVersion"]), "path": "/spec/models/0/reproducibility"},
}

allowed_cases := {
	"recorded": fx.base,
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-REPRO-002", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
