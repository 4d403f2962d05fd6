# METADATA
# title: Workloads do not run in the default namespace
# description: >-
#   The default namespace is where every unqualified kubectl command and every mistake lands;
#   it carries no Pod Security labels, quotas or default-deny policies of its own, so a model
#   server or vector database there shares its trust boundary with whatever else was applied.
#   Judged on an explicit metadata.namespace (a manifest without one takes the namespace it is
#   applied to).
# scope: package
# custom:
#   id: LLM-K8S-044
#   severity: medium
#   remediation: >-
#     Create a namespace for the workload, with Pod Security labels, a ResourceQuota and
#     default-deny NetworkPolicies, and set metadata.namespace to it.
#   frameworks:
#     cis-kubernetes: ["5.7.4"]
#     nsa-cisa-k8s: ["Network separation: Namespaces"]
package llmops.runtime.kubernetes.no_default_namespace

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-044", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/metadata/namespace"]), "resource": urn} if {
	some [i, _, _] in lib.pod_specs
	object.get(input.resources[i].props, ["metadata", "namespace"], null) == "default"
	urn := input.resources[i].urn
	msg := concat("", [
		lib.text(object.get(input.resources[i].props, "kind", "workload")),
		" ",
		lib.text(object.get(input.resources[i].props, ["metadata", "name"], "")),
		" runs in the default namespace",
	])
}
