# METADATA
# title: High-risk use scans its data for bias
# description: >-
#   High-risk systems must examine their data for possible biases (EU AI Act Art. 10(2)(f)).
# scope: package
# custom:
#   id: LLM-DATA-007
#   severity: high
#   remediation: >-
#     Add biasScan to the qualityChecks of at least one data source.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.11"]
#     eu-ai-act: ["Art. 10"]
#     nist-ai-600-1: ["Harmful Bias and Homogenization"]
#     iso-42001: ["A.7.4"]
package llmops.spec.data.bias_scan

import data.llmops.lib.spec

deny contains {"id": "LLM-DATA-007", "msg": "high-risk use case, but no data source is scanned for bias", "path": "/spec/data/sources"} if {
	spec.high_risk
	count(input.spec.data.sources) > 0
	not scanned_source
}

scanned_source if {
	some source in input.spec.data.sources
	"biasScan" in source.qualityChecks
}
