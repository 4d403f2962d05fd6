package llmops.spec.access.federated_identity_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.access.federated_identity as check

denied_cases := {
	"iam in prod": {"input": fx.spec({"access": {"identityProvider": {"type": "iam"}}}), "path": "/spec/access/identityProvider/type"},
	"no issuer": {"input": json.remove(fx.base, ["spec/access/identityProvider/issuer"]), "path": "/spec/access/identityProvider"},
}

allowed_cases := {
	"oidc": fx.base,
	"iam outside production": fx.staging({"access": {"identityProvider": {"type": "iam"}}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-ACC-004", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
