package llmops.runtime.controls.disclosure_served_test

import data.llmops.controls_fixtures_test as cx
import data.llmops.lib.testing
import data.llmops.runtime.controls.disclosure_served as check
import data.llmops.runtime_fixtures_test as fx

pointer := "/resources/0/props/data/config.yaml"

no_header := replace(cx.nginx, "add_header X-AI-Disclosure", "add_header X-Frame-Options")

# Each denied case removes the disclosure from the built edge; the spec still declares it.
denied_cases := {
	"no disclosure header": {"input": cx.doc(cx.with_resource(1, cx.edge_config(no_header))), "path": pointer},
	"header without the declared text": {"input": cx.doc(cx.with_resource(1, cx.edge_config(replace(cx.nginx, "You are chatting with an AI assistant.", "AI")))), "path": pointer},
	"header only commented out": {"input": cx.doc(cx.with_resource(1, cx.edge_config(concat("\n", [no_header, "# the X-AI-Disclosure header was removed"])))), "path": pointer},
}

ingress_snippet := object.union(fx.k8s("kubernetes:networking.k8s.io/v1:Ingress", "Ingress", {}), {"props": {"metadata": {"annotations": {
	"nginx.ingress.kubernetes.io/configuration-snippet": "more_set_headers \"X-AI-Disclosure: You are chatting with an AI assistant.\";",
}}}})

allowed_cases := {
	"as built": cx.doc(cx.built),
	"header from the ingress controller": cx.doc(array.concat(cx.with_resource(1, cx.edge_config(no_header)), [ingress_snippet])),
	"no text declared: any disclosure header": {"resources": cx.with_resource(1, cx.edge_config(replace(cx.nginx, "You are chatting with an AI assistant.", "AI"))), "spec": {"spec": {"governance": {"disclosure": {"aiDisclosure": true}}}}},
	"not declared": {"resources": cx.with_resource(1, cx.edge_config(no_header)), "spec": {"spec": {"governance": {"disclosure": {"aiDisclosure": false}}}}},
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-CTRL-004", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
