package llmops.runtime.kubernetes.unevaluated_pod_templates_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.unevaluated_pod_templates as check
import data.llmops.runtime_fixtures_test as fx

# A Knative Service and an Argo Workflow: operators whose pod templates the table does not list.
knative := fx.k8s("kubernetes:serving.knative.dev/v1:Service", "Service", {"spec": {"template": {"spec": fx.good_pod}}})

workflow := fx.k8s("kubernetes:argoproj.io/v1alpha1:Workflow", "Workflow", {"spec": {"templates": [{"name": "a", "script": {"image": "x"}}, {"name": "b", "podSpecPatch": "", "containerSet": {"containers": [fx.good_container]}}]}})

denied_cases := {
	"knative service": {"input": fx.doc([knative]), "path": "/resources/0/props/spec/template/spec"},
	"nested in an array": {"input": fx.doc([fx.deployment(fx.good_pod), workflow]), "path": "/resources/1/props/spec/templates/1/containerSet"},
}

allowed_cases := {
	"built-in workload": fx.doc([fx.deployment(fx.good_pod)]),
	"kind in the table": fx.doc([fx.k8s("kubernetes:ray.io/v1:RayCluster", "RayCluster", {"spec": {"headGroupSpec": {"template": {"spec": fx.good_pod}}}})]),
	"containers without images": fx.doc([fx.k8s("kubernetes:example.com/v1:Thing", "Thing", {"spec": {"containers": [{"name": "a"}]}})]),
	"schema, not a pod": fx.doc([fx.k8s("kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition", "CustomResourceDefinition", {"spec": {"versions": [{"schema": {"openAPIV3Schema": {"properties": {"containers": {"type": "array", "items": {"properties": {"image": {"type": "string"}}}}}}}}]}})]),
}

test_message if {
	found := check.deny with input as fx.doc([knative])
	{f.msg | some f in found} == {"pod template of kind serving.knative.dev/Service not evaluated"}
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-028", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
