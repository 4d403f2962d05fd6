# METADATA
# title: Model servers load weights pinned by digest
# description: >-
#   Weights fetched by name or tag can be swapped (model poisoning); the pod must name the
#   digest it loads and verify it.
# scope: package
# custom:
#   id: LLM-K8S-024
#   severity: high
#   remediation: >-
#     Fetch weights by digest (llmops.dev/weights-digest annotation and a fetcher that verifies
#     --sha256).
#   frameworks:
#     owasp-llm-2025: ["LLM03:2025", "LLM04:2025"]
#     nist-ai-rmf: ["MEASURE 2.7"]
#     nist-ai-600-1: ["Value Chain and Component Integration"]
package llmops.runtime.kubernetes.weights_digest

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-K8S-024", "msg": msg, "path": pointer, "resource": urn} if {
	some [i, pointer, pod] in lib.pod_specs
	urn := input.resources[i].urn
	some container in pod.containers
	regex.match(`(vllm|text-generation-inference|tritonserver|tgi)`, container.image)
	not pinned_weights(input.resources[i], pod)
	msg := sprintf("model server %s does not load weights pinned by digest", [container.name])
}

pinned_weights(resource, _) if {
	annotations := object.get(resource.props, ["spec", "template", "metadata", "annotations"], {})
	regex.match(`^sha256:[a-f0-9]{64}$`, object.get(annotations, "llmops.dev/weights-digest", ""))
}

pinned_weights(_, pod) if {
	some init in object.get(pod, "initContainers", [])
	"--sha256" in object.get(init, "args", [])
}
