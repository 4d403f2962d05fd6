# METADATA
# title: Tenants declared apart do not share a vector store partition or credential
# description: >-
#   With spec.vectorStore.tenancy other than single, each tenant's vectors sit in a collection or
#   database of its own, reached with a credential scoped to it. Fires on: two tenants' workloads
#   (named by a label in params.tenant_label_keys) sharing a Secret, a collection or database, or
#   (IAM tenancy: opensearchServerless, auroraPgvector) an IAM role; a tenant workload with the
#   vector server's own credential; Qdrant with an API key but no JWT RBAC; provisioning SQL that
#   leaves a tenant database open to PUBLIC or gives one role two tenant databases; an OpenSearch
#   Serverless data access policy over every or a wildcard collection, or a principal admitted to
#   two tenants' collections; an IAM policy connecting one role as two tenants' Aurora users.
# scope: package
# custom:
#   id: LLM-CTRL-011
#   severity: high
#   remediation: >-
#     Give each tenant its own collection or database and its own Secret or IAM role scoped to
#     it: Qdrant JWT RBAC with collection-scoped tokens; PostgreSQL CONNECT revoked from PUBLIC,
#     one tenant database per role; one OpenSearch data access policy per tenant collection naming
#     only its roles; rds-db:connect on its own users. The llmops components build this.
#   frameworks:
#     owasp-llm-2025: ["LLM02:2025", "LLM08:2025"]
#     eu-ai-act: ["Art. 15"]
#     nist-ai-600-1: ["Data Privacy"]
package llmops.runtime.controls.tenant_isolation

import data.llmops.lib.runtime as lib

params := data.llmops.params

partitioned if input.spec.spec.vectorStore.tenancy != "single"

# {i: resource index, pointer, urn, name, namespace, tenant, pod} of every pod template that names a tenant.
tenant_pods contains entry if {
	partitioned
	some [i, pointer, pod, metadata] in lib.pod_templates_found
	resource := input.resources[i]
	tenant := tenant_of(metadata, resource.props)
	entry := {
		"i": i, "pointer": pointer, "urn": resource.urn, "name": object.get(resource.props, ["metadata", "name"], resource.name),
		"namespace": lib.namespace_of(resource), "tenant": tenant, "pod": pod,
	}
}

# The template's tenant label, else the workload's.
tenant_of(metadata, _) := metadata.labels[key] if some key in params.tenant_label_keys

tenant_of(metadata, props) := props.metadata.labels[key] if {
	not labelled(metadata)
	some key in params.tenant_label_keys
}

labelled(metadata) if {
	some key in params.tenant_label_keys
	metadata.labels[key]
}

pod_containers(pod) := [c | some field in lib.container_fields; some c in object.get(pod, field, [])]

# Secrets a pod reads: env and envFrom of every container, secret and projected volumes. A
# volume that projects only public certificate keys (cert-manager's ca.crt and tls.crt, the
# trust anchor every tenant shares) carries no credential and is not counted.
secrets(pod) := ((env_secrets(pod) | {ref.secretRef.name |
	some c in pod_containers(pod)
	some ref in object.get(c, "envFrom", [])
}) | {v.secret.secretName | some v in object.get(pod, "volumes", []); not public_certificates_only(v.secret)}) | {s.secret.name |
	some v in object.get(pod, "volumes", [])
	some s in v.projected.sources
	not public_certificates_only(s.secret)
}

public_certificate_keys := {"ca.crt", "tls.crt"}

public_certificates_only(source) if {
	count(object.get(source, "items", [])) > 0
	every item in source.items {
		item.key in public_certificate_keys
	}
}

env_secrets(pod) := {ref.valueFrom.secretKeyRef.name |
	some c in pod_containers(pod)
	some ref in object.get(c, "env", [])
	not ref.valueFrom.secretKeyRef.key in public_certificate_keys
}

# Collections and databases a pod addresses: `--flag value` / `--flag=value` arguments and env values.
stores(pod) := {value |
	some c in pod_containers(pod)
	args := array.concat(object.get(c, "command", []), object.get(c, "args", []))
	some k, arg in args
	some flag in params.tenant_store_flags
	value := flag_value(args, k, arg, flag)
} | {env.value |
	some c in pod_containers(pod)
	some env in object.get(c, "env", [])
	env.name in params.tenant_store_env
	is_string(env.value)
}

flag_value(args, k, arg, flag) := args[k + 1] if {
	arg == concat("", ["--", flag])
	is_string(args[k + 1])
}

flag_value(_, _, arg, flag) := trim_prefix(arg, concat("", ["--", flag, "="])) if startswith(arg, concat("", ["--", flag, "="]))

# Another tenant's workload, earlier in the input, in the same namespace (so a shared item is reported once, on the later one).
earlier_other(entry) := {other |
	some other in tenant_pods
	other.i < entry.i
	other.namespace == entry.namespace
	other.tenant != entry.tenant
}

# [namespace, Secret] of the vector servers' own credentials (the Qdrant API key, the PostgreSQL superuser password).
server_secrets contains [namespace, secret] if {
	partitioned
	some [i, _, container, _] in lib.containers
	some env in object.get(container, "env", [])
	env.name in params.vector_server_credential_env
	secret := env.valueFrom.secretKeyRef.name
	namespace := lib.namespace_of(input.resources[i])
}

jwt_rbac(container) if {
	some env in container.env
	env.name == "QDRANT__SERVICE__JWT_RBAC"
	lower(sprintf("%v", [env.value])) in {"true", "1"}
}

# A Qdrant config file (service.jwt_rbac: true) in a ConfigMap the pod mounts, as charts ship it.
jwt_rbac_in_config(namespace, pod) if {
	some volume in object.get(pod, "volumes", [])
	some resource in input.resources
	resource.type == "kubernetes:core/v1:ConfigMap"
	resource.props.metadata.name == volume.configMap.name
	lib.namespace_of(resource) == namespace
	some text in object.get(resource.props, "data", {})
	yaml.is_valid(text)
	yaml.unmarshal(text).service.jwt_rbac == true
}

# {pointer, urn, name, text} of provisioning SQL (ConfigMap values that create databases).
sql_texts contains {"pointer": concat("/", [lib.resource_pointer(i), "data", key]), "urn": resource.urn, "name": resource.props.metadata.name, "text": text} if {
	partitioned
	some i, resource in input.resources
	resource.type == "kubernetes:core/v1:ConfigMap"
	some key, text in object.get(resource.props, "data", {})
	is_string(text)
	regex.match(`(?i)CREATE\s+DATABASE`, text)
}

identifier(raw) := lower(trim(trim_space(raw), `"`))

created_databases(text) := {identifier(m[1]) | some m in regex.find_all_string_submatch_n(`(?i)CREATE\s+DATABASE\s+("[^"]+"|[A-Za-z0-9_]+)`, text, -1)}

owners(text) := {[identifier(m[1]), identifier(m[2])] |
	some m in regex.find_all_string_submatch_n(`(?i)CREATE\s+DATABASE\s+("[^"]+"|[A-Za-z0-9_]+)\s+(?:WITH\s+)?OWNER\s*=?\s*("[^"]+"|[A-Za-z0-9_]+)`, text, -1)
}

# [database, grantee] for GRANT CONNECT / ALL ON DATABASE a, b TO r, s.
grants(text) := {[identifier(db), identifier(role)] |
	some m in regex.find_all_string_submatch_n(`(?i)GRANT\s+([A-Za-z, ]+?)\s+ON\s+DATABASE\s+([^;]+?)\s+TO\s+([^;]+?)\s*(?:WITH\s+GRANT\s+OPTION\s*)?;`, text, -1)
	regex.match(`(?i)\b(CONNECT|ALL)\b`, m[1])
	some db in split(m[2], ",")
	some role in split(m[3], ",")
}

revoked_from_public(text) := {identifier(db) |
	some m in regex.find_all_string_submatch_n(`(?i)REVOKE\s+([A-Za-z, ]+?)\s+ON\s+DATABASE\s+([^;]+?)\s+FROM\s+PUBLIC\s*;`, text, -1)
	regex.match(`(?i)\b(CONNECT|ALL)\b`, m[1])
	some db in split(m[2], ",")
}

# role -> the databases the SQL creates that the role may connect to (as grantee or owner).
tenant_databases_by_role(text) := {role: dbs |
	access := grants(text) | owners(text)
	created := created_databases(text)
	some [_, role] in access
	dbs := {pair[0] | some pair in access; pair[1] == role; pair[0] in created}
}

# OpenSearch Serverless data access policies: [policy index, principal, collection] for every rule
# naming one collection (`collection/<name>` or `index/<name>/<index>`).
aoss_grants contains [i, principal, collection] if {
	partitioned
	some i, resource in input.resources
	resource.type == "aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy"
	some statement in lib.as_array(lib.document(resource.props.policy))
	some rule in statement.Rules
	some pattern in lib.as_array(rule.Resource)
	collection := split(pattern, "/")[1]
	some principal in lib.as_array(statement.Principal)
}

# Already reported by the every-collection rule above.
wildcard_listed(resource) if {
	some statement in lib.as_array(lib.document(resource.props.policy))
	some rule in statement.Rules
	some pattern in lib.as_array(rule.Resource)
	pattern in params.all_partition_patterns
}

# Managed engines whose tenants sign in with IAM roles (the components build one per tenant workload).
iam_engines := {"opensearchServerless", "auroraPgvector"}

iam_tenancy if {
	partitioned
	input.spec.spec.vectorStore.engine in iam_engines
}

irsa_annotation := "eks.amazonaws.com/role-arn"

# [namespace, service account] -> IAM role, from the ServiceAccounts in the input.
account_roles[[namespace, name]] := role if {
	iam_tenancy
	some resource in input.resources
	resource.type == "kubernetes:core/v1:ServiceAccount"
	role := resource.props.metadata.annotations[irsa_annotation]
	is_string(role)
	name := object.get(resource.props.metadata, "name", resource.name)
	namespace := lib.namespace_of(resource)
}

# {i, urn, name, tenant, role} of every ServiceAccount that names a tenant and carries an IAM role.
tenant_accounts contains {"i": i, "urn": resource.urn, "name": name, "tenant": tenant, "role": role} if {
	iam_tenancy
	some i, resource in input.resources
	resource.type == "kubernetes:core/v1:ServiceAccount"
	role := resource.props.metadata.annotations[irsa_annotation]
	some key in params.tenant_label_keys
	tenant := resource.props.metadata.labels[key]
	name := object.get(resource.props.metadata, "name", resource.name)
}

# The IAM role a tenant pod runs with: its service account's.
pod_role(entry) := account_roles[[entry.namespace, entry.pod.serviceAccountName]]

# Tenant of an Aurora database user, as the components name them (`<tenant>-reader`, `<tenant>-writer`).
user_tenant(user) := tenant if {
	some declared in object.get(input.spec.spec.vectorStore, "tenants", [])
	tenant := declared.name
	user in {concat("-", [tenant, "reader"]), concat("-", [tenant, "writer"])}
}

connect_actions := {"rds-db:connect", "rds-db:*", "*"}

# [i, database user] of every user an IAM policy lets its role connect as.
db_users contains [i, user] if {
	iam_tenancy
	some i, resource in input.resources
	resource.type in {"aws:iam/rolePolicy:RolePolicy", "aws:iam/policy:Policy"}
	some statement in lib.as_array(lib.document(resource.props.policy).Statement)
	object.get(statement, "Effect", "Allow") == "Allow"
	some action in lib.as_array(statement.Action)
	lower(action) in connect_actions
	some arn in lib.as_array(statement.Resource)
	contains(arn, ":dbuser:")
	parts := split(arn, "/")
	user := parts[count(parts) - 1]
}

deny contains {"id": "LLM-CTRL-011", "msg": msg, "path": entry.pointer, "resource": entry.urn} if {
	some entry in tenant_pods
	some secret in secrets(entry.pod)
	some other in earlier_other(entry)
	secret in secrets(other.pod)
	msg := sprintf("%s of tenant %s mounts Secret %s, which tenant %s's %s mounts too: one credential reaches both tenants' data", [entry.name, entry.tenant, secret, other.tenant, other.name])
}

deny contains {"id": "LLM-CTRL-011", "msg": msg, "path": entry.pointer, "resource": entry.urn} if {
	some entry in tenant_pods
	some store in stores(entry.pod)
	some other in earlier_other(entry)
	store in stores(other.pod)
	msg := sprintf("%s of tenant %s addresses collection or database %s, which tenant %s's %s uses too: the tenants share one partition", [entry.name, entry.tenant, store, other.tenant, other.name])
}

deny contains {"id": "LLM-CTRL-011", "msg": msg, "path": entry.pointer, "resource": entry.urn} if {
	some entry in tenant_pods
	some secret in secrets(entry.pod)
	[entry.namespace, secret] in server_secrets
	msg := sprintf("%s of tenant %s mounts Secret %s, the vector server's own credential: it reaches every tenant's collection or database", [entry.name, entry.tenant, secret])
}

deny contains {"id": "LLM-CTRL-011", "msg": msg, "path": pointer, "resource": urn} if {
	partitioned
	some [i, pointer, pod] in lib.pod_specs
	some c in pod_containers(pod)
	some env in object.get(c, "env", [])
	env.name == "QDRANT__SERVICE__API_KEY"
	not jwt_rbac(c)
	namespace := lib.namespace_of(input.resources[i])
	not jwt_rbac_in_config(namespace, pod)
	urn := input.resources[i].urn
	name := input.resources[i].props.metadata.name
	msg := sprintf("Qdrant server %s has an API key but no JWT RBAC (QDRANT__SERVICE__JWT_RBAC): every key is the master key, none scoped to one tenant", [name])
}

deny contains {"id": "LLM-CTRL-011", "msg": msg, "path": sql.pointer, "resource": sql.urn} if {
	some sql in sql_texts
	some db in created_databases(sql.text)
	not db in revoked_from_public(sql.text)
	msg := sprintf("provisioning SQL in %s creates database %s without revoking CONNECT from PUBLIC: every tenant's role may connect to it", [sql.name, db])
}

deny contains {"id": "LLM-CTRL-011", "msg": msg, "path": sql.pointer, "resource": sql.urn} if {
	some sql in sql_texts
	some role, dbs in tenant_databases_by_role(sql.text)
	count(dbs) > 1
	msg := sprintf("provisioning SQL in %s gives role %s access to more than one tenant database (%s)", [sql.name, role, concat(", ", sort(dbs))])
}

# OpenSearch Serverless data access rules over every collection or index.
deny contains {"id": "LLM-CTRL-011", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/policy"]), "resource": resource.urn} if {
	partitioned
	some i, resource in input.resources
	resource.type == "aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy"
	some statement in lib.as_array(lib.document(resource.props.policy))
	some rule in statement.Rules
	some pattern in lib.as_array(rule.Resource)
	pattern in params.all_partition_patterns
	msg := sprintf("OpenSearch Serverless access policy %s grants %s: one principal reaches every tenant's collection", [object.get(resource.props, "name", resource.name), pattern])
}

# Reported once per principal, on the last policy that admits it, naming every collection it reaches.
deny contains {"id": "LLM-CTRL-011", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/policy"]), "resource": resource.urn} if {
	some principal in {p | some [_, p, _] in aoss_grants}
	collections := {c | some [_, p, c] in aoss_grants; p == principal}
	count(collections) > 1
	i := max({j | some [j, p, _] in aoss_grants; p == principal})
	resource := input.resources[i]
	msg := sprintf(
		"OpenSearch Serverless access policy %s admits %s, whom data access policies admit to collections %s: one principal reaches several tenants' collections",
		[object.get(resource.props, "name", resource.name), principal, concat(", ", sort(collections))],
	)
}

deny contains {"id": "LLM-CTRL-011", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/policy"]), "resource": resource.urn} if {
	some [i, _, collection] in aoss_grants
	contains(collection, "*")
	resource := input.resources[i]
	not wildcard_listed(resource)
	msg := sprintf(
		"OpenSearch Serverless access policy %s names collections by the pattern %s: it may reach several tenants' collections",
		[object.get(resource.props, "name", resource.name), collection],
	)
}

deny contains {"id": "LLM-CTRL-011", "msg": msg, "path": concat("", [lib.resource_pointer(account.i), "/metadata/annotations"]), "resource": account.urn} if {
	some account in tenant_accounts
	some other in tenant_accounts
	other.i < account.i
	other.tenant != account.tenant
	other.role == account.role
	msg := sprintf(
		"service account %s of tenant %s assumes IAM role %s, which tenant %s's %s assumes too: one role reaches both tenants' stores",
		[account.name, account.tenant, account.role, other.tenant, other.name],
	)
}

deny contains {"id": "LLM-CTRL-011", "msg": msg, "path": entry.pointer, "resource": entry.urn} if {
	iam_tenancy
	some entry in tenant_pods
	role := pod_role(entry)
	some other in earlier_other(entry)
	pod_role(other) == role
	msg := sprintf(
		"%s of tenant %s runs with IAM role %s (service account %s), which tenant %s's %s runs with too: one role reaches both tenants' stores",
		[entry.name, entry.tenant, role, entry.pod.serviceAccountName, other.tenant, other.name],
	)
}

deny contains {"id": "LLM-CTRL-011", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/policy"]), "resource": resource.urn} if {
	some i in {i | some [i, _] in db_users}
	tenants := {user_tenant(user) | some [j, user] in db_users; j == i}
	count(tenants) > 1
	resource := input.resources[i]
	msg := sprintf(
		"IAM policy %s lets one role connect as the database users of tenants %s: one role reaches several tenants' databases",
		[object.get(resource.props, "name", resource.name), concat(", ", sort(tenants))],
	)
}

deny contains {"id": "LLM-CTRL-011", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/policy"]), "resource": resource.urn} if {
	some [i, user] in db_users
	contains(user, "*")
	resource := input.resources[i]
	msg := sprintf(
		"IAM policy %s lets its role connect as database users %s: a wildcard reaches every tenant's database",
		[object.get(resource.props, "name", resource.name), user],
	)
}
