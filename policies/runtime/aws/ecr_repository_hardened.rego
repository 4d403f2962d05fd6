# METADATA
# title: ECR repositories have immutable tags and scan on push
# description: >-
#   A mutable tag lets anyone with push rights replace the serving image behind a tag that a
#   deployment already trusts; scan on push finds known vulnerabilities before the image runs.
# scope: package
# custom:
#   id: LLM-AWS-035
#   severity: medium
#   remediation: >-
#     Set imageTagMutability: IMMUTABLE and imageScanningConfiguration.scanOnPush: true (or an
#     account-level enhanced scanning rule) on the repository.
#   frameworks:
#     aws-fsbp: ["ECR.1", "ECR.2"]
#     cis-eks: ["5.1.1"]
#     owasp-llm-2025: ["LLM03:2025"]
package llmops.runtime.aws.ecr_repository_hardened

import data.llmops.lib.runtime as lib

deny contains {"id": "LLM-AWS-035", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/imageTagMutability"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "aws:ecr/repository:Repository"
	not object.get(resource.props, "imageTagMutability", "MUTABLE") in {"IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"}
	msg := concat("", ["ECR repository ", lib.text(resource.name), " has mutable tags"])
}

deny contains {"id": "LLM-AWS-035", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/imageScanningConfiguration"]), "resource": resource.urn} if {
	not account_scanning
	some i, resource in input.resources
	resource.type == "aws:ecr/repository:Repository"
	object.get(resource.props, ["imageScanningConfiguration", "scanOnPush"], false) != true
	msg := concat("", ["ECR repository ", lib.text(resource.name), " does not scan images on push"])
}

# An account-level registry scanning configuration that scans every repository on push.
account_scanning if {
	some config in input.resources
	config.type == "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration"
	some rule in object.get(config.props, "rules", [])
	rule.scanFrequency in {"SCAN_ON_PUSH", "CONTINUOUS_SCAN"}
	some filter in object.get(rule, "repositoryFilters", [])
	filter.filter == "*"
}
