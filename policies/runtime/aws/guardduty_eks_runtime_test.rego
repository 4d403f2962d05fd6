package llmops.runtime.aws.guardduty_eks_runtime_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.guardduty_eks_runtime as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"no detector": {"input": {"resources": [fx.res("aws:eks/cluster:Cluster", {"vpcConfig": {"endpointPublicAccess": false}})], "spec": {"metadata": {"environment": "prod"}}}, "path": "/resources/0/props"},
	"audit logs only": {"input": {"resources": [fx.res("aws:eks/cluster:Cluster", {"vpcConfig": {"endpointPublicAccess": false}}), object.union(fx.res("aws:guardduty/detector:Detector", {"enable": true}), {"id": "det-1", "urn": "urn:det"}), object.union(fx.res("aws:guardduty/detectorFeature:DetectorFeature", {"detectorId": "det-1", "name": "EKS_AUDIT_LOGS", "status": "ENABLED"}), {"urn": "urn:feat"})], "spec": {"metadata": {"environment": "prod"}}}, "path": "/resources/0/props"},
	"runtime without an agent": {"input": {"resources": [fx.res("aws:eks/cluster:Cluster", {"vpcConfig": {"endpointPublicAccess": false}}), object.union(fx.res("aws:guardduty/detector:Detector", {"enable": true}), {"id": "det-1", "urn": "urn:det"}), object.union(fx.res("aws:guardduty/detectorFeature:DetectorFeature", {"detectorId": "det-1", "name": "EKS_RUNTIME_MONITORING", "status": "ENABLED"}), {"urn": "urn:feat"})], "spec": {"metadata": {"environment": "prod"}}}, "path": "/resources/0/props"},
	"disabled detector": {"input": {"resources": [fx.res("aws:eks/cluster:Cluster", {"vpcConfig": {"endpointPublicAccess": false}}), object.union(object.union(fx.res("aws:guardduty/detector:Detector", {"enable": true}), {"id": "det-1", "urn": "urn:det"}), {"props": {"enable": false}}), object.union(fx.res("aws:guardduty/detectorFeature:DetectorFeature", {"detectorId": "det-1", "name": "EKS_RUNTIME_MONITORING", "status": "ENABLED", "additionalConfigurations": [{"name": "EKS_ADDON_MANAGEMENT", "status": "ENABLED"}]}), {"urn": "urn:feat"})], "spec": {"metadata": {"environment": "prod"}}}, "path": "/resources/0/props"},
}

allowed_cases := {
	"monitored": {"resources": [fx.res("aws:eks/cluster:Cluster", {"vpcConfig": {"endpointPublicAccess": false}}), object.union(fx.res("aws:guardduty/detector:Detector", {"enable": true}), {"id": "det-1", "urn": "urn:det"}), object.union(fx.res("aws:guardduty/detectorFeature:DetectorFeature", {"detectorId": "det-1", "name": "EKS_RUNTIME_MONITORING", "status": "ENABLED", "additionalConfigurations": [{"name": "EKS_ADDON_MANAGEMENT", "status": "ENABLED"}]}), {"urn": "urn:feat"})], "spec": {"metadata": {"environment": "prod"}}},
	"runtime monitoring with the add-on": {"resources": [fx.res("aws:eks/cluster:Cluster", {"vpcConfig": {"endpointPublicAccess": false}}), object.union(fx.res("aws:guardduty/detector:Detector", {"enable": true}), {"id": "det-1", "urn": "urn:det"}), object.union(fx.res("aws:guardduty/detectorFeature:DetectorFeature", {"detectorId": "det-1", "name": "RUNTIME_MONITORING", "status": "ENABLED"}), {"urn": "urn:feat"}), fx.res("aws:eks/addon:Addon", {"addonName": "aws-guardduty-agent"})], "spec": {"metadata": {"environment": "prod"}}},
	"staging": {"resources": [fx.res("aws:eks/cluster:Cluster", {"vpcConfig": {"endpointPublicAccess": false}})], "spec": {"metadata": {"environment": "staging"}}},
	"no spec": fx.doc([fx.res("aws:eks/cluster:Cluster", {"vpcConfig": {"endpointPublicAccess": false}})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-036", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
