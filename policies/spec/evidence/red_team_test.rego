package llmops.spec.evidence.red_team_test

import data.llmops.evidence_fixtures_test as ev
import data.llmops.fixtures_test as fx
import data.llmops.spec.evidence.red_team as check

denied_cases := {
	"listed category over its ceiling": {"input": ev.with_evidence([ev.evidence({"results": {"redTeam": [{"category": "prompt-injection", "attempts": 100, "successes": 3}]}})]), "path": "/spec/models/0/evaluation"},
	"unlisted category over the default": {"input": ev.with_evidence([ev.evidence({"results": {"redTeam": [{"category": "excessive-agency", "attempts": 100, "successes": 6}]}})]), "path": "/spec/models/0/evaluation"},
}

allowed_cases := {
	"passing evidence": ev.passing,
	"unlisted category under the default": ev.with_evidence([ev.evidence({"results": {"redTeam": [{"category": "excessive-agency", "attempts": 100, "successes": 5}]}})]),
	"evidence not evaluated": fx.base,
	"warn gate": ev.warn_gate([ev.evidence({"results": {"redTeam": [{"category": "jailbreak", "attempts": 10, "successes": 9}]}})]),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-EVID-007", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
