# METADATA
# title: EKS encrypts Kubernetes secrets with KMS
# description: >-
#   Envelope encryption of Secrets with a customer-managed key protects API keys and
#   credentials in etcd.
# scope: package
# custom:
#   id: LLM-AWS-002
#   severity: high
#   remediation: >-
#     Set encryptionConfig with resources [secrets] and a KMS key ARN.
#   frameworks:
#     aws-fsbp: ["EKS.3"]
#     cis-eks: ["5.3.1"]
package llmops.runtime.aws.eks_secrets_encryption

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-002", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/encryptionConfig"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:eks/cluster:Cluster"
	not "secrets" in object.get(resource.props, ["encryptionConfig", "resources"], [])
	msg := concat("", ["EKS cluster ", lib.text(resource.name), " does not encrypt secrets with KMS"])
}
