# Every place a pod spec lives: the built-in workload kinds in each served version, ephemeral
# containers, and each custom-resource kind of the pod-template table in data.yaml. A crafted
# copy of each runs a privileged container with a hostPath of "/", and both must be caught.
package llmops.lib.runtime_test

import data.llmops.lib.runtime as lib
import data.llmops.runtime.kubernetes.no_host_path
import data.llmops.runtime.kubernetes.no_privileged
import data.llmops.runtime.kubernetes.resource_limits
import data.llmops.runtime.kubernetes.run_as_non_root
import data.llmops.runtime_fixtures_test as fx

bad_container := object.union(fx.good_container, {"securityContext": {"privileged": true}})

bad_pod := object.union(fx.good_pod, {"containers": [bad_container], "volumes": [{"name": "root", "hostPath": {"path": "/"}}]})

template(pod) := {"metadata": {"labels": {"app": "x"}}, "spec": pod}

# kind → [type token, props, JSON Pointer of the (first) bad pod spec]; three tables, so each
# test stays well inside opa test's per-test timeout on a loaded machine.
builtin_shapes := {
	"Pod": ["kubernetes:core/v1:Pod", {"spec": bad_pod}, "/resources/0/props/spec"],
	"PodTemplate": ["kubernetes:core/v1:PodTemplate", {"template": template(bad_pod)}, "/resources/0/props/template/spec"],
	"ReplicationController": ["kubernetes:core/v1:ReplicationController", {"spec": {"template": template(bad_pod)}}, "/resources/0/props/spec/template/spec"],
	"Deployment apps/v1beta1": ["kubernetes:apps/v1beta1:Deployment", {"spec": {"template": template(bad_pod)}}, "/resources/0/props/spec/template/spec"],
	"Deployment apps/v1beta2": ["kubernetes:apps/v1beta2:Deployment", {"spec": {"template": template(bad_pod)}}, "/resources/0/props/spec/template/spec"],
	"Deployment extensions/v1beta1": ["kubernetes:extensions/v1beta1:Deployment", {"spec": {"template": template(bad_pod)}}, "/resources/0/props/spec/template/spec"],
	"DaemonSet extensions/v1beta1": ["kubernetes:extensions/v1beta1:DaemonSet", {"spec": {"template": template(bad_pod)}}, "/resources/0/props/spec/template/spec"],
	"StatefulSet apps/v1": ["kubernetes:apps/v1:StatefulSet", {"spec": {"template": template(bad_pod)}}, "/resources/0/props/spec/template/spec"],
	"ReplicaSet apps/v1": ["kubernetes:apps/v1:ReplicaSet", {"spec": {"template": template(bad_pod)}}, "/resources/0/props/spec/template/spec"],
	"Job": ["kubernetes:batch/v1:Job", {"spec": {"template": template(bad_pod)}}, "/resources/0/props/spec/template/spec"],
	"CronJob batch/v1": ["kubernetes:batch/v1:CronJob", {"spec": {"jobTemplate": {"spec": {"template": template(bad_pod)}}}}, "/resources/0/props/spec/jobTemplate/spec/template/spec"],
	"CronJob batch/v1beta1": ["kubernetes:batch/v1beta1:CronJob", {"spec": {"jobTemplate": {"spec": {"template": template(bad_pod)}}}}, "/resources/0/props/spec/jobTemplate/spec/template/spec"],
}

kserve_shapes := {
	"InferenceService predictor": ["kubernetes:serving.kserve.io/v1beta1:InferenceService", {"spec": {"predictor": bad_pod}}, "/resources/0/props/spec/predictor"],
	"InferenceService transformer": ["kubernetes:serving.kserve.io/v1beta1:InferenceService", {"spec": {"predictor": {"model": {"modelFormat": {"name": "x"}}}, "transformer": bad_pod}}, "/resources/0/props/spec/transformer"],
	"InferenceService explainer": ["kubernetes:serving.kserve.io/v1beta1:InferenceService", {"spec": {"predictor": {"model": {"modelFormat": {"name": "x"}}}, "explainer": bad_pod}}, "/resources/0/props/spec/explainer"],
	"InferenceService workerSpec": ["kubernetes:serving.kserve.io/v1beta1:InferenceService", {"spec": {"predictor": {"workerSpec": bad_pod}}}, "/resources/0/props/spec/predictor/workerSpec"],
	"ServingRuntime": ["kubernetes:serving.kserve.io/v1alpha1:ServingRuntime", {"spec": bad_pod}, "/resources/0/props/spec"],
	"ClusterServingRuntime": ["kubernetes:serving.kserve.io/v1alpha1:ClusterServingRuntime", {"spec": bad_pod}, "/resources/0/props/spec"],
	"LLMInferenceService template": ["kubernetes:serving.kserve.io/v1alpha1:LLMInferenceService", {"spec": {"model": {"uri": "hf://x"}, "template": bad_pod}}, "/resources/0/props/spec/template"],
	"LLMInferenceService prefill worker": ["kubernetes:serving.kserve.io/v1alpha2:LLMInferenceService", {"spec": {"prefill": {"worker": bad_pod}}}, "/resources/0/props/spec/prefill/worker"],
	"LLMInferenceService scheduler": ["kubernetes:serving.kserve.io/v1alpha1:LLMInferenceService", {"spec": {"router": {"scheduler": {"template": bad_pod}}}}, "/resources/0/props/spec/router/scheduler/template"],
}

operator_shapes := {
	"RayCluster head": ["kubernetes:ray.io/v1:RayCluster", {"spec": {"headGroupSpec": {"template": template(bad_pod)}}}, "/resources/0/props/spec/headGroupSpec/template/spec"],
	"RayCluster worker group": ["kubernetes:ray.io/v1:RayCluster", {"spec": {"headGroupSpec": {"template": template(fx.good_pod)}, "workerGroupSpecs": [{"template": template(fx.good_pod)}, {"template": template(bad_pod)}]}}, "/resources/0/props/spec/workerGroupSpecs/1/template/spec"],
	"RayService": ["kubernetes:ray.io/v1:RayService", {"spec": {"rayClusterConfig": {"workerGroupSpecs": [{"template": template(bad_pod)}]}}}, "/resources/0/props/spec/rayClusterConfig/workerGroupSpecs/0/template/spec"],
	"RayJob": ["kubernetes:ray.io/v1:RayJob", {"spec": {"rayClusterSpec": {"headGroupSpec": {"template": template(bad_pod)}}}}, "/resources/0/props/spec/rayClusterSpec/headGroupSpec/template/spec"],
	"RayJob submitter": ["kubernetes:ray.io/v1:RayJob", {"spec": {"submitterPodTemplate": template(bad_pod)}}, "/resources/0/props/spec/submitterPodTemplate/spec"],
	"LeaderWorkerSet leader": ["kubernetes:leaderworkerset.x-k8s.io/v1:LeaderWorkerSet", {"spec": {"leaderWorkerTemplate": {"leaderTemplate": template(bad_pod)}}}, "/resources/0/props/spec/leaderWorkerTemplate/leaderTemplate/spec"],
	"LeaderWorkerSet worker": ["kubernetes:leaderworkerset.x-k8s.io/v1:LeaderWorkerSet", {"spec": {"leaderWorkerTemplate": {"workerTemplate": template(bad_pod)}}}, "/resources/0/props/spec/leaderWorkerTemplate/workerTemplate/spec"],
	"DisaggregatedSet (two wildcards)": ["kubernetes:disaggregatedset.x-k8s.io/v1:DisaggregatedSet", {"spec": {"roles": [{"name": "prefill", "spec": {"leaderWorkerTemplate": {"workerTemplate": template(bad_pod)}}}]}}, "/resources/0/props/spec/roles/0/spec/leaderWorkerTemplate/workerTemplate/spec"],
}

resource(shape) := fx.k8s(shape[0], "X", shape[1])

test_builtin_kinds_caught[kind] if {
	some kind, shape in builtin_shapes
	doc := fx.doc([resource(shape)])
	privileged := no_privileged.deny with input as doc
	host := no_host_path.deny with input as doc
	caught(shape, privileged, host)
}

test_kserve_kinds_caught[kind] if {
	some kind, shape in kserve_shapes
	doc := fx.doc([resource(shape)])
	privileged := no_privileged.deny with input as doc
	host := no_host_path.deny with input as doc
	caught(shape, privileged, host)
}

test_operator_kinds_caught[kind] if {
	some kind, shape in operator_shapes
	doc := fx.doc([resource(shape)])
	privileged := no_privileged.deny with input as doc
	host := no_host_path.deny with input as doc
	caught(shape, privileged, host)
}

# The bad pod of `shape` yields exactly the privileged and the hostPath findings at its pointer.
caught(shape, privileged, host) if {
	{f.path | some f in privileged} == {sprintf("%s/containers/0/securityContext/privileged", [shape[2]])}
	{f.path | some f in host} == {sprintf("%s/volumes/0", [shape[2]])}
}

# KServe's model spec (and the per-framework specs) is a container: its securityContext is judged.
test_kserve_model_container if {
	isvc := fx.k8s("kubernetes:serving.kserve.io/v1beta1:InferenceService", "InferenceService", {"spec": {"predictor": {"model": {"modelFormat": {"name": "huggingface"}, "securityContext": {"privileged": true}}}}})
	found := no_privileged.deny with input as fx.doc([isvc])
	{[f.path, f.msg] | some f in found} == {["/resources/0/props/spec/predictor/model/securityContext/privileged", "container model is privileged"]}
}

test_ephemeral_containers_judged if {
	debug := {"name": "debugger", "image": "busybox", "targetContainerName": "app", "securityContext": {"privileged": true}}
	pod := object.union(fx.good_pod, {"ephemeralContainers": [debug]})
	found := no_privileged.deny with input as fx.doc([fx.k8s("kubernetes:core/v1:Pod", "Pod", {"spec": pod})])
	{f.path | some f in found} == {"/resources/0/props/spec/ephemeralContainers/0/securityContext/privileged"}
}

# A security team's data override adds a kind; it cannot remove a built-in one.
test_table_extended_by_data if {
	table := {"example.com/Runner": {"pods": ["spec.runner.template.spec"]}, "apps/Deployment": {"pods": []}}
	runner := fx.k8s("kubernetes:example.com/v1:Runner", "Runner", {"spec": {"runner": {"template": template(bad_pod)}}})
	doc := fx.doc([runner, fx.deployment(bad_pod)])
	pointers := {p | some [_, p, _] in lib.pod_specs} with input as doc with data.llmops.params.pod_templates as table
	pointers == {"/resources/0/props/spec/runner/template/spec", "/resources/1/props/spec/template/spec"}
}

test_template_metadata if {
	found := {[p, m] | some [_, p, _, m] in lib.pod_templates_found} with input as fx.doc([fx.deployment(fx.good_pod)])
	found == {["/resources/0/props/spec/template/spec", {"labels": {"app": "app"}}]}
}

# The table in data.yaml stays within what the path expansion handles: dotted paths with at
# most two `[*]`, and a `pods` or `containers` list per kind.
test_table_paths_well_formed[key] if {
	some key, entry in data.llmops.params.pod_templates
	count(entry) > 0
	every field, value in entry {
		field in {"pods", "containers", "fragments", "servingRuntime"}
		well_formed(field, value)
	}
}

well_formed("servingRuntime", value) if is_boolean(value)

well_formed(field, value) if {
	field != "servingRuntime"
	every path in value {
		count([s | some s in lib.path_segments(path); s == "*"]) <= 2
		every s in lib.path_segments(path) { s != "" }
	}
}

test_kind_key if {
	lib.kind_key("kubernetes:batch/v1beta1:CronJob") == "batch/CronJob"
	lib.kind_key("kubernetes:core/v1:Pod") == "core/Pod"
	not lib.kind_key("aws:s3/bucket:Bucket")
}

# A merge fragment (an LLMInferenceService template, a KServe model spec) is judged on what it
# sets, not on what its base may supply; a complete pod of the same shape is judged on both.
test_fragments_judged_on_what_they_set if {
	bare := {"containers": [{"name": "main", "resources": {"limits": {"nvidia.com/gpu": "1"}}}]}
	llmisvc := fx.k8s("kubernetes:serving.kserve.io/v1alpha2:LLMInferenceService", "LLMInferenceService", {"spec": {"template": bare}})
	count(run_as_non_root.deny) == 0 with input as fx.doc([llmisvc])
	count(resource_limits.deny) == 0 with input as fx.doc([llmisvc])
	explicit := fx.k8s("kubernetes:serving.kserve.io/v1alpha2:LLMInferenceService", "LLMInferenceService", {"spec": {"template": {"containers": [{"name": "main", "securityContext": {"runAsNonRoot": false}}]}}})
	count(run_as_non_root.deny) == 1 with input as fx.doc([explicit])
	count(run_as_non_root.deny) == 1 with input as fx.doc([fx.k8s("kubernetes:core/v1:Pod", "Pod", {"spec": bare})])
}

test_fragment_paths if {
	doc := fx.doc([fx.k8s("kubernetes:serving.kserve.io/v1beta1:InferenceService", "InferenceService", {"spec": {"predictor": {}}})])
	lib.fragment(0, "/resources/0/props/spec/predictor/model") with input as doc
	lib.fragment(0, "/resources/0/props/spec/canary/3/predictor/model") with input as doc
	not lib.fragment(0, "/resources/0/props/spec/predictor") with input as doc
	not lib.fragment(0, "/resources/0/props/spec/transformer/containers/0") with input as doc
}
