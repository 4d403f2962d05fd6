package llmops.runtime.kubernetes.selector_matches_workload_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.selector_matches_workload as check
import data.llmops.runtime_fixtures_test as fx

app := fx.deployment(fx.good_pod)

denied_cases := {
	"NetworkPolicy with a typo in its label": {"input": fx.doc([fx.network_policy({"podSelector": {"matchLabels": {"app": "ap"}}, "policyTypes": ["Ingress"]}), app]), "path": "/resources/0/props/spec/podSelector"},
	"NetworkPolicy by expression matching nothing": {"input": fx.doc([fx.network_policy({"podSelector": {"matchExpressions": [{"key": "tier", "operator": "Exists"}]}}), app]), "path": "/resources/0/props/spec/podSelector"},
	"Service whose workload is in another namespace": {"input": fx.doc([fx.service({"selector": {"app": "db"}}), object.union(fx.labelled(app, {"app": "db"}), {"props": {"metadata": {"namespace": "other"}}}), app]), "path": "/resources/0/props/spec/selector"},
	"agent label with a typo is still judged": {"input": fx.doc([fx.network_policy({"podSelector": {"matchLabels": {"llmops.dev/role": "agnet"}}, "policyTypes": ["Egress"]}), app]), "path": "/resources/0/props/spec/podSelector"},
	"Service selecting another label": {"input": fx.doc([fx.service({"selector": {"app.kubernetes.io/name": "app"}, "ports": [{"port": 80}]}), app]), "path": "/resources/0/props/spec/selector"},
}

allowed_cases := {
	"Service on a label the LeaderWorkerSet controller adds": fx.doc([fx.k8s("kubernetes:core/v1:Service", "Service", {"spec": {"selector": {"leaderworkerset.sigs.k8s.io/name": "vllm", "role": "leader"}}}), app]),
	"NetworkPolicy selects the workload": fx.doc([fx.network_policy({"podSelector": {"matchLabels": {"app": "app"}}}), app]),
	"NetworkPolicy by NotIn": fx.doc([fx.network_policy({"podSelector": {"matchExpressions": [{"key": "app", "operator": "NotIn", "values": ["web"]}]}}), app]),
	"prepared for the agent's pods (agent_network.agent_pod_selectors)": fx.doc([fx.network_policy({"podSelector": {"matchLabels": {"llmops.dev/role": "agent"}}, "policyTypes": ["Egress"]}), app]),
	"default deny selects every pod": fx.doc([fx.network_policy({"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}), app]),
	"Service selects the workload": fx.doc([fx.service({"selector": {"app": "app"}, "ports": [{"port": 80}]}), app]),
	"Service without a selector": fx.doc([fx.service({"ports": [{"port": 80}]}), app]),
	"no workload of that namespace in the input": fx.doc([fx.network_policy({"podSelector": {"matchLabels": {"app": "elsewhere"}}})]),
	"a PodDisruptionBudget is not judged here": fx.doc([fx.k8s("kubernetes:policy/v1:PodDisruptionBudget", "PodDisruptionBudget", {"spec": {"podSelector": {"matchLabels": {"app": "zz"}}, "selector": {"app": "zz"}}}), app]),
	"one of several workloads": fx.doc([fx.service({"selector": {"app": "db"}}), app, object.union(fx.labelled(app, {"app": "db"}), {"name": "db", "urn": "urn:test::db"})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-046", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
