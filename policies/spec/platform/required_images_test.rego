package llmops.spec.platform.required_images_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.platform.required_images as check

denied_cases := {
	"no gateway": {"input": json.remove(fx.base, ["spec/platform/images/gateway"]), "path": "/spec/platform/images"},
	"no fetcher": {"input": json.remove(fx.base, ["spec/platform/images/modelFetcher"]), "path": "/spec/platform/images"},
	"GPU model without the DCGM exporter": {"input": json.remove(fx.base, ["spec/platform/images/dcgmExporter"]), "path": "/spec/platform/images"},
	"device plugin asked for, no image": {"input": fx.spec({"platform": {"gpu": {"install": "devicePlugin"}}}), "path": "/spec/platform/images"},
	"kubernetes without collector": {"input": fx.spec({"target": {"provider": "kubernetes"}}), "path": "/spec/platform/images"},
	"fine-tuning without its trainer": {"input": json.remove(fx.finetuning({}), ["spec/platform/images/trainer"]), "path": "/spec/platform/images"},
	"agent without its approval queue": {"input": json.remove(fx.agent({}), ["spec/platform/images/toolApproval"]), "path": "/spec/platform/images"},
}

allowed_cases := {
	"complete": fx.base,
	"fine-tuning with its pipeline images": fx.finetuning({}),
	"agent with its approval queue": fx.agent({}),
	"device plugin with its image": fx.spec({"platform": {"gpu": {"install": "devicePlugin"}, "images": {"devicePlugin": {"repository": "registry.internal.example.com/platform/k8s-device-plugin", "digest": "sha256:33a444b7682c7d7c358e6292959a12f46d498912b27295476bc415237eff642b"}}}}),
	"embedded needs none": object.union(json.remove(fx.embedded({}), ["spec/platform/images"]), {"spec": {"platform": {"images": {}}, "models": [object.union(fx.base.spec.models[0], {"serving": {"runtime": "external"}, "source": {"type": "saas", "uri": "saas://crm", "version": "1"}})]}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-PLAT-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
