package llmops.runtime.kubernetes.no_host_port_test

import data.llmops.lib.testing
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

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-040", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
