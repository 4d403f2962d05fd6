package llmops.runtime.kubernetes.no_host_port_test

import data.llmops.runtime.kubernetes.no_host_port as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"hostPort on the serving port": {"input": fx.doc([fx.with_container({"ports": [{"containerPort": 8000}, {"containerPort": 8000, "hostPort": 8000}]})]), "path": "/resources/0/props/spec/template/spec/containers/0/ports/1/hostPort"},
	"hostPort on an init container": {"input": fx.doc([fx.deployment(object.union(fx.good_pod, {"initContainers": [object.union(fx.good_container, {"ports": [{"containerPort": 9000, "hostPort": 9000}]})]}))]), "path": "/resources/0/props/spec/template/spec/initContainers/0/ports/0/hostPort"},
}

allowed_cases := {
	"container ports only": fx.doc([fx.with_container({"ports": [{"containerPort": 8000, "protocol": "TCP"}]})]),
	"hostPort 0 means none": fx.doc([fx.with_container({"ports": [{"containerPort": 8000, "hostPort": 0}]})]),
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-K8S-040", tc.path]}
	every f in found { f.resource != "" }
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}

# The denied inputs with every resource retyped to a type no check knows yield nothing.
test_other_types_pass[note] if {
	some note, tc in denied_cases
	found := check.deny with input as fx.retyped(tc.input)
	count(found) == 0
}
