package llmops.runtime.controls.ingestion_built_test

import data.llmops.lib.testing
import data.llmops.runtime.controls.ingestion_built as check
import data.llmops.runtime_fixtures_test as fx

uri := "https://social-listening.internal.example.com/v2/posts"

source := {"name": "social-posts", "kind": "api", "uri": uri, "freshnessSla": "PT1H"}

spec(sources) := {"spec": {"pattern": "rag", "vectorStore": {"engine": "qdrant", "dimensions": 768}, "data": {"sources": sources}}}

# The ingestion CronJob as the RagIngestion component builds it: fetch, check, redact, publish.
cronjob(patch) := fx.k8s("kubernetes:batch/v1:CronJob", "CronJob", {"metadata": {"name": "ingest-social-posts"}, "spec": object.union(
	{
		"schedule": "*/45 * * * *",
		"concurrencyPolicy": "Forbid",
		"jobTemplate": {"spec": {"activeDeadlineSeconds": 900, "template": {"spec": object.union(fx.good_pod, {
			"restartPolicy": "Never",
			"initContainers": [object.union(fx.good_container, {"name": "fetch", "args": ["fetch", "--source", uri, "--dest", "/staging/raw"]})],
			"containers": [object.union(fx.good_container, {"name": "publish", "args": ["publish", "--staging", "/staging/clean"]})],
		})}}},
	},
	patch,
)})

env_cronjob := fx.k8s("kubernetes:batch/v1:CronJob", "CronJob", {"metadata": {"name": "loader"}, "spec": {
	"schedule": "*/30 * * * *",
	"jobTemplate": {"spec": {"activeDeadlineSeconds": 600, "template": {"spec": object.union(fx.good_pod, {"containers": [object.union(fx.good_container, {"env": [{"name": "SOURCE_URL", "value": uri}]})]})}}},
}})

doc(resources, sources) := {"resources": resources, "spec": spec(sources)}

denied_cases := {
	"no ingestion workload": {"input": doc([fx.deployment(fx.good_pod)], [source]), "path": "/spec/spec/data/sources/0"},
	"a CronJob for another source": {"input": doc([cronjob({})], [object.union(source, {"uri": "s3://other/"})]), "path": "/spec/spec/data/sources/0"},
	"schedule too sparse for the SLA": {"input": doc([cronjob({"schedule": "0 */2 * * *"})], [source]), "path": "/resources/0/props/spec"},
	"gap fits but the deadline does not": {"input": doc([cronjob({"schedule": "*/50 * * * *", "jobTemplate": {"spec": {"activeDeadlineSeconds": 1200}}})], [source]), "path": "/resources/0/props/spec"},
	"no run deadline": {"input": doc([json.remove(cronjob({}), ["props/spec/jobTemplate/spec/activeDeadlineSeconds"])], [source]), "path": "/resources/0/props/spec"},
	"suspended": {"input": doc([cronjob({"suspend": true})], [source]), "path": "/resources/0/props/spec"},
	"unreadable schedule": {"input": doc([cronjob({"schedule": "0 0 * JAN *"})], [source]), "path": "/resources/0/props/spec"},
	"source without a uri": {"input": doc([cronjob({})], [json.remove(source, ["uri"])]), "path": "/spec/spec/data/sources/0"},
}

allowed_cases := {
	"built as the component builds it": doc([cronjob({})], [source]),
	"uri passed in the environment": doc([env_cronjob], [source]),
	"source queried at answer time": doc([], [object.union(source, {"retrieval": "queried"})]),
	"no vector store": {"resources": [], "spec": {"spec": {"pattern": "rag", "data": {"sources": [source]}}}},
	"not a rag stack": {"resources": [], "spec": {"spec": {"pattern": "agent", "vectorStore": {"engine": "qdrant"}, "data": {"sources": [source]}}}},
	"no spec": {"resources": [cronjob({"suspend": true})]},
	"a daily source with a daily run": doc([cronjob({"schedule": "17 3 * * *", "jobTemplate": {"spec": {"activeDeadlineSeconds": 3600}}})], [object.union(source, {"freshnessSla": "P1DT1H"})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-CTRL-020", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
