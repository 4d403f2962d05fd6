package llmops.runtime.kubernetes.no_token_automount_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.no_token_automount as check
import data.llmops.runtime_fixtures_test as fx

unset := json.remove(fx.good_pod, ["automountServiceAccountToken"])

account(name, namespace, automount) := fx.k8s("kubernetes:core/v1:ServiceAccount", "ServiceAccount", {"metadata": {"name": name, "namespace": namespace}, "automountServiceAccountToken": automount})

named(pod, name) := object.union(pod, {"serviceAccountName": name})

path := "/resources/0/props/spec/template/spec/automountServiceAccountToken"

denied_cases := {
	"default": {"input": fx.doc([fx.deployment(unset)]), "path": path},
	"account mounts": {"input": fx.doc([fx.deployment(named(unset, "runner")), account("runner", "ns", true)]), "path": path},
	"pod field overrides the account": {"input": fx.doc([fx.deployment(named(object.union(unset, {"automountServiceAccountToken": true}), "runner")), account("runner", "ns", false)]), "path": path},
	"account of another namespace": {"input": fx.doc([fx.deployment(named(unset, "runner")), account("runner", "other", false)]), "path": path},
	"another account": {"input": fx.doc([fx.deployment(named(unset, "runner")), account("default", "ns", false)]), "path": path},
	"two copies of the account disagree": {"input": fx.doc([fx.deployment(named(unset, "runner")), account("runner", "ns", false), account("runner", "ns", true)]), "path": path},
}

allowed_cases := {
	"off": fx.doc([fx.deployment(fx.good_pod)]),
	"named account off": fx.doc([fx.deployment(named(unset, "runner")), account("runner", "ns", false)]),
	"the same account from two files": fx.doc([fx.deployment(named(unset, "runner")), account("runner", "ns", false), object.union(account("runner", "ns", false), {"urn": "other-file"})]),
	"default account off": fx.doc([fx.deployment(unset), account("default", "ns", false)]),
	"deprecated serviceAccount field": fx.doc([fx.deployment(object.union(unset, {"serviceAccount": "runner"})), account("runner", "ns", false)]),
	"pod field off, account on": fx.doc([fx.deployment(named(fx.good_pod, "runner")), account("runner", "ns", true)]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-021", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}

# A ServingRuntimePodSpec has no automountServiceAccountToken: the InferenceService decides.
test_serving_runtime_not_judged if {
	runtime := fx.k8s("kubernetes:serving.kserve.io/v1alpha1:ServingRuntime", "ServingRuntime", {"spec": {"containers": [fx.good_container]}})
	count(check.deny) == 0 with input as fx.doc([runtime])
}
