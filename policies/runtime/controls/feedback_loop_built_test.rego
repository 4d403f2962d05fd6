package llmops.runtime.controls.feedback_loop_built_test

import data.llmops.lib.testing
import data.llmops.runtime.controls.feedback_loop_built as check
import data.llmops.runtime_fixtures_test as fx

spec(feedback) := {"metadata": {"name": "campaign"}, "spec": {"humanFeedback": object.union({"reviewQueue": {"enabled": true}, "accessRoles": ["brand-editors"]}, feedback)}}

proxy(groups) := object.union(fx.good_container, {"name": "auth-proxy", "args": array.concat(["--provider=oidc", "--upstream=http://127.0.0.1:8080/"], [concat("=", ["--allowed-group", g]) | some g in groups])})

review := object.union(fx.good_container, {"name": "review", "args": ["review", "--store", "http://feedback-sink:8080/records"]})

queue(groups) := fx.deployment(object.union(fx.good_pod, {"containers": [proxy(groups), review]}))

export(dataset) := fx.k8s("kubernetes:batch/v1:CronJob", "CronJob", {"spec": {"schedule": "7 2 * * *", "jobTemplate": {"spec": {"template": {"spec": object.union(fx.good_pod, {"containers": [object.union(fx.good_container, {"args": ["export", "--reviewed-only", "--dataset", dataset]})]})}}}}})

doc(resources, feedback) := {"resources": resources, "spec": spec(feedback)}

denied_cases := {
	"no review queue": {"input": doc([fx.deployment(fx.good_pod), export("campaign-feedback")], {}), "path": "/spec/spec/humanFeedback/reviewQueue"},
	"no export": {"input": doc([queue(["brand-editors"])], {}), "path": "/spec/spec/humanFeedback/export"},
	"export to another dataset": {"input": doc([queue(["brand-editors"]), export("other")], {}), "path": "/spec/spec/humanFeedback/export"},
	"queue open to everyone": {"input": doc([queue([]), export("campaign-feedback")], {}), "path": "/resources/0/props/spec/template/spec"},
	"queue open to an undeclared role": {"input": doc([queue(["brand-editors", "interns"]), export("campaign-feedback")], {}), "path": "/resources/0/props/spec/template/spec"},
}

allowed_cases := {
	"built as the component builds it": doc([queue(["brand-editors"]), export("campaign-feedback")], {}),
	"named dataset": doc([queue(["brand-editors"]), export("brand-evals")], {"export": {"dataset": "brand-evals"}}),
	"separate flag value": doc([fx.deployment(object.union(fx.good_pod, {"containers": [object.union(proxy([]), {"args": ["--allowed-group", "brand-editors"]}), review]})), export("campaign-feedback")], {}),
	"review queue disabled": doc([fx.deployment(fx.good_pod)], {"reviewQueue": {"enabled": false}}),
	"no workloads at all (SaaS)": doc([], {}),
	"no spec": {"resources": [queue([])]},
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-CTRL-022", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
