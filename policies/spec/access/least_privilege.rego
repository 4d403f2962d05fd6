# METADATA
# title: Role permissions come from the approved action catalogue
# description: >-
#   Least privilege: every permission is a known <family>:<verb> action, so reviewers can
#   reason about what a role can do.
# scope: package
# custom:
#   id: LLM-ACC-002
#   severity: medium
#   remediation: >-
#     Use actions of the form <family>:<verb> with a family listed in policies/data.yaml
#     allowed_action_families.
#   frameworks:
#     nist-ai-rmf: ["GOVERN 2.1", "MEASURE 2.7"]
#     owasp-llm-2025: ["LLM06:2025"]
package llmops.spec.access.least_privilege

import data.llmops.lib.spec

deny contains {"id": "LLM-ACC-002", "msg": msg, "path": sprintf("/spec/access/roles/%d/permissions/%d", [i, j])} if {
	some i, role in input.spec.access.roles
	some j, permission in role.permissions
	not spec.wildcard(permission)
	not known_action(permission)
	msg := sprintf("role %s grants %s, which is not an approved <family>:<verb> action", [role.name, permission])
}

known_action(permission) if {
	parts := split(permission, ":")
	count(parts) == 2
	parts[0] in spec.params.allowed_action_families
	parts[1] != ""
}
