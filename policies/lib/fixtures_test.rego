# Test fixtures shared by the spec checks' tests (excluded from the bundle with the tests).
package llmops.fixtures_test

# The airport-assistant example with schema defaults applied and one model: compliant with every check.
base := {
	"apiVersion": "llmops/v1alpha1",
	"kind": "LLMOpsStack",
	"metadata": {
		"name": "airport-assistant",
		"owner": {
			"team": "digital-passenger-services",
			"email": "dps-ml@example.com",
			"name": "Priya Raman",
		},
		"environment": "prod",
		"labels": {
			"cost-center": "cc-4410",
		},
	},
	"spec": {
		"pattern": "rag",
		"useCase": {
			"purpose": "Answer passenger questions about flights, gates, security wait times and terminal services.",
			"audience": "public",
			"regulatedDomain": "none",
			"riskTier": "limited",
			"dependsOnLiveData": true,
		},
		"target": {
			"provider": "aws",
			"region": "eu-west-1",
			"availabilityZones": 3,
			"dataResidency": {
				"allowedRegions": [
					"eu-west-1",
					"eu-central-1",
				],
			},
		},
		"network": {
			"vpcCidr": "10.40.0.0/16",
			"publicIngress": {
				"inference": true,
				"allowedCidrs": [
					"198.51.100.0/24",
				],
				"vectorStore": false,
			},
			"privateEndpoints": [
				"s3",
				"ecr.api",
				"ecr.dkr",
				"sts",
				"logs",
				"kms",
			],
			"clusterEndpoint": {
				"public": false,
				"publicCidrs": [],
			},
			"egress": {
				"mode": "none",
				"allowlist": [],
			},
		},
		"models": [
			{
				"name": "llama-31-8b",
				"role": "primary",
				"source": {
					"type": "registry",
					"uri": "registry.internal.example.com/models/llama-3.1-8b-instruct",
					"digest": "sha256:fb5fddcdc76518b37eccc473060da81aa47f306179e544891d3e43832639d373",
				},
				"serving": {
					"runtime": "vllm",
					"image": {
						"repository": "registry.internal.example.com/serving/vllm-openai",
						"digest": "sha256:cc407ab25e9b87ad6b638ce95c6c743ddbe094799dc8fad108d0ccd7bc3b7575",
					},
				},
				"gpu": {
					"type": "L4",
					"count": 1,
				},
				"replicas": {
					"min": 2,
					"max": 6,
				},
				"limits": {
					"maxInputTokens": 8192,
					"maxOutputTokens": 768,
					"requestsPerMinute": 1200,
					"tokensPerMinute": 400000,
				},
				"evaluation": {
					"gate": "block",
					"dataset": {
						"name": "airport-faq-golden",
						"version": "2026.10",
					},
					"metrics": [
						{
							"name": "groundedness",
							"threshold": 0.9,
						},
						{
							"name": "factuality",
							"threshold": 0.85,
						},
						{
							"name": "toxicity",
							"threshold": 0.01,
						},
						{
							"name": "humanEval",
							"threshold": 4,
							"sampleSize": 150,
						},
					],
				},
				"reproducibility": {
					"seed": 1234,
					"decoding": {
						"temperature": 0.1,
						"topP": 0.9,
						"maxTokens": 768,
					},
					"promptTemplateVersion": "airport-rag-v7",
				},
			},
		],
		"vectorStore": {
			"engine": "auroraPgvector",
			"dimensions": 1024,
			"metric": "cosine",
			"tenancy": "single",
		},
		"data": {
			"sources": [
				{
					"name": "flight-status",
					"kind": "stream",
					"uri": "kafka://flight-ops.internal:9093/flight-status.v2",
					"classification": "internal",
					"realtime": true,
					"freshnessSla": "PT1M",
					"qualityChecks": [
						"schema",
						"freshness",
						"duplicates",
					],
					"lineage": {
						"datasetVersion": "stream-v2",
						"upstream": [
							"aodb",
						],
					},
					"containsPersonalData": false,
				},
				{
					"name": "terminal-guides",
					"kind": "documents",
					"uri": "s3://airport-content/terminal-guides/",
					"classification": "public",
					"freshnessSla": "P1D",
					"qualityChecks": [
						"schema",
						"duplicates",
						"toxicity",
					],
					"lineage": {
						"datasetVersion": "2026-11-20",
						"upstream": [
							"cms-export",
						],
					},
					"containsPersonalData": false,
					"realtime": false,
				},
			],
			"retention": {
				"promptsDays": 30,
				"responsesDays": 30,
				"logsDays": 90,
			},
		},
		"explainability": {
			"citations": true,
			"reasoningTraces": "summary",
			"userFacingExplanations": false,
		},
		"humanFeedback": {
			"capture": [
				"thumbs",
				"freeText",
			],
			"reviewQueue": {
				"enabled": true,
				"slaHours": 48,
			},
			"retentionDays": 365,
			"accessRoles": [
				"feedback-reviewers",
			],
		},
		"guardrails": {
			"input": {
				"promptInjection": true,
				"pii": true,
				"toxicity": true,
			},
			"output": {
				"pii": true,
				"toxicity": true,
				"grounding": true,
				"systemPromptLeakage": true,
				"toolCallValidation": false,
			},
			"maxGpuReplicas": 8,
		},
		"access": {
			"identityProvider": {
				"type": "oidc",
				"issuer": "https://login.example.com",
			},
			"roles": [
				{
					"name": "chat-gateway",
					"permissions": [
						"inference:invoke",
						"retrieval:query",
					],
				},
				{
					"name": "content-ingestion",
					"permissions": [
						"vectorstore:write",
						"data:read",
					],
				},
				{
					"name": "feedback-reviewers",
					"permissions": [
						"feedback:read",
						"feedback:review",
					],
				},
			],
			"breakGlass": {
				"enabled": true,
				"audited": true,
				"approvers": [
					"security-oncall@example.com",
				],
			},
		},
		"observability": {
			"audit": {
				"enabled": true,
				"immutable": true,
				"retentionDays": 400,
				"recordModelVersion": true,
				"recordPolicyRevision": true,
			},
			"metrics": true,
			"tracing": true,
		},
		"platform": {
			"images": {
				"gateway": {
					"repository": "registry.internal.example.com/platform/litellm",
					"digest": "sha256:dcc8d7506b63db23eb69667c87a92d82a8bfa0f1320fda7c40f425b5b5db8d42",
				},
				"modelFetcher": {
					"repository": "registry.internal.example.com/platform/model-fetcher",
					"digest": "sha256:7e985793cbe448d0a383af63b404e7eaa09de23c6ac88f15b5344dd007b1e7db",
				},
				"dcgmExporter": {
					"repository": "registry.internal.example.com/platform/dcgm-exporter",
					"digest": "sha256:cf1551bed353bff6b15113539292091f06132bd6e3e982ee69c1110af0ae2c98",
				},
			},
			"gpu": {"install": "none", "namespace": "llmops-gpu"},
			"gatewayClientNamespaces": [],
			"artifactStoreCidrs": [],
			"egressProxyCidrs": [],
		},
		"governance": {
			"stopPath": {
				"runbook": "https://runbooks.example.com/airport-assistant/stop",
				"killSwitch": true,
			},
			"disclosure": {
				"aiDisclosure": true,
				"text": "You are chatting with an AI assistant. Check departure boards for official times.",
			},
		},
		"privacy": {
			"encryption": {
				"atRest": "customerManagedKey",
				"keyRotation": true,
				"inTransit": {
					"tls": true,
					"minVersion": "1.2",
				},
			},
			"piiRedaction": {
				"prompts": true,
				"responses": true,
				"logs": true,
			},
			"trainingOnUserData": {
				"allowed": false,
			},
		},
		"exceptions": [],
	},
}

spec(patch) := object.union(base, {"spec": patch})

meta(patch) := object.union(base, {"metadata": patch})

model(patch) := spec({"models": [object.union(base.spec.models[0], patch)]})

source(patch) := spec({"data": {"sources": [object.union(base.spec.data.sources[0], patch)]}})

agent_section := {
	"maxSteps": 10,
	"toolAllowlistEnforced": true,
	"tools": [
		{"name": "search-docs", "impact": "low", "permissions": ["docs:read"], "requiresApproval": false},
		{"name": "open-change", "impact": "high", "permissions": ["changes:create"], "requiresApproval": true},
	],
}

agent(patch) := spec({"pattern": "agent", "agent": object.union(agent_section, patch), "platform": {"images": {"toolApproval": pinned("tool-approval")}}})

# A platform image of the internal registry, pinned by a digest.
pinned(repo) := {"repository": concat("/", ["registry.internal.example.com/platform", repo]), "digest": "sha256:3f1c7b6d2a9e4c8b0d5f6a7e8c9b1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c"}

finetuning_section := {
	"baseModel": "registry.internal.example.com/models/slm-base",
	"weightsEncryption": "customerManagedKey",
	"datasets": [{
		"name": "corpus", "version": "v1", "classification": "internal", "biasScan": true,
		"lineage": {"upstream": ["cms-export"]}, "sources": ["terminal-guides"],
		"personalData": false, "specialCategoryData": false, "redaction": "none",
	}],
}

finetuning(patch) := spec({
	"pattern": "fineTuning", "fineTuning": object.union(finetuning_section, patch),
	"platform": {"images": {"trainer": pinned("trainer"), "datasetGate": pinned("dataset-gate"), "evaluator": pinned("evaluator")}},
})

embedded(patch) := spec({"pattern": "embedded", "embedded": object.union(
	{
		"platform": "CRM", "dataOwnership": "customer", "ipTerms": "MSA-1", "vendorTrainsOnData": false,
		"dataProcessingTerms": {"reference": "DPA-1", "coversUpTo": "restricted", "noTraining": true, "retention": "none", "processingRegions": ["eu-west-1"]},
	},
	patch,
)})

blackbox(patch) := spec({"pattern": "blackBoxApi", "blackBoxApi": object.union(
	{"provider": "openai", "access": "privateEndpoint", "dataRetentionAgreement": {"zeroRetention": true, "reference": "DPA-1"}},
	patch,
)})

# Data sources that hold nothing personal or confidential.
public_data := {"sources": [{"name": "faq", "kind": "documents", "uri": "s3://faq", "classification": "public", "containsPersonalData": false}]}

# The base spec outside production.
staging(patch) := object.union(spec(patch), {"metadata": {"environment": "staging"}})

# The base spec for an internal audience.
internal_audience(patch) := spec(object.union({"useCase": {"audience": "internal"}}, patch))

# The base spec with its first model as an unevaluated helper (neither primary nor fallback).
helper_model(patch) := spec({"models": [object.union(object.union(base.spec.models[0], {"role": "embedding"}), patch)]})
