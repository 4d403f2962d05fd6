# METADATA
# title: VPCs have flow logs
# description: >-
#   Flow logs are the record of what talked to the model servers and the vector store.
# scope: package
# custom:
#   id: LLM-AWS-021
#   severity: medium
#   remediation: >-
#     Add an aws.ec2.FlowLog for the VPC (trafficType ALL) to a KMS-encrypted log group.
#   frameworks:
#     aws-fsbp: ["EC2.6"]
package llmops.runtime.aws.vpc_flow_logs

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-021", "msg": msg, "path": lib.resource_pointer(i), "resource": resource.urn} if {
	values := lib.referring_values(flow_logs, "vpcId")
	urns := lib.referring_urns(flow_logs, "vpcId")
	some i, resource in input.resources
	resource.type == "aws:ec2/vpc:Vpc"
	not lib.referenced(resource, values, urns)
	msg := concat("", ["VPC ", lib.text(resource.name), " has no flow log"])
}

flow_logs contains log if {
	some log in input.resources
	log.type == "aws:ec2/flowLog:FlowLog"
}
