package llmops.runtime.controls.tenant_isolation_test

import data.llmops.lib.testing
import data.llmops.runtime.controls.tenant_isolation as check

spec := {"spec": {"vectorStore": {"engine": "qdrant", "tenancy": "collectionPerTenant"}}}

qdrant_env := [
	{"name": "QDRANT__SERVICE__API_KEY", "valueFrom": {"secretKeyRef": {"name": "vector-db-credentials", "key": "api-key"}}},
	{"name": "QDRANT__SERVICE__JWT_RBAC", "value": "true"},
]

server(env) := {"urn": "urn:db", "type": "kubernetes:apps/v1:StatefulSet", "name": "db", "props": {
	"metadata": {"name": "vector-db", "namespace": "ns"},
	"spec": {"template": {"metadata": {"labels": {"llmops.dev/role": "vector-db"}}, "spec": {"containers": [{"name": "qdrant", "image": "qdrant", "env": env}]}}},
}}

# A tenant's ingestion CronJob as RagIngestion builds it: its collection and its own Secret.
ingestion(tenant, collection, secret) := {"urn": concat(":", ["urn", tenant]), "type": "kubernetes:batch/v1:CronJob", "name": tenant, "props": {
	"metadata": {"name": concat("-", ["ingest", tenant]), "namespace": "ns", "labels": {"llmops.dev/tenant": tenant}},
	"spec": {"jobTemplate": {"spec": {"template": {
		"metadata": {"labels": {"llmops.dev/role": "ingestion", "llmops.dev/tenant": tenant}},
		"spec": {"containers": [{
			"name": "publish",
			"args": ["publish", "--collection", collection, "--tenant", tenant],
			"env": [{"name": "VECTOR_STORE_CREDENTIAL", "valueFrom": {"secretKeyRef": {"name": secret, "key": "api-key"}}}],
		}]},
	}}}},
}}

# An application's retriever for a tenant, labelled with a generic `tenant` label, reading its Secret from a volume.
retriever(tenant, secret) := {"urn": concat(":", ["urn", "retriever", tenant]), "type": "kubernetes:apps/v1:Deployment", "name": tenant, "props": {
	"metadata": {"name": concat("-", ["retriever", tenant]), "namespace": "ns"},
	"spec": {"template": {
		"metadata": {"labels": {"tenant": tenant}},
		"spec": {"containers": [{"name": "retriever"}], "volumes": [{"name": "store", "secret": {"secretName": secret}}]},
	}},
}}

# A tenant's retriever that also mounts the namespace CA's Secret, projecting the given keys.
retriever_with_ca(tenant, secret, keys) := object.union(retriever(tenant, secret), {"props": {"spec": {"template": {"spec": {"volumes": [
	{"name": "store", "secret": {"secretName": secret}},
	{"name": "ca", "secret": {"secretName": "llmops-ca", "items": [{"key": k, "path": k} | some k in keys]}},
]}}}}})

config_map(text) := {"urn": "urn:config", "type": "kubernetes:core/v1:ConfigMap", "name": "config", "props": {"metadata": {"name": "qdrant-config", "namespace": "ns"}, "data": {"production.yaml": text}}}

with_config(resource) := object.union(resource, {"props": {"spec": {"template": {"spec": {"volumes": [{"name": "config", "configMap": {"name": "qdrant-config"}}]}}}}})

built := [
	server(qdrant_env),
	ingestion("brand-a", "stack-brand-a", "stack-vector-brand-a-ingestion"),
	ingestion("brand-b", "stack-brand-b", "stack-vector-brand-b-ingestion"),
	retriever("brand-a", "stack-vector-brand-a-retrieval"),
]

doc(resources) := {"resources": resources, "spec": spec}

sql(text) := {"urn": "urn:sql", "type": "kubernetes:core/v1:ConfigMap", "name": "sql", "props": {"metadata": {"name": "vector-db-tenants", "namespace": "ns"}, "data": {"tenants.sql": text}}}

# As tenantProvisioningSql writes it (abridged to the statements the check reads).
provisioning := concat("\n", [
	`REVOKE CONNECT ON DATABASE "postgres", "vectors" FROM PUBLIC;`,
	`SELECT 'CREATE DATABASE "brand-a" OWNER "brand-a-writer"' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'brand-a') \gexec`,
	`REVOKE ALL ON DATABASE "brand-a" FROM PUBLIC;`,
	`GRANT CONNECT ON DATABASE "brand-a" TO "brand-a-reader";`,
	`SELECT 'CREATE DATABASE "brand-b" OWNER "brand-b-writer"' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'brand-b') \gexec`,
	`REVOKE ALL ON DATABASE "brand-b" FROM PUBLIC;`,
	`GRANT CONNECT ON DATABASE "brand-b" TO "brand-b-reader";`,
])

access_policy(resource) := {"urn": "urn:aoss", "type": "aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy", "name": "access", "props": {
	"name": "vectors-access", "type": "data",
	"policy": json.marshal([{"Rules": [{"ResourceType": "index", "Resource": [resource], "Permission": ["aoss:ReadDocument"]}], "Principal": ["arn:aws:iam::123456789012:role/retrieval-brand-a"]}]),
}}

aoss_spec := {"spec": {"vectorStore": {"engine": "opensearchServerless", "tenancy": "collectionPerTenant", "tenants": [{"name": "brand-a"}, {"name": "brand-b"}]}}}

aurora_spec := {"spec": {"vectorStore": {"engine": "auroraPgvector", "tenancy": "databasePerTenant", "tenants": [{"name": "brand-a"}, {"name": "brand-b"}]}}}

role_arn(name) := concat("", ["arn:aws:iam::123456789012:role/stack-access-", name])

# A tenant's data access policy as VectorStore builds it: its collection's indexes, its two roles.
tenant_policy(n, collection, readers, writers) := {"urn": concat(":", ["urn", "aoss", collection]), "type": "aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy", "name": collection, "props": {
	"name": collection, "type": "data",
	"policy": json.marshal([
		{"Rules": [{"ResourceType": "index", "Resource": [concat("", ["index/", collection, "/*"])], "Permission": ["aoss:ReadDocument", "aoss:DescribeIndex"]}], "Principal": readers},
		{"Rules": [{"ResourceType": "index", "Resource": [concat("", ["index/", collection, "/*"])], "Permission": ["aoss:WriteDocument"]}], "Principal": writers},
	]),
	"index": n,
}}

aoss_built := [
	tenant_policy(0, "stack-brand-a", [role_arn("retrieval-brand-a")], [role_arn("ingestion-brand-a")]),
	tenant_policy(1, "stack-brand-b", [role_arn("retrieval-brand-b")], [role_arn("ingestion-brand-b")]),
]

# A tenant's service account as WorkloadRbac builds it on EKS: labelled with its tenant, annotated with its IRSA role.
account(name, tenant, role) := {"urn": concat(":", ["urn", "sa", name]), "type": "kubernetes:core/v1:ServiceAccount", "name": name, "props": {"metadata": {
	"name": name, "namespace": "ns", "labels": {"llmops.dev/tenant": tenant},
	"annotations": {"eks.amazonaws.com/role-arn": role},
}}}

# A tenant's ingestion CronJob on EKS: no Secret, its own service account.
iam_ingestion(tenant, sa) := object.union(ingestion(tenant, concat("-", ["stack", tenant]), "unused"), {"props": {"spec": {"jobTemplate": {"spec": {"template": {"spec": {
	"serviceAccountName": sa,
	"containers": [{"name": "publish", "args": ["publish", "--collection", concat("-", ["stack", tenant])]}],
}}}}}}})

iam_built := [
	account("ingestion-brand-a-sa", "brand-a", role_arn("ingestion-brand-a")),
	account("ingestion-brand-b-sa", "brand-b", role_arn("ingestion-brand-b")),
	iam_ingestion("brand-a", "ingestion-brand-a-sa"),
	iam_ingestion("brand-b", "ingestion-brand-b-sa"),
]

connect_policy(users) := {"urn": "urn:policy", "type": "aws:iam/rolePolicy:RolePolicy", "name": "stack-access-retrieval-brand-a-policy", "props": {"policy": json.marshal({
	"Version": "2012-10-17",
	"Statement": [{"Effect": "Allow", "Action": ["rds-db:connect"], "Resource": [concat("", ["arn:aws:rds-db:eu-west-1:123456789012:dbuser:cluster-ABC/", u]) | some u in users]}],
})}}

# Each denied case removes one piece of the isolation from the built configuration; the spec still declares it.
denied_cases := {
	"tenant b's ingestion given tenant a's Secret": {"input": doc([built[0], built[1], ingestion("brand-b", "stack-brand-b", "stack-vector-brand-a-ingestion"), built[3]]), "path": "/resources/2/props/spec/jobTemplate/spec/template/spec"},
	"a retriever of tenant b mounting tenant a's Secret": {"input": doc(array.concat(built, [retriever("brand-b", "stack-vector-brand-a-retrieval")])), "path": "/resources/4/props/spec/template/spec"},
	"both tenants written into one collection": {"input": doc([built[0], built[1], ingestion("brand-b", "stack-brand-a", "stack-vector-brand-b-ingestion")]), "path": "/resources/2/props/spec/jobTemplate/spec/template/spec"},
	"a tenant's ingestion with the server's API key": {"input": doc([built[0], ingestion("brand-a", "stack-brand-a", "vector-db-credentials")]), "path": "/resources/1/props/spec/jobTemplate/spec/template/spec"},
	"Qdrant without JWT RBAC": {"input": doc([server([qdrant_env[0]]), built[1], built[2]]), "path": "/resources/0/props/spec/template/spec"},
	"Qdrant config file that turns JWT RBAC off": {"input": doc([with_config(server([qdrant_env[0]])), config_map("service:\n  jwt_rbac: false\n")]), "path": "/resources/0/props/spec/template/spec"},
	"a tenant database left open to PUBLIC": {"input": doc([sql(replace(provisioning, `REVOKE ALL ON DATABASE "brand-b" FROM PUBLIC;`, ""))]), "path": "/resources/0/props/data/tenants.sql"},
	"a reader granted both tenant databases": {"input": doc([sql(concat("\n", [provisioning, `GRANT CONNECT ON DATABASE "brand-b", "brand-a" TO "brand-a-reader";`]))]), "path": "/resources/0/props/data/tenants.sql"},
	"two tenants' retrievers sharing the CA Secret's private key": {"input": doc(array.concat(built, [retriever_with_ca("brand-a", "stack-vector-brand-a-retrieval", ["ca.crt", "tls.key"]), retriever_with_ca("brand-b", "stack-vector-brand-b-retrieval", ["tls.key"])])), "path": "/resources/5/props/spec/template/spec"},
	"OpenSearch access over every collection's indexes": {"input": doc([access_policy("index/*/*")]), "path": "/resources/0/props/policy"},
	"a second tenant's reader added to one tenant's data access policy": {"input": {"spec": aoss_spec, "resources": [aoss_built[0], tenant_policy(1, "stack-brand-b", [role_arn("retrieval-brand-b"), role_arn("retrieval-brand-a")], [role_arn("ingestion-brand-b")])]}, "path": "/resources/1/props/policy"},
	"OpenSearch collections named by a prefix pattern": {"input": {"spec": aoss_spec, "resources": [access_policy("index/stack-brand-*/*")]}, "path": "/resources/0/props/policy"},
	"two tenants' service accounts on one IAM role": {"input": {"spec": aoss_spec, "resources": [iam_built[0], account("ingestion-brand-b-sa", "brand-b", role_arn("ingestion-brand-a"))]}, "path": "/resources/1/props/metadata/annotations"},
	"a tenant's ingestion run under another tenant's service account": {"input": {"spec": aurora_spec, "resources": [iam_built[0], iam_built[1], iam_built[2], iam_ingestion("brand-b", "ingestion-brand-a-sa")]}, "path": "/resources/3/props/spec/jobTemplate/spec/template/spec"},
	"one role connecting as two tenants' database users": {"input": {"spec": aurora_spec, "resources": [connect_policy(["brand-a-reader", "brand-b-reader"])]}, "path": "/resources/0/props/policy"},
	"one role connecting as any database user": {"input": {"spec": aurora_spec, "resources": [connect_policy(["*"])]}, "path": "/resources/0/props/policy"},
}

allowed_cases := {
	"as built": doc(built),
	"provisioning SQL as built": doc([sql(provisioning)]),
	"two tenants' retrievers trusting the same CA certificate": doc(array.concat(built, [retriever_with_ca("brand-a", "stack-vector-brand-a-retrieval", ["ca.crt"]), retriever_with_ca("brand-b", "stack-vector-brand-b-retrieval", ["ca.crt"])])),
	"OpenSearch access to one tenant's collection": doc([access_policy("index/stack-brand-a/*")]),
	"OpenSearch, a data access policy per tenant as built": {"spec": aoss_spec, "resources": aoss_built},
	"per-tenant IAM roles and service accounts as built": {"spec": aurora_spec, "resources": iam_built},
	"a role connecting as one tenant's reader": {"spec": aurora_spec, "resources": [connect_policy(["brand-a-reader"])]},
	"a shared role on an in-cluster store is not an IAM tenancy": {"spec": spec, "resources": [iam_built[0], account("ingestion-brand-b-sa", "brand-b", role_arn("ingestion-brand-a"))]},
	"JWT RBAC set to 1": doc([server([qdrant_env[0], {"name": "QDRANT__SERVICE__JWT_RBAC", "value": "1"}])]),
	"JWT RBAC in a mounted config file": doc([with_config(server([qdrant_env[0]])), config_map("service:\n  jwt_rbac: true\n")]),
	"single tenancy shares the store": {"resources": [server([qdrant_env[0]]), built[1], ingestion("brand-b", "stack-brand-a", "stack-vector-brand-a-ingestion")], "spec": {"spec": {"vectorStore": {"tenancy": "single"}}}},
	"no spec: nothing declared": {"resources": [server([qdrant_env[0]])]},
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-CTRL-011", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
