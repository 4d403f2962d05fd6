# METADATA
# title: Customer-facing RAG over confidential sources separates tenants
# description: >-
#   One shared index over confidential or personal documents lets any customer's question
#   retrieve another customer's chunks (OWASP LLM08, vector and embedding weaknesses); with
#   customers or the public as the audience the index must be partitioned per tenant.
# scope: package
# custom:
#   id: LLM-DATA-010
#   severity: critical
#   remediation: >-
#     Set spec.vectorStore.tenancy to collectionPerTenant (qdrant) or databasePerTenant
#     (pgvector) with its tenants; each tenant's retriever takes the tenant from the caller's token.
#   frameworks:
#     owasp-llm-2025: ["LLM08:2025"]
#     nist-ai-600-1: ["Data Privacy"]
#     nist-ai-rmf: ["MEASURE 2.10"]
package llmops.spec.data.rag_tenant_isolation

import data.llmops.lib.spec

deny contains {"id": "LLM-DATA-010", "msg": msg, "path": "/spec/vectorStore/tenancy"} if {
	input.spec.vectorStore.tenancy == "single"
	spec.customer_facing
	names := {source.name | some source in input.spec.data.sources; sensitive(source)}
	count(names) > 0
	msg := sprintf("a %s-facing index over %s holds every tenant's documents in one partition", [input.spec.useCase.audience, concat(", ", sort(names))])
}

sensitive(source) if source.classification in spec.sensitive_classifications

sensitive(source) if source.containsPersonalData == true
