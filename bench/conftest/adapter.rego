# Benchmark-only adapter: lets `conftest test --combine` run the llmops runtime policies on
# raw Kubernetes manifests, by building the same runtime-input document llmops builds.
package main

import data.llmops.main

# Pulumi type token of a manifest: `v1` is the core group.
token(manifest) := sprintf("kubernetes:%s:%s", [manifest.apiVersion, manifest.kind]) if contains(manifest.apiVersion, "/")

token(manifest) := sprintf("kubernetes:core/%s:%s", [manifest.apiVersion, manifest.kind]) if not contains(manifest.apiVersion, "/")

documents contains manifest if {
	some file in input
	is_array(file.contents)
	some manifest in file.contents
	is_object(manifest)
}

documents contains file.contents if {
	some file in input
	is_object(file.contents)
}

runtime_input := {"resources": [resource |
	some manifest in documents
	resource := {
		"urn": sprintf("k8s:%s:%s:%s", [object.get(manifest, ["metadata", "namespace"], "_"), manifest.kind, manifest.metadata.name]),
		"type": token(manifest),
		"name": manifest.metadata.name,
		"props": manifest,
	}
]}

deny contains sprintf("%s %s %s", [finding.id, finding.path, finding.msg]) if {
	some finding in main.runtime_findings with input as runtime_input
}
