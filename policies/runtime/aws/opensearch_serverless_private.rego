# METADATA
# title: OpenSearch Serverless collections are encrypted with a CMK and not public
# description: >-
#   A vector collection's network policy must allow only VPC endpoints, and its encryption
#   policy must use a customer-managed key.
# scope: package
# custom:
#   id: LLM-AWS-017
#   severity: critical
#   remediation: >-
#     Set AllowFromPublic: false with SourceVPCEs in the network policy, and AWSOwnedKey: false
#     with KmsARN in the encryption policy.
#   frameworks:
#     owasp-llm-2025: ["LLM08:2025"]
#     nist-ai-600-1: ["Data Privacy", "Information Security"]
package llmops.runtime.aws.opensearch_serverless_private

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-017", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/policy"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy"
	resource.props.type == "network"
	some rule in lib.as_array(lib.document(resource.props.policy))
	rule.AllowFromPublic == true
	msg := concat("", ["network policy ", lib.text(resource.name), " allows public access to the collection"])
}

deny contains {"id": "LLM-AWS-017", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/policy"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy"
	resource.props.type == "encryption"
	lib.document(resource.props.policy).AWSOwnedKey == true
	msg := concat("", ["encryption policy ", lib.text(resource.name), " uses an AWS-owned key"])
}
