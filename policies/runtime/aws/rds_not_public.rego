# METADATA
# title: Databases are not publicly accessible
# description: >-
#   A publicly accessible database (the pgvector store among them) is one password away from
#   the internet.
# scope: package
# custom:
#   id: LLM-AWS-013
#   severity: critical
#   remediation: >-
#     Set publiclyAccessible: false.
#   frameworks:
#     aws-fsbp: ["RDS.2"]
#     owasp-llm-2025: ["LLM08:2025"]
package llmops.runtime.aws.rds_not_public

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-013", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/publiclyAccessible"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type in {"aws:rds/clusterInstance:ClusterInstance", "aws:rds/instance:Instance"}
	resource.props.publiclyAccessible == true
	msg := concat("", ["database ", lib.text(resource.name), " is publicly accessible"])
}
