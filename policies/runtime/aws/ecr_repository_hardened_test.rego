package llmops.runtime.aws.ecr_repository_hardened_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.ecr_repository_hardened as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"mutable": {"input": fx.doc([fx.res("aws:ecr/repository:Repository", {"imageScanningConfiguration": {"scanOnPush": true}})]), "path": "/resources/0/props/imageTagMutability"},
	"no scan": {"input": fx.doc([fx.res("aws:ecr/repository:Repository", {"imageTagMutability": "IMMUTABLE"})]), "path": "/resources/0/props/imageScanningConfiguration"},
	"account scanning of some repositories only": {"input": fx.doc([fx.res("aws:ecr/repository:Repository", {"imageTagMutability": "IMMUTABLE"}), fx.res("aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration", {"scanType": "ENHANCED", "rules": [{"scanFrequency": "SCAN_ON_PUSH", "repositoryFilters": [{"filter": "prod-*", "filterType": "WILDCARD"}]}]})]), "path": "/resources/0/props/imageScanningConfiguration"},
}

allowed_cases := {
	"hardened": fx.doc([fx.res("aws:ecr/repository:Repository", {"imageTagMutability": "IMMUTABLE", "imageScanningConfiguration": {"scanOnPush": true}})]),
	"account scanning": fx.doc([fx.res("aws:ecr/repository:Repository", {"imageTagMutability": "IMMUTABLE"}), fx.res("aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration", {"scanType": "ENHANCED", "rules": [{"scanFrequency": "CONTINUOUS_SCAN", "repositoryFilters": [{"filter": "*", "filterType": "WILDCARD"}]}]})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-035", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
