package llmops.spec.evidence.red_team_test

import data.llmops.evidence_fixtures_test as ev
import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
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

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-EVID-007", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
