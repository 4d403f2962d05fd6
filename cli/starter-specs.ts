/**
 * Starter specs for `llmops init`: the smallest spec per pattern that passes the schema
 * and every spec policy, with placeholders a platform engineer replaces. A test keeps
 * that promise.
 */
import type { Pattern } from "../schemas/spec-schema.js";

const DIGEST_PLACEHOLDER = `sha256:${"0".repeat(64)}`;

/** The starter evaluation: a blocking gate on groundedness and toxicity, plus any `extra` metrics after them. */
function evaluationGate(...extra: Array<Record<string, unknown>>): Record<string, unknown> {
  return {
    gate: "block",
    dataset: { name: "golden-set", version: "v1" },
    metrics: [{ name: "groundedness", threshold: 0.9 }, { name: "toxicity", threshold: 0.01 }, ...extra],
  };
}

function selfHostedModel(name: string): Record<string, unknown> {
  return {
    name,
    source: { type: "registry", uri: `registry.internal.example.com/models/${name}`, digest: DIGEST_PLACEHOLDER },
    serving: {
      runtime: "vllm",
      image: { repository: "registry.internal.example.com/serving/vllm-openai", digest: DIGEST_PLACEHOLDER },
    },
    gpu: { type: "L4", count: 1 },
    replicas: { min: 1, max: 2 },
    limits: { maxInputTokens: 8192, maxOutputTokens: 1024, requestsPerMinute: 300 },
    evaluation: evaluationGate(),
    reproducibility: {
      seed: 42,
      decoding: { temperature: 0.2, topP: 0.9, maxTokens: 1024 },
      promptTemplateVersion: "v1",
    },
  };
}

function apiModel(name: string, type: "bedrock" | "saas", uri: string): Record<string, unknown> {
  return {
    ...selfHostedModel(name),
    source: { type, uri, version: "2026-01-01" },
    serving: { runtime: "external" },
    gpu: { type: "none", count: 0 },
  };
}

const patternSections: Record<Pattern, () => Record<string, unknown>> = {
  rag: () => ({
    models: [
      selfHostedModel("assistant-llm"),
      {
        // Embedded sources are embedded with this model by their scheduled ingestion.
        name: "embedder",
        role: "embedding",
        source: { type: "registry", uri: "registry.internal.example.com/models/embedder", digest: DIGEST_PLACEHOLDER },
        serving: {
          runtime: "tei",
          image: {
            repository: "registry.internal.example.com/serving/text-embeddings-inference",
            digest: DIGEST_PLACEHOLDER,
          },
        },
        gpu: { type: "L4", count: 1 },
        replicas: { min: 1, max: 1 },
        limits: { maxInputTokens: 512, maxOutputTokens: 1, requestsPerMinute: 3000 },
      },
    ],
    vectorStore: { engine: "auroraPgvector", dimensions: 1024 },
    explainability: {
      citations: true,
      userFacingExplanations: false,
      humanEscalation: { channel: "https://support.example.com/ask-a-person", responseHours: 72 },
    },
  }),
  agent: () => ({
    models: [selfHostedModel("agent-llm")],
    agent: {
      maxSteps: 10,
      // A high-impact call waits this long for a reviewer in the approval queue, then is refused.
      approvalTimeoutSeconds: 900,
      tools: [
        { name: "search-docs", impact: "low", permissions: ["docs:read"] },
        { name: "open-change", impact: "high", permissions: ["changes:create"], requiresApproval: true },
      ],
    },
  }),
  fineTuning: () => ({
    models: [
      {
        ...selfHostedModel("domain-slm"),
        source: { type: "s3", uri: "s3://llmops-model-artifacts/domain-slm/v1/", digest: DIGEST_PLACEHOLDER },
        // Memorisation (LLM-EVAL-007, required once a dataset holds personal data), with its own gate.
        evaluation: evaluationGate({ name: "verbatimExtractionRate", threshold: 0.001, gate: "block" }),
      },
    ],
    fineTuning: {
      baseModel: "registry.internal.example.com/models/slm-base",
      baseModelDigest: DIGEST_PLACEHOLDER,
      outputModel: "domain-slm",
      datasets: [
        {
          name: "domain-corpus",
          version: "v1",
          classification: "internal",
          biasScan: true,
          // The declared data sources it is drawn from; personal data needs redaction or a lawful basis.
          sources: ["knowledge-base"],
          lineage: { upstream: ["knowledge-base"] },
          personalData: false,
          specialCategoryData: false,
          redaction: "none",
        },
      ],
    },
  }),
  embedded: () => ({
    models: [apiModel("saas-assistant", "saas", "saas://vendor/assistant")],
    embedded: {
      platform: "Vendor SaaS platform",
      dataOwnership: "customer",
      ipTerms: "MSA reference",
      vendorTrainsOnData: false,
      // What the data-processing agreement allows; held against data.sources' classification (LLM-EMB-004).
      dataProcessingTerms: {
        reference: "DPA reference",
        coversUpTo: "internal",
        noTraining: true,
        retention: "none",
        processingRegions: ["eu-west-1"],
      },
    },
  }),
  blackBoxApi: () => ({
    models: [apiModel("api-llm", "bedrock", "bedrock://vendor.model-id")],
    network: { privateEndpoints: ["s3", "ecr.api", "ecr.dkr", "sts", "logs", "kms", "bedrock-runtime"] },
    blackBoxApi: {
      provider: "bedrock",
      access: "privateEndpoint",
      dataRetentionAgreement: { zeroRetention: true, reference: "Provider DPA reference" },
    },
  }),
};

/** A starter spec for `pattern` named `name` that passes the schema and every spec policy, as a plain object (the YAML `llmops init` writes). Placeholder values (team, email, images) are marked for the user to replace. */
export function starterSpec(pattern: Pattern, name: string): Record<string, unknown> {
  return {
    apiVersion: "llmops/v1alpha1",
    kind: "LLMOpsStack",
    metadata: {
      name,
      owner: { team: "your-team", email: "your-team@example.com", name: "Accountable Person" },
      environment: "dev",
    },
    spec: {
      pattern,
      useCase: {
        purpose: "Describe what the system is for.",
        audience: "internal",
        riskTier: "limited",
        decisionRole: "none",
      },
      target: { provider: "aws", region: "eu-west-1", dataResidency: { allowedRegions: ["eu-west-1"] } },
      data: {
        sources: [
          {
            name: "knowledge-base",
            kind: "documents",
            uri: "s3://your-bucket/docs/",
            classification: "internal",
            containsPersonalData: false,
            specialCategoryData: [],
            live: false,
            retrieval: "embedded",
            freshnessSla: "P1D",
            qualityChecks: ["schema", "duplicates"],
            lineage: { datasetVersion: "v1" },
          },
        ],
      },
      humanFeedback: {
        capture: ["thumbs"],
        reviewQueue: { enabled: true },
        accessRoles: ["reviewers"],
        export: { intervalHours: 24 },
      },
      guardrails: {
        input: { promptInjection: true, pii: true, toxicity: true },
        output: { pii: true, toxicity: true, grounding: true },
      },
      access: {
        identityProvider: { type: "oidc", issuer: "https://login.example.com" },
        roles: [
          { name: "app-users", permissions: ["inference:invoke"] },
          { name: "reviewers", permissions: ["feedback:read", "feedback:review"] },
        ],
        breakGlass: { enabled: true, audited: true, approvers: ["security-oncall@example.com"] },
      },
      platform: {
        images: {
          gateway: { repository: "registry.internal.example.com/platform/litellm", digest: DIGEST_PLACEHOLDER },
          // The gateway's TLS edge and the guardrail services the starter's guardrails declare.
          edgeProxy: {
            repository: "registry.internal.example.com/platform/nginx-unprivileged",
            digest: DIGEST_PLACEHOLDER,
          },
          presidioAnalyzer: {
            repository: "registry.internal.example.com/platform/presidio-analyzer",
            digest: DIGEST_PLACEHOLDER,
          },
          presidioAnonymizer: {
            repository: "registry.internal.example.com/platform/presidio-anonymizer",
            digest: DIGEST_PLACEHOLDER,
          },
          llmGuard: { repository: "registry.internal.example.com/platform/llm-guard-api", digest: DIGEST_PLACEHOLDER },
          // The feedback review queue (oauth2-proxy in front of the collector's review) and its export.
          collector: {
            repository: "registry.internal.example.com/platform/record-collector",
            digest: DIGEST_PLACEHOLDER,
          },
          authProxy: { repository: "registry.internal.example.com/platform/oauth2-proxy", digest: DIGEST_PLACEHOLDER },
          ...(pattern === "rag"
            ? {
                ingestion: {
                  repository: "registry.internal.example.com/platform/rag-ingestion",
                  digest: DIGEST_PLACEHOLDER,
                },
              }
            : {}),
          ...(pattern === "embedded" || pattern === "blackBoxApi"
            ? {}
            : {
                modelFetcher: {
                  repository: "registry.internal.example.com/platform/model-fetcher",
                  digest: DIGEST_PLACEHOLDER,
                },
                dcgmExporter: {
                  repository: "registry.internal.example.com/platform/dcgm-exporter",
                  digest: DIGEST_PLACEHOLDER,
                },
              }),
          // The fine-tuning pipeline's jobs, and the agent's tool-approval queue.
          ...(pattern === "fineTuning"
            ? {
                trainer: { repository: "registry.internal.example.com/platform/trainer", digest: DIGEST_PLACEHOLDER },
                datasetGate: {
                  repository: "registry.internal.example.com/platform/dataset-gate",
                  digest: DIGEST_PLACEHOLDER,
                },
                evaluator: {
                  repository: "registry.internal.example.com/platform/evaluator",
                  digest: DIGEST_PLACEHOLDER,
                },
              }
            : {}),
          ...(pattern === "agent"
            ? {
                toolApproval: {
                  repository: "registry.internal.example.com/platform/tool-approval",
                  digest: DIGEST_PLACEHOLDER,
                },
              }
            : {}),
        },
      },
      governance: {
        stopPath: { runbook: "https://runbooks.example.com/your-stack/stop", killSwitch: true },
        disclosure: { aiDisclosure: true, text: "You are interacting with an AI system." },
      },
      ...patternSections[pattern](),
    },
  };
}

/**
 * The starter spec as YAML text. `schemaRef` is what the yaml-language-server modeline points
 * editors at: a path relative to the written file (or a URL) that resolves to the published schema.
 */
export async function starterSpecText(pattern: Pattern, name: string, schemaRef: string): Promise<string> {
  const { stringify } = await import("yaml");
  const header = [
    `# yaml-language-server: $schema=${schemaRef}`,
    `# Starter ${pattern} spec from \`llmops init\`. Replace the placeholders (team, digests, URIs),`,
    "# then run `npx llmops validate` on it (from the toolkit's directory). Omitted fields take their secure defaults.",
  ].join("\n");
  return `${header}\n${stringify(starterSpec(pattern, name), { lineWidth: 120 })}`;
}
