package llmops.spec.network.egress_control_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
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

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-NET-004", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
