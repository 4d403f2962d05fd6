# METADATA
# title: IAM and resource policy documents are single, valid JSON documents
# description: >-
#   A policy document that does not parse cannot be checked, and the checks on what it grants
#   would silently pass. OPA's Go runtime treats the parse error as undefined and the WebAssembly
#   runtime parses a leading object and ignores what follows, so the gate refuses both. (Two
#   concatenated documents, "{…} {…}", still pass the WebAssembly runtime: a known gap.)
# scope: package
# custom:
#   id: LLM-AWS-029
#   severity: high
#   remediation: >-
#     Build the document with aws.iam.getPolicyDocument or JSON.stringify of an object (or an
#     array, for OpenSearch Serverless policies), so it is exactly one JSON document.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.7"]
package llmops.runtime.aws.policy_document_parses

import data.llmops.lib.runtime as lib

policy_fields := {"policy", "assumeRolePolicy"}

deny contains {"id": "LLM-AWS-029", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/", lib.text(field)]), "resource": resource.urn} if {
	some i, resource in input.resources
	startswith(resource.type, "aws:")
	some field in policy_fields
	value := resource.props[field]
	is_string(value)
	not parses(value)
	msg := concat("", [lib.text(resource.type), ".", lib.text(field), " of ", lib.text(resource.name), " is not a single JSON document; it cannot be checked"])
}

# lib.document is defined only for text that is one {…} or […] and parses.
parses(value) if lib.document(value)
