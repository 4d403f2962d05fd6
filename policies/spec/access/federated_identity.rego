# METADATA
# title: People sign in through a federated identity provider
# description: >-
#   Customer-facing and production stacks authenticate people through OIDC or SAML with a
#   named issuer, not static IAM users.
# scope: package
# custom:
#   id: LLM-ACC-004
#   severity: medium
#   remediation: >-
#     Set spec.access.identityProvider to oidc or saml with its issuer.
#   frameworks:
#     nist-ai-rmf: ["GOVERN 2.1"]
#     nist-ai-600-1: ["Information Security"]
package llmops.spec.access.federated_identity

import data.llmops.lib.spec

deny contains {"id": "LLM-ACC-004", "msg": "production uses IAM instead of a federated identity provider", "path": "/spec/access/identityProvider/type"} if {
	input.spec.access.identityProvider.type == "iam"
	spec.production
}

deny contains {"id": "LLM-ACC-004", "msg": "the identity provider has no issuer", "path": "/spec/access/identityProvider"} if {
	input.spec.access.identityProvider.type in {"oidc", "saml"}
	not input.spec.access.identityProvider.issuer
}
