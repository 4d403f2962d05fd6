# METADATA
# title: EKS grants no implicit cluster-creator admin
# description: >-
#   With API authentication and no bootstrap admin, every cluster-admin grant is an explicit,
#   audited access entry.
# scope: package
# custom:
#   id: LLM-AWS-004
#   severity: medium
#   remediation: >-
#     Set accessConfig.authenticationMode: API and bootstrapClusterCreatorAdminPermissions:
#     false.
#   frameworks:
#     cis-eks: ["4.1.1"]
#     owasp-llm-2025: ["LLM06:2025"]
package llmops.runtime.aws.eks_no_bootstrap_admin

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-004", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/accessConfig"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:eks/cluster:Cluster"
	object.get(resource.props, ["accessConfig", "bootstrapClusterCreatorAdminPermissions"], true) != false
	msg := concat("", ["EKS cluster ", lib.text(resource.name), " makes its creator an implicit cluster admin"])
}
