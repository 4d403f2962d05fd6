# METADATA
# title: OpenSearch access policies grant nothing to every principal
# description: >-
#   A domain access policy (on the domain or in an aws:opensearch/domainPolicy resource) that
#   allows Principal * without a principal, account, organisation or source-address condition,
#   or a Serverless data-access policy that lists "*" as a principal, opens the vector store,
#   and the embeddings and documents in it, to anyone who can reach the endpoint.
# scope: package
# custom:
#   id: LLM-AWS-033
#   severity: critical
#   remediation: >-
#     Name the reader and writer roles as principals; for a domain, add an aws:PrincipalAccount
#     or aws:PrincipalOrgID condition or a source-address range that is not the internet.
#   frameworks:
#     aws-fsbp: ["Opensearch.2"]
#     owasp-llm-2025: ["LLM08:2025"]
#     nist-ai-600-1: ["Data Privacy", "Information Security"]
package llmops.runtime.aws.opensearch_access_policy

import data.llmops.lib.cidr
import data.llmops.lib.iam
import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-033", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/accessPolicies"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type in {"aws:opensearch/domain:Domain", "aws:opensearch/domainPolicy:DomainPolicy"}
	resource.props.accessPolicies
	some statement in iam.statements(resource.props.accessPolicies)
	iam.allows(statement)
	iam.wildcard_principal(statement.Principal)
	not iam.restricting_condition(statement)
	not source_address_limited(statement)
	msg := concat("", ["OpenSearch access policy ", lib.text(resource.name), " allows any principal"])
}

deny contains {"id": "LLM-AWS-033", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/policy"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy"
	some rule in rules(resource.props.policy)
	some principal in lib.as_array(object.get(rule, "Principal", []))
	any_principal(principal)
	msg := concat("", ["OpenSearch Serverless access policy ", lib.text(resource.name), " grants ", lib.text(principal)])
}

# The data-access policy: a JSON array of rules, as text or already parsed.
rules(policy) := lib.as_array(lib.document(policy)) if is_string(policy)

rules(policy) := policy if is_array(policy)

any_principal("*")

# arn:aws:iam::*:… matches a role or user of that name in every account.
any_principal(principal) if regex.match(`^arn:[^:]+:(iam|sts)::\*:`, principal)

# An IpAddress condition on aws:SourceIp whose ranges do not admit the internet.
source_address_limited(statement) if {
	some key, ranges in object.get(statement, ["Condition", "IpAddress"], {})
	lower(key) == "aws:sourceip"
	not cidr.open_to_internet(lib.as_array(ranges))
}
