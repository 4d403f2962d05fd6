package llmops.spec.network.egress_control_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.network.egress_control as check

denied_cases := {
	"open": {"input": fx.spec({"network": {"egress": {"mode": "open"}}}), "path": "/spec/network/egress/mode"},
	"empty allowlist": {"input": fx.spec({"network": {"egress": {"mode": "allowlist", "allowlist": []}}}), "path": "/spec/network/egress/allowlist"},
	"proxy without allowlist": {"input": fx.spec({"pattern": "blackBoxApi", "blackBoxApi": {"provider": "openai", "access": "proxy"}}), "path": "/spec/network/egress"},
}

allowed_cases := {
	"none": fx.base,
	"allowlisted": fx.spec({"network": {"egress": {"mode": "allowlist", "allowlist": ["api.example.com"]}}}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-NET-004", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
