# METADATA
# title: Nodes require IMDSv2 with a hop limit of 1
# description: >-
#   IMDSv2 with hop limit 1 keeps pods from stealing the node role's credentials through the
#   metadata service.
# scope: package
# custom:
#   id: LLM-AWS-005
#   severity: high
#   remediation: >-
#     Set metadataOptions.httpTokens: required and httpPutResponseHopLimit: 1 on launch
#     templates and instances.
#   frameworks:
#     aws-fsbp: ["EC2.8"]
package llmops.runtime.aws.imdsv2

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-005", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/metadataOptions"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type in {"aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/instance:Instance"}
	options := object.get(resource.props, "metadataOptions", {})
	not hardened(options)
	msg := concat("", [lib.text(resource.name), " does not require IMDSv2 with hop limit 1"])
}

hardened(options) if {
	options.httpTokens == "required"
	options.httpPutResponseHopLimit == 1
}
