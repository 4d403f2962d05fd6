# METADATA
# title: Production EKS clusters run under GuardDuty Runtime Monitoring
# description: >-
#   Where the spec (input.spec) is production and the input holds an EKS cluster, GuardDuty must
#   watch the nodes' runtime (EKS_RUNTIME_MONITORING or RUNTIME_MONITORING enabled on an enabled
#   detector) with the GuardDuty agent deployed (automated EKS add-on management, or the
#   aws-guardduty-agent add-on): container escapes and crypto-miners on GPU nodes are otherwise
#   unseen. Organisations that run GuardDuty centrally list "guardduty-eks-runtime" in
#   data.yaml's account_controls_managed_centrally.
# scope: package
# custom:
#   id: LLM-AWS-036
#   severity: medium
#   remediation: >-
#     Enable a GuardDuty detector with the EKS_RUNTIME_MONITORING feature and
#     EKS_ADDON_MANAGEMENT (components/aws/runtime-monitoring.ts), or record that the security
#     account manages it.
#   frameworks:
#     aws-fsbp: ["GuardDuty.1", "GuardDuty.7"]
#     nsa-cisa-k8s: ["Audit logging and threat detection: Logging"]
#     nist-ai-rmf: ["MEASURE 2.7"]
package llmops.runtime.aws.guardduty_eks_runtime

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-036", "msg": msg, "path": lib.resource_pointer(i), "resource": resource.urn} if {
	input.spec.metadata.environment == "prod"
	not "guardduty-eks-runtime" in data.llmops.params.account_controls_managed_centrally
	not runtime_monitored
	some i, resource in input.resources
	resource.type == "aws:eks/cluster:Cluster"
	msg := concat("", ["production EKS cluster ", lib.text(resource.name), " runs without GuardDuty Runtime Monitoring"])
}

runtime_monitored if {
	some feature in input.resources
	feature.type == "aws:guardduty/detectorFeature:DetectorFeature"
	feature.props.name in {"EKS_RUNTIME_MONITORING", "RUNTIME_MONITORING"}
	feature.props.status == "ENABLED"
	enabled_detector(feature)
	agent_deployed(feature)
}

enabled_detector(feature) if {
	some detector in input.resources
	detector.type == "aws:guardduty/detector:Detector"
	object.get(detector.props, "enable", true) != false
	lib.references(feature, "detectorId", detector)
}

agent_deployed(feature) if {
	some config in object.get(feature.props, "additionalConfigurations", [])
	config.name == "EKS_ADDON_MANAGEMENT"
	config.status == "ENABLED"
}

agent_deployed(_) if {
	some addon in input.resources
	addon.type == "aws:eks/addon:Addon"
	addon.props.addonName == "aws-guardduty-agent"
}
