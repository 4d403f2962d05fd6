# Test fixtures shared by the runtime checks' tests (excluded from the bundle with the tests).
package llmops.runtime_fixtures_test

digest := "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

good_container := {
	"name": "app",
	"image": concat("@", ["registry.internal.example.com/serving/app", digest]),
	"securityContext": {
		"runAsNonRoot": true,
		"allowPrivilegeEscalation": false,
		"privileged": false,
		"readOnlyRootFilesystem": true,
		"capabilities": {"drop": ["ALL"]},
		"seccompProfile": {"type": "RuntimeDefault"},
	},
	"resources": {"requests": {"cpu": "100m", "memory": "128Mi"}, "limits": {"memory": "256Mi"}},
	"readinessProbe": {"httpGet": {"path": "/health", "port": 8000}},
	"livenessProbe": {"httpGet": {"path": "/health", "port": 8000}},
}

good_pod := {
	"securityContext": {"runAsNonRoot": true, "seccompProfile": {"type": "RuntimeDefault"}},
	"automountServiceAccountToken": false,
	"containers": [good_container],
}

deployment(pod) := {
	"urn": "urn:test::kubernetes:apps/v1:Deployment::app",
	"type": "kubernetes:apps/v1:Deployment",
	"name": "app",
	"props": {
		"apiVersion": "apps/v1",
		"kind": "Deployment",
		"metadata": {"name": "app", "namespace": "ns"},
		"spec": {"template": {"metadata": {"labels": {"app": "app"}}, "spec": pod}},
	},
}

with_container(patch) := deployment(object.union(good_pod, {"containers": [object.union(good_container, patch)]}))

labelled(resource, labels) := object.union(resource, {"props": {"spec": {"template": {"metadata": {"labels": labels}}}}})

annotated(resource, annotations) := object.union(resource, {"props": {"spec": {"template": {"metadata": {"annotations": annotations}}}}})

k8s(type, kind, props) := {
	"urn": sprintf("urn:test::%s::x", [type]),
	"type": type,
	"name": "x",
	"props": object.union({"kind": kind, "metadata": {"name": "x", "namespace": "ns"}}, props),
}

service(spec) := k8s("kubernetes:core/v1:Service", "Service", {"spec": spec})

namespace(labels) := k8s("kubernetes:core/v1:Namespace", "Namespace", {"metadata": {"name": "ns", "labels": labels}})

network_policy(spec) := k8s("kubernetes:networking.k8s.io/v1:NetworkPolicy", "NetworkPolicy", {"spec": spec})

quota(hard) := k8s("kubernetes:core/v1:ResourceQuota", "ResourceQuota", {"spec": {"hard": hard}})

role(rules) := k8s("kubernetes:rbac.authorization.k8s.io/v1:Role", "Role", {"rules": rules})

binding(role_name) := k8s("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "RoleBinding", {"roleRef": {"kind": "ClusterRole", "name": role_name}})

config_map(entries) := k8s("kubernetes:core/v1:ConfigMap", "ConfigMap", {"data": entries})

res(type, props) := {"urn": sprintf("urn:test::%s::r", [type]), "type": type, "name": "r", "id": "r-id", "props": props}

bucket := {"urn": "urn:test::aws:s3/bucket:Bucket::b", "type": "aws:s3/bucket:Bucket", "name": "b", "id": "b-id", "props": {}}

node_role := {
	"urn": "urn:test::aws:iam/role:Role::nodes",
	"type": "aws:iam/role:Role",
	"name": "nodes",
	"id": "r-id",
	"props": {"assumeRolePolicy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"},
}

doc(resources) := {"resources": resources}

# The same resources, recorded as a type no check knows: what makes a finding is the type a
# check names, not a property that happens to look alike.
retyped(document) := {"resources": [object.union(resource, {"type": "test:unrelated/thing:Thing", "urn": sprintf("urn:test::test:unrelated/thing:Thing::%d", [i])}) | some i, resource in document.resources]}
