package llmops.runtime.controls.transit_tls_test

import data.llmops.controls_fixtures_test as cx
import data.llmops.lib.testing
import data.llmops.runtime.controls.transit_tls as check

http_port := {"name": "http", "port": 4000, "targetPort": "http"}

# Each denied case puts a plain port in front of the built gateway; the spec still declares TLS.
denied_cases := {
	"plain ClusterIP port": {"input": cx.doc(cx.with_resource(3, cx.service([http_port]))), "path": "/resources/3/props/spec/ports/0"},
	"plain port beside the TLS one": {"input": cx.doc(cx.with_resource(3, cx.service([cx.https_port, http_port]))), "path": "/resources/3/props/spec/ports/1"},
	"second Service without TLS": {"input": cx.doc(array.concat(cx.built, [object.union(cx.service([http_port]), {"urn": "urn:test::svc::debug", "props": {"metadata": {"name": "debug"}}})])), "path": "/resources/4/props/spec/ports/0"},
}

allowed_cases := {
	"as built": cx.doc(cx.built),
	"TLS not declared": {"resources": cx.with_resource(3, cx.service([http_port])), "spec": {"spec": {"privacy": {"encryption": {"inTransit": {"tls": false}}}}}},
	"plain Service selecting other pods": cx.doc(array.concat(cx.built, [object.union(cx.service([http_port]), {"props": {"spec": {"selector": {"role": "other"}}}})])),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-CTRL-005", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
