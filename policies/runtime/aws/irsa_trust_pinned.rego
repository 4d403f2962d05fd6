# METADATA
# title: IRSA trust is pinned to one service account and the STS audience
# description: >-
#   A web-identity trust without an exact :sub and :aud condition lets any pod in any cluster
#   trusted by the provider assume the role.
# scope: package
# custom:
#   id: LLM-AWS-024
#   severity: critical
#   remediation: >-
#     Use StringEquals on <issuer>:sub = system:serviceaccount:<ns>:<sa> and <issuer>:aud =
#     sts.amazonaws.com.
#   frameworks:
#     cis-eks: ["5.2.1"]
#     owasp-llm-2025: ["LLM06:2025"]
package llmops.runtime.aws.irsa_trust_pinned

import data.llmops.lib.iam
import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-024", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/assumeRolePolicy"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:iam/role:Role"
	some statement in iam.statements(resource.props.assumeRolePolicy)
	iam.allows(statement)
	oidc_federated(statement)
	iam.assume_action(statement)
	not pinned(object.get(statement, ["Condition", "StringEquals"], {}))
	msg := concat("", ["role ", lib.text(resource.name), " trusts web identities without a pinned service account and audience"])
}

pinned(conditions) if {
	some key, subject in conditions
	endswith(key, ":sub")
	regex.match(`^system:serviceaccount:[a-z0-9-]+:[a-z0-9-]+$`, subject)
	some audience_key, audience in conditions
	endswith(audience_key, ":aud")
	audience == "sts.amazonaws.com"
}

# A web-identity (OIDC provider) principal, whichever sts:AssumeRole* spelling the statement uses.
oidc_federated(statement) if {
	some provider in lib.as_array(statement.Principal.Federated)
	contains(provider, "oidc-provider/")
}
