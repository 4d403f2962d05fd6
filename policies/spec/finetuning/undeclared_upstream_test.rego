package llmops.spec.finetuning.undeclared_upstream_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.finetuning.undeclared_upstream as check

with_dataset(patch) := fx.finetuning({"datasets": [object.union(fx.finetuning_section.datasets[0], patch)]})

denied_cases := {
	"undeclared upstream": {"input": with_dataset({"lineage": {"upstream": ["cms-export", "shadow-share"]}}), "path": "/spec/fineTuning/datasets/0/lineage/upstream/1"},
	"undeclared source": {"input": with_dataset({"sources": ["terminal-guides", "hr-drive"]}), "path": "/spec/fineTuning/datasets/0/sources/1"},
}

allowed_cases := {
	"upstream of a declared source": fx.finetuning({}),
	"a declared source itself": with_dataset({"lineage": {"upstream": ["flight-status"]}}),
	"no lineage, no sources": with_dataset({"lineage": null, "sources": []}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-FT-005", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
