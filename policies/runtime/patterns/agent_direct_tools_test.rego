package llmops.runtime.patterns.agent_direct_tools_test

import data.llmops.lib.testing
import data.llmops.runtime.patterns.agent_direct_tools as check

spec_doc(tools) := {"metadata": {"name": "ops-agent"}, "spec": {"pattern": "agent", "target": {"kubernetes": {"namespace": "ops"}}, "agent": {"tools": tools}}}

restart := [{"name": "restart-service"}]

doc(resources) := {"resources": resources, "spec": spec_doc(restart)}

np(name, spec) := {"urn": concat("::", ["urn:test", "kubernetes:networking.k8s.io/v1:NetworkPolicy", name]), "type": "kubernetes:networking.k8s.io/v1:NetworkPolicy", "name": name, "props": {"metadata": {"name": name, "namespace": "ops"}, "spec": spec}}

namespace := {"urn": "urn:test::kubernetes:core/v1:Namespace::ops", "type": "kubernetes:core/v1:Namespace", "name": "ops", "props": {"metadata": {"name": "ops", "labels": {"team": "sre"}}}}

default_deny := np("default-deny-all", {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]})

agent_egress(to) := np("agent-egress", {"podSelector": {"matchLabels": {"llmops.dev/role": "agent"}}, "policyTypes": ["Egress"], "egress": [{"to": to, "ports": [{"protocol": "TCP", "port": 8443}]}]})

to_gateway := [{"podSelector": {"matchLabels": {"llmops.dev/role": "gateway"}}}]

deployment := {"urn": "urn:test::kubernetes:apps/v1:Deployment::orchestrator", "type": "kubernetes:apps/v1:Deployment", "name": "orchestrator", "props": {
	"metadata": {"name": "orchestrator", "namespace": "ops"},
	"spec": {"template": {"metadata": {"labels": {"llmops.dev/role": "agent", "app": "orchestrator"}}, "spec": {"containers": [{"name": "agent", "image": "agent@sha256:1"}]}}},
}}

tool_service := {"urn": "urn:test::kubernetes:core/v1:Service::tool-restart-service", "type": "kubernetes:core/v1:Service", "name": "tool-restart-service", "props": {
	"metadata": {"name": "tool-restart-service", "namespace": "ops"},
	"spec": {"selector": {"app": "restarter"}, "ports": [{"port": 8080}]},
}}

denied_cases := {
	"declared agent pods, no egress policy": {"input": doc([namespace]), "path": "/spec/spec/agent"},
	"agent Deployment, no egress policy": {"input": doc([deployment]), "path": "/resources/0/props/spec/template/spec"},
	"egress rule without to": {"input": doc([default_deny, np("open", {"podSelector": {}, "policyTypes": ["Egress"], "egress": [{}]})]), "path": "/resources/1/props/spec/egress/0"},
	"podSelector admits the tool's pods": {"input": doc([default_deny, agent_egress(array.concat(to_gateway, [{"podSelector": {"matchLabels": {"llmops.dev/role": "tool-restart-service"}}}]))]), "path": "/resources/1/props/spec/egress/0"},
	"namespaceSelector admits the tool's namespace": {"input": doc([namespace, default_deny, agent_egress([{"namespaceSelector": {"matchLabels": {"team": "sre"}}}])]), "path": "/resources/2/props/spec/egress/0"},
	"ipBlock 0.0.0.0/0": {"input": doc([default_deny, agent_egress([{"ipBlock": {"cidr": "0.0.0.0/0"}}])]), "path": "/resources/1/props/spec/egress/0"},
	"admitted by the tool Service's selector": {"input": doc([tool_service, default_deny, agent_egress([{"podSelector": {"matchLabels": {"app": "restarter"}}}])]), "path": "/resources/2/props/spec/egress/0"},
	"egress only policy without policyTypes": {"input": doc([namespace, np("implicit", {"podSelector": {}, "egress": [{"to": [{"podSelector": {}}]}]})]), "path": "/resources/1/props/spec/egress/0"},
	"tool in another namespace": {
		"input": {"resources": [namespace, default_deny, agent_egress([{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "tools"}}}])], "spec": spec_doc([{"name": "x", "server": "http://tool-x.tools.svc.cluster.local:8080/mcp"}])},
		"path": "/resources/2/props/spec/egress/0",
	},
}

allowed_cases := {
	"egress only to the gateway": doc([namespace, default_deny, agent_egress(to_gateway)]),
	"default deny alone": doc([namespace, default_deny]),
	"agent Deployment behind its egress policy": doc([deployment, default_deny, agent_egress(to_gateway)]),
	"the Service's selector is not the default label": doc([tool_service, default_deny, agent_egress([{"podSelector": {"matchLabels": {"llmops.dev/role": "tool-restart-service"}}}])]),
	"namespaceSelector of another namespace": doc([namespace, default_deny, agent_egress([{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}}}])]),
	"tool outside the cluster": {"resources": [namespace], "spec": spec_doc([{"name": "itsm", "server": "https://itsm.example.com/mcp"}])},
	"nothing of the stack's namespace in the input": doc([]),
	"another pattern": {"resources": [namespace], "spec": object.union(spec_doc(restart), {"spec": {"pattern": "rag"}})},
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-TOOLS-002", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
