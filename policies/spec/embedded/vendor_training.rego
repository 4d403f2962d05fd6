# METADATA
# title: The vendor does not train on sensitive data
# description: >-
#   A SaaS vendor that trains on confidential or personal data moves it outside the
#   organisation's control.
# scope: package
# custom:
#   id: LLM-EMB-003
#   severity: high
#   remediation: >-
#     Opt out of vendor training and set spec.embedded.vendorTrainsOnData to false.
#   frameworks:
#     nist-ai-rmf: ["GOVERN 6.1", "MEASURE 2.10"]
#     nist-ai-600-1: ["Data Privacy", "Intellectual Property"]
#     owasp-llm-2025: ["LLM02:2025"]
#     iso-42001: ["A.10.3"]
package llmops.spec.embedded.vendor_training

import data.llmops.lib.spec

deny contains {"id": "LLM-EMB-003", "msg": "the vendor trains on data that is personal or confidential", "path": "/spec/embedded/vendorTrainsOnData"} if {
	input.spec.embedded.vendorTrainsOnData == true
	spec.sensitive_data
}
