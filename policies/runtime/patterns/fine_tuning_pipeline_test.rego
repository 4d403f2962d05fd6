package llmops.runtime.patterns.fine_tuning_pipeline_test

import data.llmops.lib.testing
import data.llmops.runtime.patterns.fine_tuning_pipeline as check
import data.llmops.runtime_fixtures_test as fx

base_digest := "sha256:3f1c7b6d2a9e4c8b0d5f6a7e8c9b1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c"

output_digest := "sha256:82b763e2c0a79de032b88cbbda7293432feab7588fd426cd65c4f5804c9e4f23"

spec := {"spec": {
	"fineTuning": {
		"baseModel": "s3://models/base/",
		"baseModelDigest": base_digest,
		"outputModel": "slm",
		"datasets": [{"name": "contracts", "version": "v5"}],
	},
	"models": [{"name": "slm", "role": "primary", "source": {"digest": output_digest}, "evaluation": {"dataset": {"name": "heldout", "version": "v5-test"}}}],
}}

job(name, args, gpu) := {
	"urn": concat("::", ["urn:test", "kubernetes:batch/v1:Job", name]),
	"type": "kubernetes:batch/v1:Job",
	"name": name,
	"props": {"kind": "Job", "metadata": {"name": name, "namespace": "ns"}, "spec": {"template": {"spec": object.union(fx.good_pod, {"containers": [object.union(fx.good_container, {
		"args": args,
		"resources": {"limits": object.union({"memory": "1Gi"}, {k: "1" | gpu; k := "nvidia.com/gpu"})},
	})]})}}},
}

gate := job("gate-contracts", ["admit", "--dataset", "contracts@v5", "--redaction", "pseudonymised"], false)

train := job("train", ["train", "--base-sha256", trim_prefix(base_digest, "sha256:"), "--dataset", "contracts@v5=s3://store/datasets/contracts/v5/"], true)

evaluate := job("evaluate", ["evaluate", "--model-digest", output_digest, "--dataset", "heldout@v5-test"], true)

doc(resources) := {"resources": resources, "spec": spec}

denied_cases := {
	"no training job": {"input": doc([gate, evaluate]), "path": ""},
	"training on the CPU only": {"input": doc([gate, job("train", train.props.spec.template.spec.containers[0].args, false), evaluate]), "path": ""},
	"training job without the dataset version": {"input": doc([gate, job("train", ["train", "--base-sha256", trim_prefix(base_digest, "sha256:"), "--dataset", "contracts@v4"], true), evaluate]), "path": "/resources/1/props"},
	"no dataset gate": {"input": doc([train, evaluate]), "path": ""},
	"no evaluation job": {"input": doc([gate, train]), "path": ""},
	"evaluation of another digest": {"input": doc([gate, train, job("evaluate", ["evaluate", "--model-digest", fx.digest, "--dataset", "heldout@v5-test"], true)]), "path": ""},
}

allowed_cases := {
	"as built": doc([gate, train, evaluate]),
	"no spec": {"resources": [gate]},
	"not fine-tuning": {"resources": [gate], "spec": {"spec": {"pattern": "rag", "models": spec.spec.models}}},
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-FTJOB-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
