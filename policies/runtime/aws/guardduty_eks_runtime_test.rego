package llmops.runtime.aws.guardduty_eks_runtime_test

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

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["LLM-AWS-036", tc.path]}
	every f in found { f.resource != "" }
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}

# The denied inputs with every resource retyped to a type no check knows yield nothing.
test_other_types_pass[note] if {
	some note, tc in denied_cases
	found := check.deny with input as fx.retyped(tc.input)
	count(found) == 0
}
