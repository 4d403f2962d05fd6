# METADATA
# title: OpenSearch domains encrypt at rest and in transit, HTTPS only
# description: >-
#   A managed OpenSearch domain holding embeddings must encrypt at rest, between nodes, refuse
#   plain HTTP, and accept only TLS 1.2 or later (a TLS security policy in data.yaml's
#   opensearch_tls_policies; the default policy accepts TLS 1.0).
# scope: package
# custom:
#   id: LLM-AWS-018
#   severity: high
#   remediation: >-
#     Enable encryptAtRest, nodeToNodeEncryption and domainEndpointOptions.enforceHttps.
#   frameworks:
#     aws-fsbp: ["Opensearch.1", "Opensearch.3", "Opensearch.8"]
#     owasp-llm-2025: ["LLM08:2025"]
package llmops.runtime.aws.opensearch_domain

import data.llmops.lib.runtime as lib

checks := {
	"encryptAtRest": ["encryptAtRest", "enabled"],
	"nodeToNodeEncryption": ["nodeToNodeEncryption", "enabled"],
	"domainEndpointOptions": ["domainEndpointOptions", "enforceHttps"],
}

deny contains {"id": "LLM-AWS-018", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/", lib.text(field)]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:opensearch/domain:Domain"
	some field, path in checks
	object.get(resource.props, path, false) != true
	msg := concat("", ["OpenSearch domain ", lib.text(resource.name), " does not enable ", lib.text(concat(".", path))])
}

deny contains {"id": "LLM-AWS-018", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/domainEndpointOptions/tlsSecurityPolicy"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:opensearch/domain:Domain"
	policy := object.get(resource.props, ["domainEndpointOptions", "tlsSecurityPolicy"], "Policy-Min-TLS-1-0-2019-07")
	not policy in data.llmops.params.opensearch_tls_policies
	msg := concat("", ["OpenSearch domain ", lib.text(resource.name), " accepts TLS below 1.2 (", lib.text(policy), ")"])
}
