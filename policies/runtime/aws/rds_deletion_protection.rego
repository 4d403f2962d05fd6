# METADATA
# title: Databases are protected from deletion and backed up
# description: >-
#   Deletion protection and backups keep the vector store recoverable after a mistake or an
#   attack.
# scope: package
# custom:
#   id: LLM-AWS-016
#   severity: medium
#   remediation: >-
#     Set deletionProtection: true and backupRetentionPeriod of at least 7 days.
#   frameworks:
#     aws-fsbp: ["RDS.7", "RDS.8", "RDS.11"]
package llmops.runtime.aws.rds_deletion_protection

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-016", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/deletionProtection"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type in {"aws:rds/cluster:Cluster", "aws:rds/instance:Instance"}
	not protected(resource.props)
	msg := concat("", ["database ", lib.text(resource.name), " can be deleted or keeps under 7 days of backups"])
}

protected(props) if {
	props.deletionProtection == true
	object.get(props, "backupRetentionPeriod", 1) >= data.llmops.params.min_db_backup_retention_days
}
