# METADATA
# title: Data sent to the embedded LLM is within what the vendor's terms allow
# description: >-
#   In the embedded pattern the organisation's data leaves for the vendor's platform, and only
#   the contract stands between it and the vendor's use. The data the stack grounds the vendor's
#   LLM in (data.sources) is held to the recorded terms (embedded.dataProcessingTerms and
#   dataOwnership): confidential, restricted or personal data needs a DPA reference (GDPR
#   Art. 28), customer ownership of prompts, outputs and derived data, and a retention other than
#   vendor-defined; confidential and restricted data needs a no-training commitment; restricted
#   data needs zero retention; no source may be classified above what the terms cover, and the
#   vendor processes the data only in allowed regions.
# scope: package
# custom:
#   id: LLM-EMB-004
#   severity: high
#   remediation: >-
#     Record the vendor's data-processing terms in spec.embedded.dataProcessingTerms (DPA
#     reference, highest classification covered, no-training commitment, retention, processing
#     regions) and negotiate terms that cover the data, or keep the data the terms do not cover
#     away from the embedded LLM.
#   frameworks:
#     nist-ai-rmf: ["GOVERN 6.1", "MAP 4.1"]
#     nist-ai-600-1: ["Data Privacy", "Value Chain and Component Integration"]
#     owasp-llm-2025: ["LLM02:2025"]
#     iso-42001: ["A.10.3"]
package llmops.spec.embedded.data_terms

rank := {"public": 0, "internal": 1, "confidential": 2, "restricted": 3}

embedded := input.spec.embedded if input.spec.pattern == "embedded"

terms := embedded.dataProcessingTerms

# Sources whose data needs the terms: confidential, restricted or personal.
sensitive contains [k, source] if {
	some k, source in input.spec.data.sources
	source.classification in {"confidential", "restricted"}
}

sensitive contains [k, source] if {
	some k, source in input.spec.data.sources
	source.containsPersonalData == true
}

label(source) := sprintf("source %s (%s%s)", [source.name, object.get(source, "classification", "unclassified"), personal_note(source)])

personal_note(source) := ", personal data" if source.containsPersonalData == true

personal_note(source) := "" if not source.containsPersonalData == true

deny contains {"id": "LLM-EMB-004", "msg": msg, "path": "/spec/embedded"} if {
	embedded
	not terms
	some [_, source] in sensitive
	msg := sprintf("%s reaches the embedded LLM of %s, but no data-processing terms are recorded (embedded.dataProcessingTerms)", [label(source), embedded.platform])
}

deny contains {"id": "LLM-EMB-004", "msg": msg, "path": "/spec/embedded/dataOwnership"} if {
	count(sensitive) > 0
	object.get(embedded, "dataOwnership", "unrecorded") != "customer"
	some [_, source] in sensitive
	msg := sprintf("%s reaches the embedded LLM while the vendor's terms give data ownership to: %s", [label(source), object.get(embedded, "dataOwnership", "unrecorded")])
}

deny contains {"id": "LLM-EMB-004", "msg": msg, "path": sprintf("/spec/data/sources/%d/classification", [k])} if {
	some k, source in input.spec.data.sources
	rank[source.classification] > rank[terms.coversUpTo]
	msg := sprintf("source %s is %s, above what the vendor's terms (%s) cover: %s", [source.name, source.classification, terms.reference, terms.coversUpTo])
}

deny contains {"id": "LLM-EMB-004", "msg": msg, "path": "/spec/embedded/dataProcessingTerms/noTraining"} if {
	not terms.noTraining == true
	some [_, source] in sensitive
	source.classification in {"confidential", "restricted"}
	msg := sprintf("%s reaches the embedded LLM, but the terms (%s) do not forbid the vendor to train on it", [label(source), terms.reference])
}

deny contains {"id": "LLM-EMB-004", "msg": msg, "path": "/spec/embedded/dataProcessingTerms/retention"} if {
	some [_, source] in sensitive
	not retention_allowed(source, object.get(terms, "retention", "vendorDefined"))
	msg := sprintf(
		"%s reaches the embedded LLM, but the terms (%s) let the vendor keep prompts and outputs: retention %s",
		[label(source), terms.reference, object.get(terms, "retention", "vendorDefined")],
	)
}

deny contains {"id": "LLM-EMB-004", "msg": msg, "path": sprintf("/spec/embedded/dataProcessingTerms/processingRegions/%d", [r])} if {
	some r, region in terms.processingRegions
	not region in input.spec.target.dataResidency.allowedRegions
	msg := sprintf("the vendor's terms (%s) process data in %s, outside target.dataResidency.allowedRegions", [terms.reference, region])
}

retention_allowed(_, "none")

retention_allowed(source, "abuseMonitoring") if source.classification != "restricted"
