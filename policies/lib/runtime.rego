# METADATA
# title: Shared helpers over runtime resources
# description: >-
#   Iteration over the runtime-input document ({resources: [{urn, type, name, props}]}):
#   Kubernetes pod templates wherever they live, containers, and JSON documents in props.
# scope: package
package llmops.lib.runtime

import data.llmops.lib.cidr as cidr_lib

params := data.llmops.params

# Kubernetes workload kinds and where their pod spec lives in props.
pod_spec_paths := {
	"kubernetes:core/v1:Pod": ["spec"],
	"kubernetes:apps/v1:Deployment": ["spec", "template", "spec"],
	"kubernetes:apps/v1:StatefulSet": ["spec", "template", "spec"],
	"kubernetes:apps/v1:DaemonSet": ["spec", "template", "spec"],
	"kubernetes:apps/v1:ReplicaSet": ["spec", "template", "spec"],
	"kubernetes:batch/v1:Job": ["spec", "template", "spec"],
	"kubernetes:batch/v1:CronJob": ["spec", "jobTemplate", "spec", "template", "spec"],
}

# [index, JSON Pointer of the pod spec, pod spec] for every workload.
pod_specs contains [i, pointer, pod] if {
	some i, resource in input.resources
	path := pod_spec_paths[resource.type]
	pod := object.get(resource.props, path, null)
	pod != null
	pointer := concat("/", array.concat(["", "resources", format_int(i, 10), "props"], path))
}

# [index, pointer of the container, container, pod] for containers and init containers.
containers contains [i, sprintf("%s/%s/%d", [pointer, field, j]), container, pod] if {
	some [i, pointer, pod] in pod_specs
	some field in ["containers", "initContainers"]
	some j, container in object.get(pod, field, [])
}

resource_pointer(i) := sprintf("/resources/%d/props", [i])

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
