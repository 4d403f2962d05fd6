# METADATA
# title: Entry points
# description: Collects the findings of every check; these are the bundle's WebAssembly entrypoints.
# scope: package
package llmops.main

# METADATA
# title: Spec findings
# description: Every finding of every spec check (packages llmops.spec.<category>.<check>).
# entrypoint: true
spec_findings contains finding if {
	some category, check
	some finding in data.llmops.spec[category][check].deny
}

# METADATA
# title: Runtime findings
# description: Every finding of every runtime check (packages llmops.runtime.<provider>.<check>).
# entrypoint: true
runtime_findings contains finding if {
	some provider, check
	some finding in data.llmops.runtime[provider][check].deny
}
