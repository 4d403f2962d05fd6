# METADATA
# title: Bedrock model invocations are logged
# description: >-
#   When the stack calls an Amazon Bedrock model (the spec names one, or an IAM policy in the
#   input allows bedrock:InvokeModel*), model invocation logging must deliver text to CloudWatch
#   Logs or S3: it is the record of what was asked and answered, which the audit trail and
#   incident review depend on. Organisations that configure it centrally list
#   "bedrock-invocation-logging" in data.yaml's account_controls_managed_centrally.
# scope: package
# custom:
#   id: LLM-AWS-037
#   severity: high
#   remediation: >-
#     Add an aws.bedrockmodel.InvocationLoggingConfiguration with textDataDeliveryEnabled and a
#     CloudWatch or S3 destination (components/aws/runtime-monitoring.ts).
#   frameworks:
#     eu-ai-act: ["Art. 12"]
#     iso-42001: ["A.6.2.8"]
#     nist-ai-rmf: ["MEASURE 2.8"]
package llmops.runtime.aws.bedrock_invocation_logging

import data.llmops.lib.iam
import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-037", "msg": msg, "path": path, "resource": resource} if {
	not "bedrock-invocation-logging" in data.llmops.params.account_controls_managed_centrally
	not invocations_logged
	some [path, resource, what] in bedrock_use
	msg := concat("", [lib.text(what), " calls Amazon Bedrock without model invocation logging"])
}

# The spec names a Bedrock model or provider.
bedrock_use contains [concat("", ["/spec/spec/models/", format_int(j, 10), "/source"]), "spec", concat("", ["model ", lib.text(model.name)])] if {
	some j, model in input.spec.spec.models
	model.source.type == "bedrock"
}

bedrock_use contains ["/spec/spec/blackBoxApi/provider", "spec", "the black-box API"] if input.spec.spec.blackBoxApi.provider == "bedrock"

# An identity policy in the input allows invoking a model.
bedrock_use contains [concat("", [lib.text(lib.resource_pointer(i)), "/policy"]), resource.urn, concat("", ["policy ", lib.text(resource.name)])] if {
	some i, resource in input.resources
	resource.type in iam.identity_policy_types
	some statement in iam.statements(resource.props.policy)
	iam.allows(statement)
	some action in lib.as_array(object.get(statement, "Action", []))
	regex.match(`^(bedrock:(Invoke[A-Za-z]*\*?|\*)|\*)$`, action)
	contains_bedrock_resource(statement)
}

# Wildcard actions count only where the statement names a Bedrock resource.
contains_bedrock_resource(statement) if {
	some arn in lib.as_array(object.get(statement, "Resource", []))
	startswith(arn, "arn:aws:bedrock:")
}

invocations_logged if {
	some config in input.resources
	config.type == "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration"
	logging := config.props.loggingConfig
	object.get(logging, "textDataDeliveryEnabled", true) != false
	destination(logging)
}

destination(logging) if logging.cloudwatchConfig.logGroupName

destination(logging) if logging.s3Config.bucketName
