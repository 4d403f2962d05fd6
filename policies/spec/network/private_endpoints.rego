# METADATA
# title: AWS services are reached through VPC endpoints
# description: >-
#   Traffic to S3, ECR, STS, CloudWatch Logs and KMS (and Bedrock for Bedrock APIs) stays on
#   the AWS network through VPC endpoints.
# scope: package
# custom:
#   id: LLM-NET-003
#   severity: medium
#   remediation: >-
#     Add the missing services to spec.network.privateEndpoints.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.7"]
#     nist-ai-600-1: ["Information Security"]
#     owasp-llm-2025: ["LLM02:2025"]
package llmops.spec.network.private_endpoints

import data.llmops.lib.spec

deny contains {"id": "LLM-NET-003", "msg": msg, "path": "/spec/network/privateEndpoints"} if {
	input.spec.target.provider == "aws"
	some service in spec.params.required_private_endpoints
	not service in input.spec.network.privateEndpoints
	msg := sprintf("no VPC endpoint for %s", [service])
}

deny contains {"id": "LLM-NET-003", "msg": "the Bedrock API is used without a bedrock-runtime VPC endpoint", "path": "/spec/network/privateEndpoints"} if {
	input.spec.target.provider == "aws"
	input.spec.blackBoxApi.provider == "bedrock"
	not "bedrock-runtime" in input.spec.network.privateEndpoints
}
