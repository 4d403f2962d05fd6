# METADATA
# title: Per-tenant isolation is declared in a form the toolkit builds
# description: >-
#   A vectorStore.tenancy other than single is built only where the toolkit can keep tenants
#   apart with the engine's own access control: qdrant with collectionPerTenant (a collection per
#   tenant, JWT RBAC tokens scoped to it), pgvector with databasePerTenant (a database and a
#   login role per tenant, CONNECT revoked from PUBLIC), opensearchServerless with
#   collectionPerTenant (a collection and a data access policy per tenant, naming only that
#   tenant's IAM roles) and auroraPgvector with databasePerTenant (a database and IAM-authenticated
#   login roles per tenant, rds-db:connect held by the tenant's roles only). Any other pair, a tenancy without its
#   tenants, or an embedded source that names no tenant would deploy one shared store while the
#   spec says the tenants are separated, so it is refused before anything is built.
# scope: package
# custom:
#   id: LLM-DATA-014
#   severity: high
#   remediation: >-
#     Use collectionPerTenant with qdrant or opensearchServerless, or databasePerTenant with
#     pgvector or auroraPgvector, list the tenants under spec.vectorStore.tenants, and give every
#     embedded data source the tenant it belongs to (spec.data.sources[].tenant).
#     namespacePerTenant is not built yet.
#   frameworks:
#     owasp-llm-2025: ["LLM02:2025", "LLM08:2025"]
#     eu-ai-act: ["Art. 15"]
#     nist-ai-600-1: ["Data Privacy"]
package llmops.spec.data.rag_tenancy_built

# The engine and tenancy pairs the stacks build (stacks/vector-tenancy.ts BUILT_TENANCY; not an
# organisation parameter: it is what the components implement).
built := {
	"qdrant": "collectionPerTenant",
	"pgvector": "databasePerTenant",
	"opensearchServerless": "collectionPerTenant",
	"auroraPgvector": "databasePerTenant",
}

store := input.spec.vectorStore

partitioned if store.tenancy != "single"

tenant_names contains tenant.name if some tenant in object.get(store, "tenants", [])

deny contains {"id": "LLM-DATA-014", "msg": msg, "path": "/spec/vectorStore/tenancy"} if {
	partitioned
	object.get(built, store.engine, "") != store.tenancy
	pairs := concat(", ", sort([sprintf("%s with %s", [engine, tenancy]) | some engine, tenancy in built]))
	msg := sprintf("vectorStore.tenancy %s is not built for engine %s (built: %s): the stack would deploy one shared store", [store.tenancy, store.engine, pairs])
}

deny contains {"id": "LLM-DATA-014", "msg": msg, "path": "/spec/vectorStore/tenants"} if {
	partitioned
	count(tenant_names) == 0
	msg := sprintf("vectorStore.tenancy %s names no tenants: list them under vectorStore.tenants", [store.tenancy])
}

deny contains {"id": "LLM-DATA-014", "msg": msg, "path": sprintf("/spec/data/sources/%d", [i])} if {
	partitioned
	some i, source in input.spec.data.sources
	embedded(source)
	not source.tenant
	msg := sprintf("data source %s names no tenant: with vectorStore.tenancy %s each embedded source is written into one tenant's store", [source.name, store.tenancy])
}

deny contains {"id": "LLM-DATA-014", "msg": msg, "path": sprintf("/spec/data/sources/%d/tenant", [i])} if {
	partitioned
	count(tenant_names) > 0
	some i, source in input.spec.data.sources
	embedded(source)
	source.tenant
	not source.tenant in tenant_names
	msg := sprintf("data source %s names tenant %s, which vectorStore.tenants does not list", [source.name, source.tenant])
}

embedded(source) if object.get(source, "retrieval", "embedded") == "embedded"
