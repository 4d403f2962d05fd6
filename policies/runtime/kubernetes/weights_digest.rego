# METADATA
# title: Model servers load weights pinned by digest
# description: >-
#   Weights fetched by name or tag can be swapped (model poisoning); the server must load
#   something immutable. Pinned are: a Hugging Face model named with --revision <40-hex commit>
#   while HF_HUB_OFFLINE=1 keeps the server off the hub; a local path filled by an init
#   container that verifies a digest (--sha256), or named by the llmops.dev/weights-digest
#   annotation; a KServe storageUri carrying a sha256 digest (oci://…@sha256:… model car).
#   The annotation does not pin a server that loads `--model <hub name>` itself.
# scope: package
# custom:
#   id: LLM-K8S-024
#   severity: high
#   remediation: >-
#     Fetch weights by digest (an init container that verifies --sha256, or an oci:// model
#     car by @sha256: digest), or pin a hub model with --revision <commit> and HF_HUB_OFFLINE=1.
#   frameworks:
#     owasp-llm-2025: ["LLM03:2025", "LLM04:2025"]
#     nist-ai-rmf: ["MEASURE 2.7"]
#     nist-ai-600-1: ["Value Chain and Component Integration"]
package llmops.runtime.kubernetes.weights_digest

import data.llmops.lib.model_servers as servers
import data.llmops.lib.runtime as lib

# A server that loads a hub model by name: pinned only by a commit revision, offline.
deny contains {"id": "LLM-K8S-024", "msg": msg, "path": pointer, "resource": urn} if {
	some [i, pointer, container, _] in lib.containers
	contains(pointer, "/containers/")
	entry := servers.server(container)
	some model in servers.models(container, entry)
	servers.hub_name(model)
	not hub_pinned(container, entry)
	not lib.serving_runtime(i)
	urn := input.resources[i].urn
	msg := concat("", [lib.text(entry.name), " server ", lib.text(container.name), " loads hub model ", lib.text(model), " without --revision <commit> and HF_HUB_OFFLINE=1"])
}

# A server that loads local weights nobody verified.
deny contains {"id": "LLM-K8S-024", "msg": msg, "path": pointer, "resource": urn} if {
	some [i, pod_pointer, pod] in lib.pod_specs
	some j, container in object.get(pod, "containers", [])
	entry := servers.server(container)
	count({model | some model in servers.models(container, entry); servers.hub_name(model)}) == 0
	not verified_locally(i, pod_pointer, pod)
	not lib.serving_runtime(i)
	pointer := concat("", [lib.text(pod_pointer), "/containers/", format_int(j, 10)])
	urn := input.resources[i].urn
	msg := concat("", [lib.text(entry.name), " server ", lib.text(container.name), " does not load weights pinned by digest"])
}

# A KServe InferenceService whose storageUri names no digest.
deny contains {"id": "LLM-K8S-024", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/spec/predictor/", lib.text(component), "/storageUri"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type in lib.params.kserve_types
	some component, predictor in object.get(resource.props, ["spec", "predictor"], {})
	uri := predictor.storageUri
	is_string(uri)
	not regex.match(`@sha256:[a-f0-9]{64}$`, uri)
	msg := concat("", ["InferenceService ", lib.text(resource.props.metadata.name), " loads ", lib.text(uri), ", not pinned by digest"])
}

hub_pinned(container, entry) if {
	servers.revision_pinned(container, entry)
	servers.hub_offline(container)
}

verified_locally(i, pointer, _) if {
	annotations := object.get(servers.template_metadata(i, pointer), "annotations", {})
	regex.match(`^sha256:[a-f0-9]{64}$`, object.get(annotations, "llmops.dev/weights-digest", ""))
}

verified_locally(_, _, pod) if {
	some init in object.get(pod, "initContainers", [])
	some flag in lib.params.weights_digest_flags
	some value in servers.flag_values(init, flag)
	regex.match(`^(sha256:)?[a-f0-9]{64}$`, value)
}
