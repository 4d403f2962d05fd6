# METADATA
# title: Roles grant no wildcard permissions
# description: >-
#   Wildcards grant every present and future action; each role lists exactly the actions it
#   needs.
# scope: package
# custom:
#   id: LLM-ACC-001
#   severity: high
#   remediation: >-
#     Replace wildcard permissions with the specific actions, e.g. inference:invoke.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.7"]
#     nist-ai-600-1: ["Information Security"]
#     owasp-llm-2025: ["LLM06:2025"]
package llmops.spec.access.no_wildcards

import data.llmops.lib.spec

deny contains {"id": "LLM-ACC-001", "msg": msg, "path": sprintf("/spec/access/roles/%d/permissions/%d", [i, j])} if {
	some i, role in input.spec.access.roles
	some j, permission in role.permissions
	spec.wildcard(permission)
	msg := sprintf("role %s grants wildcard permission %s", [role.name, permission])
}
