package llmops.spec.access.federated_identity_test

import data.llmops.fixtures_test as fx
import data.llmops.spec.access.federated_identity as check

denied_cases := {
	"iam in prod": {"input": fx.spec({"access": {"identityProvider": {"type": "iam"}}}), "path": "/spec/access/identityProvider/type"},
	"no issuer": {"input": json.remove(fx.base, ["spec/access/identityProvider/issuer"]), "path": "/spec/access/identityProvider"},
}

allowed_cases := {
	"oidc": fx.base,
	"iam outside production": fx.staging({"access": {"identityProvider": {"type": "iam"}}}),
}

# Each denied case yields exactly this check's id at the expected path.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-ACC-004", tc.path]}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
