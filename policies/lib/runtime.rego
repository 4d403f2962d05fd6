# METADATA
# title: Shared helpers over runtime resources
# description: >-
#   Iteration over the runtime-input document ({resources: [{urn, type, name, props}]}):
#   Kubernetes pod templates wherever they live, containers, and JSON documents in props.
# scope: package
package llmops.lib.runtime

import data.llmops.lib.cidr as cidr_lib

params := data.llmops.params

# Where the built-in Kubernetes workload kinds keep their pod spec, by "<API group>/<Kind>"
# ("core" for the core group), for every served version: apps/v1, apps/v1beta1, apps/v1beta2
# and extensions/v1beta1 Deployments; batch/v1 and batch/v1beta1 CronJobs. Paths use the same
# dotted form as the custom-resource table `pod_templates` in data.yaml, which extends this one
# (these entries win: a data override cannot remove a built-in kind).
builtin_pod_templates := {
	"core/Pod": {"pods": ["spec"]},
	"core/PodTemplate": {"pods": ["template.spec"]},
	"core/ReplicationController": {"pods": ["spec.template.spec"]},
	"apps/Deployment": {"pods": ["spec.template.spec"]},
	"apps/StatefulSet": {"pods": ["spec.template.spec"]},
	"apps/DaemonSet": {"pods": ["spec.template.spec"]},
	"apps/ReplicaSet": {"pods": ["spec.template.spec"]},
	"extensions/Deployment": {"pods": ["spec.template.spec"]},
	"extensions/DaemonSet": {"pods": ["spec.template.spec"]},
	"extensions/ReplicaSet": {"pods": ["spec.template.spec"]},
	"batch/Job": {"pods": ["spec.template.spec"]},
	"batch/CronJob": {"pods": ["spec.jobTemplate.spec.template.spec"]},
}

# kind key → {pods: [path…], containers: [path…], fragments: [path…], servingRuntime: bool}:
# the built-in kinds and the custom resources of data.yaml `pod_templates` (see its comment).
pod_templates := object.union(object.get(params, "pod_templates", {}), builtin_pod_templates)

# "<API group>/<Kind>" of a Kubernetes type token: kubernetes:apps/v1:Deployment → apps/Deployment.
kind_key(type) := concat("/", [group, kind]) if {
	[provider, group_version, kind] := split(type, ":")
	provider == "kubernetes"
	[group, _] := split(group_version, "/")
}

# The segments of a table path: "spec.workerGroupSpecs[*].template.spec" →
# ["spec", "workerGroupSpecs", "*", "template", "spec"]; `*` stands for every array element.
path_segments(path) := split(replace(path, "[*]", ".*"), ".")

# [JSON Pointer segments, value] for every value a path with at most two `*` reaches in `root`
# (Rego has no recursion; a test holds every table entry to two wildcards).
expand(root, segments) := expand_stars(root, segments, [k | segments[k] == "*"])

expand_stars(root, segments, []) := {[segments, value] |
	value := object.get(root, segments, null)
	value != null
}

expand_stars(root, segments, [star]) := {[path, value] |
	head := array.slice(segments, 0, star)
	tail := array.slice(segments, star + 1, count(segments))
	some j, item in as_list(object.get(root, head, []))
	value := object.get(item, tail, null)
	value != null
	path := array.concat(array.concat(head, [format_int(j, 10)]), tail)
}

expand_stars(root, segments, [first, second]) := {[path, value] |
	head := array.slice(segments, 0, first)
	middle := array.slice(segments, first + 1, second)
	tail := array.slice(segments, second + 1, count(segments))
	some j, outer in as_list(object.get(root, head, []))
	some k, item in as_list(object.get(outer, middle, []))
	value := object.get(item, tail, null)
	value != null
	path := array.concat(array.concat(array.concat(array.concat(head, [format_int(j, 10)]), middle), [format_int(k, 10)]), tail)
}

as_list(value) := value if is_array(value)

as_list(value) := [] if not is_array(value)

props_pointer(i, path) := concat("/", array.concat(["", "resources", format_int(i, 10), "props"], path))

# [index, JSON Pointer of the pod spec, pod spec, pod template metadata] for every pod spec of
# every resource: built-in workloads and the custom resources of the pod-template table. The
# metadata is the template's (a sibling of a path's final `spec`), {} where the kind has none.
pod_templates_found contains [i, props_pointer(i, path), pod, metadata] if {
	some i, resource in input.resources
	entry := pod_templates[kind_key(resource.type)]
	some template in object.get(entry, "pods", [])
	some [path, pod] in expand(resource.props, path_segments(template))
	is_object(pod)
	metadata := template_metadata(resource.props, path)
}

template_metadata(props, path) := object.get(props, array.concat(array.slice(path, 0, count(path) - 1), ["metadata"]), {}) if {
	path[count(path) - 1] == "spec"
}

template_metadata(_, path) := {} if path[count(path) - 1] != "spec"

# [index, JSON Pointer of the pod spec, pod spec] for every workload (see pod_templates_found).
pod_specs contains [i, pointer, pod] if some [i, pointer, pod, _] in pod_templates_found

# The pod-spec fields that hold containers: ephemeral containers (kubectl debug) run in the
# pod's namespaces too, so the container-level checks judge them as well.
container_fields := ["containers", "initContainers", "ephemeralContainers"]

# [index, pointer of the container, container, pod] for containers, init containers and
# ephemeral containers of every pod spec, and for the single-container fields the table names
# (KServe's `predictor.model`: a container whose pod spec is the enclosing object). A container
# without a name is given its field name, so a message about it is never undefined.
containers contains [i, concat("", [pointer, "/", field, "/", format_int(j, 10)]), container, pod] if {
	some [i, pointer, pod] in pod_specs
	some field in container_fields
	some j, container in as_list(object.get(pod, field, []))
}

containers contains [i, props_pointer(i, path), object.union({"name": path[count(path) - 1]}, container), pod] if {
	some i, resource in input.resources
	entry := pod_templates[kind_key(resource.type)]
	some template in object.get(entry, "containers", [])
	some [path, container] in expand(resource.props, path_segments(template))
	is_object(container)
	pod := object.get(resource.props, array.slice(path, 0, count(path) - 1), {})
}

# [namespace, name, automountServiceAccountToken] of every ServiceAccount in the input. A set,
# not an object keyed by name: the same account may come from two files (a chart and a cluster
# export), and two objects under one key would be an evaluation error, not a finding.
service_account_automounts contains [namespace_of(resource), object.get(resource.props, ["metadata", "name"], ""), object.get(resource.props, "automountServiceAccountToken", true)] if {
	some resource in input.resources
	kind_key(resource.type) == "core/ServiceAccount"
}

# Does a pod of resource i mount a service-account token? As the kubelet decides: the pod's
# automountServiceAccountToken wins; without it, that of the ServiceAccount the pod names
# (serviceAccountName, the deprecated serviceAccount, else `default`) in the pod's namespace,
# when the input holds it; without either, the token is mounted (Kubernetes' default).
mounts_token(i, pod) := object.get(pod, "automountServiceAccountToken", account_automount(i, pod))

# false only when every copy of the named account in the input turns the token off.
account_automount(i, pod) := false if {
	key := [namespace_of(input.resources[i]), account_name(pod)]
	values := {value | some [ns, name, value] in service_account_automounts; [ns, name] == key}
	values == {false}
} else := true

account_name(pod) := object.get(pod, "serviceAccountName", object.get(pod, "serviceAccount", "default"))

# A KMS key reference that names a key: a non-empty string (an ARN, a key id, an alias, or the
# placeholder of a value unknown during preview). An empty string, null or false names no key,
# though Rego reads "" as set.
key_named(value) if {
	is_string(value)
	trim_space(value) != ""
}

resource_pointer(i) := concat("", ["/resources/", format_int(i, 10), "/props"])

# Parses a JSON policy document given as a string or as an object. The text must be one object
# or array (`{…}` or `[…]` once trimmed): the WebAssembly json.unmarshal accepts trailing text
# after the first value, where OPA's Go runtime fails; requiring the closing bracket keeps both
# runtimes in step on text appended to a document.
document(value) := json.unmarshal(text) if {
	is_string(value)
	text := trim_space(value)
	regex.match(`^(\{[\s\S]*\}|\[[\s\S]*\])$`, text)
}

document(value) := value if is_object(value)

as_array(value) := value if is_array(value)

as_array(value) := [value] if not is_array(value)

namespace_of(resource) := object.get(resource.props, ["metadata", "namespace"], "default")

# One range that by itself admits the internet. Checks over range lists use
# data.llmops.lib.cidr.open_to_internet, which judges the ranges together.
world_cidr(cidr) if cidr_lib.open_to_internet([cidr])

# Every value another resource may use to refer to this one (id, name, bucket or role name).
resource_keys(resource) := {key |
	some key in [object.get(resource, "id", null), resource.name, object.get(resource.props, "name", null), object.get(resource.props, "bucket", null)]
	is_string(key)
}

bucket_keys(bucket) := resource_keys(bucket)

# Does `resource`'s property `prop` refer to `target`? By value (id, name) in plans, previews
# and state, or by the engine's recorded property dependencies (CrossGuard), where ids of
# resources being created are not known yet.
references(resource, prop, target) if resource.props[prop] in resource_keys(target)

references(resource, prop, target) if target.urn in object.get(resource, ["refs", prop], [])

# Values and URNs by which `referrers` refer to other resources through `prop`. Collect them
# once, then test each candidate with `referenced`: linear instead of quadratic.
referring_values(referrers, prop) := {value | some referrer in referrers; value := referrer.props[prop]}

referring_urns(referrers, prop) := {urn | some referrer in referrers; some urn in object.get(referrer, ["refs", prop], [])}

referenced(target, values, _) if {
	some key in resource_keys(target)
	key in values
}

referenced(target, _, urns) if target.urn in urns

# Is the pod spec or container at `pointer` (of resource i) a merge fragment? The table's
# `fragments` lists the templates a controller merges over a base the input may not hold (a
# KServe model spec over its ServingRuntime's container; an LLMInferenceService over its
# LLMInferenceServiceConfig): there a missing setting is undetermined, not insecure.
fragment(i, pointer) if {
	entry := pod_templates[kind_key(input.resources[i].type)]
	parts := array.slice(split(pointer, "/"), 4, count(split(pointer, "/")))
	some template in object.get(entry, "fragments", [])
	segments := path_segments(template)
	count(parts) >= count(segments)
	every k, s in segments { s in {"*", parts[k]} }
}

# A setting a check may judge: one that is set, or one that is missing where the template is
# complete (not a merge fragment). `value` is the setting as read, null when missing.
judged(_, _, value) if value != null

judged(i, pointer, null) if not fragment(i, pointer)

# Is resource i a serving-runtime template (table key `servingRuntime: true`, KServe's
# ServingRuntime)? The InferenceService that selects it supplies the model, its arguments and
# the pod-level service-account settings, which a ServingRuntimePodSpec cannot even hold.
serving_runtime(i) if pod_templates[kind_key(input.resources[i].type)].servingRuntime == true

# Text of a value inside a finding's message or path: a string as it is, anything else as JSON.
# Findings build their text with concat and this instead of sprintf: sprintf runs in JavaScript
# under the WebAssembly SDK, and every call copies its arguments out of the WebAssembly heap,
# whose allocator then scans a free list that grows with the evaluation, so the cost of a
# decision grew with the square of its findings (bench/linear-cost.mjs).
text(value) := value if {
	is_string(value)
} else := json.marshal(value)
