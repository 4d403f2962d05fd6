package llmops.spec.model.prompt_template_version_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.model.prompt_template_version as check

denied_cases := {
	"missing": {"input": json.remove(fx.base, ["spec/models/0/reproducibility/promptTemplateVersion"]), "path": "/spec/models/0/reproducibility"},
}

allowed_cases := {
	"recorded": fx.base,
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-REPRO-002", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
