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
