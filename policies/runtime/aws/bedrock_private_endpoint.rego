# METADATA
# title: Bedrock is reached through a private endpoint limited to the declared models
# description: >-
#   A stack whose spec declares Amazon Bedrock models and whose workloads run in a VPC calls
#   Bedrock through a bedrock-runtime VPC interface endpoint: private DNS on (else the SDK's
#   default hostname still resolves to the public endpoint), a security group that admits
#   workloads by security group rather than address ranges, and an endpoint policy that allows
#   only bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream on the declared models'
#   ARNs (an endpoint without a policy allows every action on every resource, and an endpoint
#   open to other models lets a compromised workload reach models nobody evaluated). The
#   declared ARNs are arn:aws:bedrock:<target.region>::foundation-model/<uri without bedrock://>
#   [-<version>], as stacks/aws-stack.ts builds them.
# scope: package
# custom:
#   id: LLM-AWS-039
#   severity: high
#   remediation: >-
#     Add a bedrock-runtime interface endpoint with privateDnsEnabled, its own security group
#     admitting the cluster's security group on 443, and a policy allowing only the two invoke
#     actions on the declared model ARNs (components/aws/bedrock-endpoint.ts).
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.7"]
#     nist-ai-600-1: ["Information Security", "Data Privacy"]
#     owasp-llm-2025: ["LLM02:2025", "LLM06:2025"]
package llmops.runtime.aws.bedrock_private_endpoint

import data.llmops.lib.iam
import data.llmops.lib.runtime as lib

invoke_actions := {"bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"}

# ARNs of the foundation models the spec declares.
declared contains arn if {
	some model in input.spec.spec.models
	model.source.type == "bedrock"
	arn := concat("", ["arn:aws:bedrock:", input.spec.spec.target.region, "::foundation-model/", model_id(model.source)])
}

model_id(source) := concat("-", [trim_prefix(source.uri, "bedrock://"), source.version]) if source.version

model_id(source) := trim_prefix(source.uri, "bedrock://") if not source.version

# [index, resource] of every bedrock-runtime interface endpoint.
endpoints contains [i, resource] if {
	some i, resource in input.resources
	resource.type == "aws:ec2/vpcEndpoint:VpcEndpoint"
	endswith(lib.text(object.get(resource.props, "serviceName", "")), ".bedrock-runtime")
	object.get(resource.props, "vpcEndpointType", "Gateway") == "Interface"
}

models_text := concat(", ", sort(declared))

deny contains {"id": "LLM-AWS-039", "msg": msg, "path": lib.resource_pointer(i), "resource": vpc.urn} if {
	count(declared) > 0
	count(endpoints) == 0
	some i, vpc in input.resources
	vpc.type == "aws:ec2/vpc:Vpc"
	msg := concat("", ["VPC ", lib.text(vpc.name), " has no bedrock-runtime interface endpoint: calls to ", models_text, " leave the VPC"])
}

deny contains {"id": "LLM-AWS-039", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/privateDnsEnabled"]), "resource": endpoint.urn} if {
	count(declared) > 0
	some [i, endpoint] in endpoints
	object.get(endpoint.props, "privateDnsEnabled", false) != true
	msg := concat("", ["bedrock-runtime endpoint ", lib.text(endpoint.name), " has private DNS off: the SDK's default hostname still reaches the public endpoint"])
}

deny contains {"id": "LLM-AWS-039", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/policy"]), "resource": endpoint.urn} if {
	count(declared) > 0
	some [i, endpoint] in endpoints
	not endpoint.props.policy
	msg := concat("", ["bedrock-runtime endpoint ", lib.text(endpoint.name), " has no endpoint policy: every action on every model passes it"])
}

deny contains {"id": "LLM-AWS-039", "msg": msg, "path": concat("", [lib.resource_pointer(i), "/policy"]), "resource": endpoint.urn} if {
	count(declared) > 0
	some [i, endpoint] in endpoints
	some statement in iam.statements(endpoint.props.policy)
	iam.allows(statement)
	some problem in statement_problems(statement)
	msg := concat("", ["the policy of bedrock-runtime endpoint ", lib.text(endpoint.name), " ", problem])
}

deny contains {"id": "LLM-AWS-039", "msg": msg, "path": concat("", [lib.resource_pointer(j), "/ingress/", format_int(k, 10)]), "resource": group.urn} if {
	count(declared) > 0
	some [_, endpoint] in endpoints
	some j, group in input.resources
	group.type == "aws:ec2/securityGroup:SecurityGroup"
	some key in lib.resource_keys(group)
	key in lib.as_array(object.get(endpoint.props, "securityGroupIds", []))
	some k, rule in object.get(group.props, "ingress", [])
	some cidr in array.concat(object.get(rule, "cidrBlocks", []), object.get(rule, "ipv6CidrBlocks", []))
	msg := concat("", ["security group ", lib.text(group.name), " of bedrock-runtime endpoint ", lib.text(endpoint.name), " admits ", lib.text(cidr), ": admit the workloads' security group only"])
}

# Why an Allow statement of the endpoint policy lets more through than the declared models' invocation.
statement_problems(statement) := (action_problems(statement) | resource_problems(statement)) | negated(statement)

action_problems(statement) := {msg |
	some action in lib.as_array(object.get(statement, "Action", []))
	not action in invoke_actions
	msg := concat("", ["allows ", lib.text(action), ", not only bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream"])
}

resource_problems(statement) := {msg |
	some resource in lib.as_array(object.get(statement, "Resource", []))
	not resource in declared
	msg := concat("", ["allows ", lib.text(resource), ", not only the declared models (", models_text, ")"])
}

negated(statement) := {msg |
	some field in ["NotAction", "NotResource"]
	statement[field]
	msg := concat("", ["allows by ", field, ": everything but what it lists"])
}
