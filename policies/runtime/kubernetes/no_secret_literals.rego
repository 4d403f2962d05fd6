# METADATA
# title: Secrets are not written as env literals
# description: >-
#   Environment values in a manifest end up in Git, in Pulumi state and in `kubectl describe`;
#   secrets are read from Secrets by reference.
# scope: package
# custom:
#   id: LLM-K8S-010
#   severity: critical
#   remediation: >-
#     Move the value into a Secret and use env[].valueFrom.secretKeyRef.
#   frameworks:
#     nsa-cisa-k8s: ["Network separation: Secrets"]
#     owasp-llm-2025: ["LLM02:2025"]
#     cis-kubernetes: ["5.4.1"]
#     cis-eks: ["4.4.1"]
package llmops.runtime.kubernetes.no_secret_literals

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-010", "msg": msg, "path": sprintf("%s/env/%d/value", [pointer, j]), "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	urn := input.resources[i].urn
	some j, variable in object.get(container, "env", [])
	is_string(variable.value)
	variable.value != ""
	regex.match(`(?i)(^|_)(API_?KEY|SECRET|PASSWORD|PASSWD|MASTER_KEY|ACCESS_KEY|SECRET_KEY|TOKEN|PRIVATE_KEY)$`, variable.name)
	msg := sprintf("container %s sets %s from a literal value", [container.name, variable.name])
}
