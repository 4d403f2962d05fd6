/**
 * The responsible-LLMOps spec (apiVersion llmops/v1alpha1, kind LLMOpsStack).
 *
 * This file is the single source of truth: the JSON Schema printed by `llmops schema`
 * and the TypeScript type `LLMOpsStack` are both derived from it. Defaults are secure:
 * a field left out means the safe choice, and the loader writes the default in so
 * policies always see the effective value.
 */
import type { Static } from "@sinclair/typebox";
import { Arr, Bool, Enum, Int, Num, Obj, Optional, Str, patterns } from "./schema-builders.js";
import { API_VERSION, KIND, SCHEMA_ID } from "./spec-identity.js";
import { ExceptionFields } from "./exception-fields.js";
import { GPU_TYPES, PATTERNS, SERVING_RUNTIMES } from "./spec-constants.js";

export { API_VERSION, KIND, SCHEMA_ID, GPU_TYPES, PATTERNS, SERVING_RUNTIMES };

export const WEIGHT_DTYPES = ["float32", "bfloat16", "float16", "fp8", "int8", "int4"] as const;
export const CLASSIFICATIONS = ["public", "internal", "confidential", "restricted"] as const;
export const METRICS = [
  "perplexity",
  "bleu",
  "rouge1",
  "rouge2",
  "rougeL",
  "humanEval",
  "groundedness",
  "factuality",
  "toxicity",
  "exactMatch",
  "f1",
  "demographicParityDifference",
  "equalizedOddsDifference",
  "verbatimExtractionRate",
] as const;
/** Group-fairness metrics (Fairlearn's definitions): the largest gap between groups of a sensitive feature, lower is better. */
export const FAIRNESS_METRICS = ["demographicParityDifference", "equalizedOddsDifference"] as const;
/** Memorisation metrics: the share of extraction prompts answered with a training sequence verbatim (Carlini et al., USENIX Security 2021), lower is better. */
export const MEMORISATION_METRICS = ["verbatimExtractionRate"] as const;
export const REGULATED_DOMAINS = [
  "none",
  "health",
  "insurance",
  "finance",
  "credit",
  "employment",
  "education",
  "essentialServices",
  "legal",
  "publicSector",
] as const;
/** GDPR Art. 9(1) special categories of personal data (health is the one the seed's scenarios hold). */
export const SPECIAL_CATEGORIES = [
  "health",
  "genetic",
  "biometric",
  "racialOrEthnicOrigin",
  "politicalOpinions",
  "religiousOrPhilosophicalBeliefs",
  "tradeUnionMembership",
  "sexLifeOrOrientation",
] as const;
export const AWS_ENDPOINT_SERVICES = [
  "s3",
  "ecr.api",
  "ecr.dkr",
  "sts",
  "logs",
  "kms",
  "bedrock-runtime",
  "secretsmanager",
  "sagemaker.runtime",
] as const;

const name = (description: string) => Str(63, { pattern: patterns.dnsLabel, description });
const freeText = (description: string, maxLength = 500) => Str(maxLength, { description });

const Owner = Obj(
  {
    team: freeText("Owning team, accountable for this deployment.", 100),
    email: Str(256, { pattern: patterns.email, description: "Contact for incidents and reviews." }),
    name: Optional(freeText("Named accountable person.", 100)),
  },
  { description: "The named owner of the workload (NIST AI RMF GOVERN 2.1)." },
);

const Metadata = Obj({
  name: name("Stack name; prefixes every resource. DNS label, at most 63 characters."),
  owner: Owner,
  environment: Enum(["dev", "staging", "prod"], {
    description: "Deployment environment. Production turns on the stricter gates.",
  }),
  labels: Optional(Obj({}, { description: "Free-form labels copied onto resources." })),
});
// labels: keys are bounded by propertyNames, values by maxLength.
Object.assign(Metadata.properties.labels, {
  additionalProperties: { type: "string", maxLength: 128 },
  propertyNames: { pattern: patterns.labelKey, maxLength: 63 },
  maxProperties: 32,
});

const UseCase = Obj({
  purpose: freeText("What the system is for, in one or two sentences.", 1000),
  audience: Enum(["internal", "customers", "public"], {
    description: "Who talks to the model. `customers` and `public` are customer-facing.",
  }),
  regulatedDomain: Enum(REGULATED_DOMAINS, {
    default: "none",
    description:
      "Regulated domain; health, insurance, finance and employment require user-facing explanations. `credit` (creditworthiness, credit scoring), `employment`, `education` and `essentialServices` (public assistance benefits, emergency dispatch) are EU AI Act Annex III uses and must be `high` risk.",
  }),
  riskTier: Enum(["minimal", "limited", "high", "unacceptable"], {
    description: "EU AI Act risk tier. `unacceptable` may never be deployed.",
  }),
  dependsOnLiveData: Bool({
    default: false,
    description: "Answers depend on live data (e.g. flight status); requires a real-time data source.",
  }),
  decisionRole: Enum(["none", "explains", "recommends", "decides"], {
    default: "none",
    description:
      "What the system does about decisions on people: `explains` a decision people made (a claim status), `recommends` one a person then takes, or `decides` it. In a regulated domain anything but `none` requires explainability.humanEscalation, the path to a person (LLM-EXPL-004).",
  }),
});

const Target = Obj({
  provider: Enum(["aws", "kubernetes"], {
    description: "aws: EKS and managed services. kubernetes: any existing GPU cluster via kubeconfig.",
  }),
  region: Str(32, { description: "Primary region (AWS region name, or a free-form site name for kubernetes)." }),
  availabilityZones: Int(2, 6, { default: 2, description: "Number of availability zones (aws)." }),
  dataResidency: Obj({
    allowedRegions: Arr(Str(32), 16, {
      minItems: 1,
      uniqueItems: true,
      description: "Regions where data may be stored or processed.",
    }),
  }),
  kubernetes: Optional(
    Obj({
      namespace: Optional(name("Namespace for the workloads. @default metadata.name")),
      context: Optional(freeText("kubeconfig context.", 253)),
    }),
  ),
});

const Network = Obj(
  {
    vpcCidr: Str(18, { pattern: patterns.ipv4Cidr, default: "10.40.0.0/16", description: "VPC CIDR (aws)." }),
    publicIngress: Obj(
      {
        inference: Bool({ default: false, description: "Expose the inference gateway publicly. Off by default." }),
        vectorStore: Bool({ default: false, description: "Expose the vector store publicly. Should never be on." }),
        allowedCidrs: Arr(Str(43, { pattern: patterns.ipCidr }), 32, {
          default: [],
          description: "CIDRs (IPv4 or IPv6) allowed when public ingress is on.",
        }),
        tls: Optional(
          Obj(
            {
              acmCertificateArn: Optional(
                Str(200, {
                  pattern: patterns.acmCertificateArn,
                  description:
                    "target aws: ACM certificate of the load balancer's TLS listener (required for public inference on aws).",
                }),
              ),
              hostname: Optional(
                Str(253, {
                  pattern: patterns.hostname,
                  description:
                    "target kubernetes: host name of the public Ingress (required for public inference on kubernetes).",
                }),
              ),
              clusterIssuer: Optional(
                name("target kubernetes: cert-manager ClusterIssuer that issues the Ingress certificate."),
              ),
              secretName: Optional(
                name(
                  "target kubernetes: an existing TLS Secret for the Ingress, instead of a cert-manager certificate.",
                ),
              ),
              ingressClassName: Optional(
                name("target kubernetes: IngressClass of the public Ingress. @default the cluster's default class"),
              ),
            },
            { description: "TLS termination at the public edge (the gateway is never exposed on a plain listener)." },
          ),
        ),
      },
      { default: {} },
    ),
    clusterEndpoint: Obj(
      {
        public: Bool({ default: false, description: "Public Kubernetes API endpoint. Requires publicCidrs." }),
        publicCidrs: Arr(Str(18, { pattern: patterns.ipv4Cidr }), 16, { default: [] }),
      },
      { default: {} },
    ),
    privateEndpoints: Arr(Enum(AWS_ENDPOINT_SERVICES), 16, {
      uniqueItems: true,
      default: ["s3", "ecr.api", "ecr.dkr", "sts", "logs", "kms"],
      description: "AWS services reached through VPC endpoints instead of the internet.",
    }),
    egress: Obj(
      {
        mode: Enum(["none", "allowlist", "open"], {
          default: "none",
          description: "Outbound internet: none, an allowlist through a proxy/NAT, or open.",
        }),
        allowlist: Arr(Str(253, { pattern: patterns.hostname }), 64, {
          default: [],
          description: "Hostnames reachable when mode is allowlist.",
        }),
      },
      { default: {} },
    ),
  },
  { default: {} },
);

const Evaluation = Obj(
  {
    gate: Enum(["block", "warn"], {
      default: "block",
      description: "block: a metric below its threshold stops the deploy. A metric's own `gate` overrides it.",
    }),
    dataset: Optional(Obj({ name: freeText("Evaluation dataset.", 200), version: freeText("Dataset version.", 100) })),
    metrics: Arr(
      Obj({
        name: Enum(METRICS),
        threshold: Num(0, 100000, {
          description:
            "Gate threshold. For the lower-is-better metrics (params.metric_ceilings: perplexity, toxicity, demographicParityDifference, equalizedOddsDifference, verbatimExtractionRate) it is a ceiling; for the others a floor.",
        }),
        sampleSize: Optional(Int(1, 1000000, { description: "Number of items scored (required for humanEval)." })),
        gate: Optional(
          Enum(["block", "warn"], {
            description:
              "This metric's gate, overriding evaluation.gate: `warn` reports its evidence problems (LLM-EVID-009) without stopping the deploy, `block` stops it (LLM-EVID-003, -004, -006) even when evaluation.gate is warn. @default evaluation.gate",
          }),
        ),
        sensitiveFeature: Optional(
          freeText(
            "For a fairness metric: the attribute whose groups are compared (e.g. age band, sex, disability status).",
            100,
          ),
        ),
      }),
      32,
      { default: [] },
    ),
    maxEvidenceAgeDays: Optional(
      Int(1, 3650, {
        description:
          "Oldest evaluation evidence accepted, in days. @default params.evidence_max_age_days in policies/data.yaml",
      }),
    ),
    regression: Optional(
      Obj(
        {
          maxAbsoluteDecrease: Optional(
            Num(0, 100000, { description: "Largest decrease against the production baseline, in the metric's units." }),
          ),
          maxRelativeDecrease: Optional(
            Num(0, 1, {
              description: "Largest decrease against the production baseline, as a fraction of the baseline value.",
            }),
          ),
        },
        {
          description:
            "Allowed regression against the baseline evidence (--baseline). @default params.evidence_max_regression",
        },
      ),
    ),
  },
  { default: {} },
);

const Model = Obj({
  name: name("Model name, unique in the stack."),
  role: Enum(["primary", "embedding", "judge", "fallback"], { default: "primary" }),
  source: Obj({
    type: Enum(["registry", "s3", "huggingface", "bedrock", "externalApi", "saas"]),
    uri: freeText("Where the weights or the API live (e.g. registry.internal/models/llama-3-8b).", 512),
    digest: Optional(
      Str(71, { pattern: patterns.sha256Digest, description: "sha256 digest of the weights artifact." }),
    ),
    version: Optional(freeText("Provider model version for API models (e.g. 2025-01-15).", 100)),
  }),
  serving: Obj({
    runtime: Enum(SERVING_RUNTIMES, {
      description:
        "Serving runtime: vLLM, text-generation-inference, text-embeddings-inference (tei), Triton, or `external` for API and SaaS models.",
    }),
    image: Optional(
      Obj({
        repository: freeText("Serving image repository.", 255),
        digest: Str(71, { pattern: patterns.sha256Digest }),
      }),
    ),
    terminationGracePeriodSeconds: Int(10, 3600, {
      default: 120,
      description:
        "Seconds a replica being scaled down or replaced has to finish its in-flight requests (preStop drain, then SIGTERM).",
    }),
  }),
  parameters: Optional(
    Num(0.001, 10000, {
      description:
        "Parameter count in billions; with dtype it gives the weights' size, which must fit the declared GPUs.",
    }),
  ),
  dtype: Enum(WEIGHT_DTYPES, {
    default: "bfloat16",
    description:
      "Data type the weights are served in (bytes per parameter: float32 4, bfloat16/float16 2, fp8/int8 1, int4 0.5).",
  }),
  gpu: Obj(
    {
      type: Enum(GPU_TYPES, { default: "none" }),
      count: Int(0, 8, {
        default: 0,
        description:
          "GPUs per replica, on one node: at most 8, the most any GPU instance size holds. A replica across nodes (LeaderWorkerSet, pipeline parallelism) is not built; shard a larger model with quantisation (dtype) or serve it elsewhere.",
      }),
    },
    { default: {} },
  ),
  replicas: Obj({ min: Int(0, 64, { default: 1 }), max: Int(1, 256, { default: 2 }) }, { default: {} }),
  limits: Optional(
    Obj(
      {
        maxInputTokens: Int(1, 2000000),
        maxOutputTokens: Int(1, 200000),
        requestsPerMinute: Int(1, 1000000),
        tokensPerMinute: Optional(Int(1, 100000000)),
      },
      { description: "Token and rate limits enforced at the gateway and passed to the server." },
    ),
  ),
  evaluation: Evaluation,
  systemPrompt: Optional(
    freeText(
      "The system prompt as deployed, or a template of it. Checked for credentials (OWASP LLM07): a system prompt is not a secret store.",
      20000,
    ),
  ),
  reproducibility: Optional(
    Obj({
      seed: Int(0, 4294967295),
      decoding: Obj({
        temperature: Num(0, 2),
        topP: Optional(Num(0, 1)),
        topK: Optional(Int(0, 1000)),
        maxTokens: Optional(Int(1, 200000)),
      }),
      promptTemplateVersion: Optional(freeText("Version of the prompt template.", 100)),
    }),
  ),
});

const VectorStore = Obj({
  engine: Enum(["auroraPgvector", "opensearchServerless", "qdrant", "pgvector"]),
  dimensions: Int(2, 16000),
  metric: Enum(["cosine", "dotProduct", "euclidean"], { default: "cosine" }),
  tenancy: Enum(["single", "namespacePerTenant", "collectionPerTenant", "databasePerTenant"], {
    default: "single",
    description:
      "How tenants' documents are kept apart. `collectionPerTenant`: a collection per tenant (qdrant: JWTs scoped to it; opensearchServerless: a data access policy per collection naming only the tenant's IAM roles); `databasePerTenant`: a database and roles per tenant with CONNECT only on its own database (pgvector: passwords in per-tenant Secrets; auroraPgvector: IAM database authentication, rds-db:connect held by the tenant's roles). Needs `tenants`, and each embedded data source names its `tenant`. Other engine and tenancy pairs, and `namespacePerTenant`, are not built and are refused (LLM-DATA-014).",
  }),
  tenants: Arr(
    Obj({
      name: name(
        "Tenant name (a DNS label): names its collection or database, its credentials and its workloads' `llmops.dev/tenant` label. The retriever takes it from the caller's authenticated identity, never from the request (docs/guardrails.md, Tenancy).",
      ),
    }),
    64,
    { default: [], uniqueItems: true, description: "The tenants, when tenancy is not `single` (LLM-DATA-014)." },
  ),
});

const DataSource = Obj({
  name: name("Source name."),
  kind: Enum(["database", "objectStore", "api", "stream", "documents"]),
  uri: Optional(freeText("Location of the source.", 512)),
  classification: Optional(Enum(CLASSIFICATIONS)),
  containsPersonalData: Bool({ default: false }),
  specialCategoryData: Arr(Enum(SPECIAL_CATEGORIES), SPECIAL_CATEGORIES.length, {
    uniqueItems: true,
    default: [],
    description:
      "GDPR Art. 9 special categories the source holds (health, biometric …), apart from personal data in general. Any entry requires containsPersonalData, classification restricted and a piiScan quality check (LLM-DATA-012).",
  }),
  realtime: Bool({
    default: false,
    description: "The source is live (streaming or polled at least every few minutes).",
  }),
  live: Bool({
    default: false,
    description:
      "Answers depend on this source being current (flight status, gate changes). Its freshnessSla must be within params.max_live_data_staleness_seconds (LLM-DATA-011); useCase.dependsOnLiveData ties to such a source.",
  }),
  retrieval: Enum(["embedded", "queried"], {
    default: "embedded",
    description:
      "`embedded`: copied into the vector store by a scheduled ingestion workload (built for each such source when the stack has a vectorStore; schedule derived from freshnessSla, LLM-CTRL-020). `queried`: read at answer time from the source itself, nothing is copied. An embedded source's freshnessSla must leave room for a scheduled run (LLM-DATA-013).",
  }),
  freshnessSla: Optional(
    Str(16, { pattern: patterns.isoDuration, description: "Maximum staleness, ISO 8601 duration (PT5M)." }),
  ),
  tenant: Optional(
    name(
      "With vectorStore.tenancy other than `single`: the vectorStore.tenants[] entry whose collection or database this source is embedded into, with that tenant's credential (LLM-DATA-014).",
    ),
  ),
  qualityChecks: Arr(
    Enum(["schema", "nulls", "duplicates", "freshness", "piiScan", "biasScan", "toxicity", "drift"]),
    8,
    { uniqueItems: true, default: [] },
  ),
  lineage: Optional(
    Obj({
      datasetVersion: freeText("Version or snapshot id.", 100),
      upstream: Arr(freeText("Upstream dataset.", 200), 32, { default: [] }),
    }),
  ),
});

const Data = Obj(
  {
    sources: Arr(DataSource, 64, { default: [] }),
    retention: Obj(
      {
        promptsDays: Int(0, 3650, { default: 30 }),
        responsesDays: Int(0, 3650, { default: 30 }),
        logsDays: Int(1, 3650, { default: 90 }),
      },
      { default: {} },
    ),
  },
  { default: {} },
);

const Privacy = Obj(
  {
    encryption: Obj(
      {
        atRest: Enum(["customerManagedKey", "providerManagedKey", "none"], { default: "customerManagedKey" }),
        keyRotation: Bool({ default: true }),
        inTransit: Obj(
          { tls: Bool({ default: true }), minVersion: Enum(["1.2", "1.3"], { default: "1.2" }) },
          { default: {} },
        ),
      },
      { default: {} },
    ),
    piiRedaction: Obj(
      {
        prompts: Bool({ default: true }),
        responses: Bool({ default: true }),
        logs: Bool({ default: true }),
      },
      { default: {} },
    ),
    trainingOnUserData: Obj(
      {
        allowed: Bool({ default: false }),
        consentRecord: Optional(freeText("Where the users' consent is recorded.", 300)),
      },
      { default: {} },
    ),
  },
  { default: {} },
);

const Explainability = Obj(
  {
    citations: Bool({ default: false, description: "Answers cite the retrieved documents (RAG)." }),
    reasoningTraces: Enum(["none", "summary", "full"], {
      default: "none",
      description: "Reasoning traces logged, where allowed.",
    }),
    userFacingExplanations: Bool({ default: false, description: "End users receive an explanation of each decision." }),
    humanEscalation: Optional(
      Obj(
        {
          channel: Str(2048, {
            pattern: patterns.httpsUrl,
            description: "Where a person asks for human review of, or appeals, a decision (a form or case URL).",
          }),
          responseHours: Int(1, 720, { description: "Hours within which a person takes up the request." }),
        },
        {
          description:
            "The path from the system to a person who can review and change a decision (EU AI Act Art. 14 and 86; GDPR Art. 22(3)). Required when useCase.decisionRole is not none in a regulated domain (LLM-EXPL-004).",
        },
      ),
    ),
  },
  { default: {} },
);

const HumanFeedback = Obj(
  {
    capture: Arr(Enum(["thumbs", "rating", "freeText", "correction"]), 4, { uniqueItems: true, default: [] }),
    reviewQueue: Obj({ enabled: Bool({ default: false }), slaHours: Int(1, 720, { default: 72 }) }, { default: {} }),
    retentionDays: Int(1, 3650, { default: 365 }),
    accessRoles: Arr(name("Role allowed to read feedback."), 16, { default: [] }),
    export: Obj(
      {
        dataset: Optional(
          name(
            "Evaluation dataset the reviewed corrections are exported into (a models[].evaluation.dataset.name can name it). @default <metadata.name>-feedback",
          ),
        ),
        intervalHours: Int(1, 720, {
          default: 24,
          description: "Hours between exports; each export is a new dataset version (its UTC timestamp).",
        }),
      },
      {
        default: {},
        description:
          "With reviewQueue enabled: reviewed items are exported on this schedule into a versioned evaluation dataset (LLM-CTRL-022).",
      },
    ),
  },
  { default: {} },
);

const Guardrails = Obj(
  {
    input: Obj(
      {
        promptInjection: Bool({ default: false }),
        pii: Bool({ default: false }),
        toxicity: Bool({ default: false }),
      },
      { default: {} },
    ),
    output: Obj(
      {
        pii: Bool({ default: false }),
        toxicity: Bool({ default: false }),
        grounding: Bool({ default: false }),
        systemPromptLeakage: Bool({
          default: false,
          description: "Responses are screened for the system prompt's text before they leave (OWASP LLM07).",
        }),
        toolCallValidation: Bool({
          default: false,
          description:
            "Model output is validated before any tool acts on it: tool arguments against a schema, SQL parameterised, no shell interpolation, URLs against an allowlist (OWASP LLM05).",
        }),
      },
      { default: {} },
    ),
    maxGpuReplicas: Int(1, 512, { default: 8, description: "Ceiling on total GPU replicas (denial-of-wallet guard)." }),
  },
  { default: {} },
);

const Agent = Obj({
  maxSteps: Optional(Int(1, 1000, { description: "Step limit per task." })),
  toolAllowlistEnforced: Bool({ default: true }),
  tools: Arr(
    Obj({
      name: name("Tool name."),
      kind: Enum(["function", "retrieval", "shell", "sql", "http", "code"], {
        default: "function",
        description:
          "What the tool executes with the model's output: `shell`, `sql`, `http` and `code` act on it directly (OWASP LLM05).",
      }),
      impact: Enum(["low", "medium", "high"]),
      permissions: Arr(Str(128), 32, { default: [] }),
      requiresApproval: Bool({ default: false }),
      server: Optional(
        Str(253, {
          pattern: patterns.httpUrl,
          description:
            "MCP server (streamable HTTP) that provides the tool; the agent reaches it only through the gateway's /mcp endpoint. @default http://tool-<name>.<namespace>.svc.cluster.local:8080/mcp",
        }),
      ),
    }),
    64,
    { default: [] },
  ),
  approvalTimeoutSeconds: Int(30, 86400, {
    default: 900,
    description:
      "How long a high-impact tool call waits in the approval queue for a reviewer; when it expires the call is refused (times out closed).",
  }),
});

/** Lawful bases for processing personal data (GDPR Art. 6(1) a-f), plus Art. 9(2)(a) explicit consent for special categories. */
export const LAWFUL_BASES = [
  "consent",
  "explicitConsent",
  "contract",
  "legalObligation",
  "vitalInterests",
  "publicTask",
  "legitimateInterests",
] as const;

const FineTuning = Obj({
  baseModel: freeText("Base model the adapter or weights derive from.", 200),
  baseModelDigest: Optional(
    Str(71, {
      pattern: patterns.sha256Digest,
      description: "sha256 digest of the base weights the training Job reads (pinned: the job refuses any other).",
    }),
  ),
  outputModel: Optional(
    name(
      "The models[] entry the pipeline produces: the training Job writes its weights, by digest, to the model registry store, and the evaluation Job scores that digest. @default the first model with role primary",
    ),
  ),
  datasets: Arr(
    Obj({
      name: name("Dataset name."),
      version: freeText("Dataset version.", 100),
      classification: Enum(CLASSIFICATIONS),
      lineage: Optional(
        Obj({
          upstream: Arr(
            freeText(
              "Upstream source: a data.sources name, or an upstream a declared source records in its lineage.",
              200,
            ),
            32,
            { minItems: 1 },
          ),
          transformations: Optional(freeText("How it was derived.", 500)),
        }),
      ),
      sources: Arr(name("A data.sources name this dataset is drawn from."), 32, {
        uniqueItems: true,
        default: [],
        description: "The declared data sources the dataset is drawn from; each must exist in data.sources.",
      }),
      biasScan: Bool({ default: false }),
      personalData: Bool({
        default: false,
        description: "The dataset holds personal data (GDPR Art. 4(1)): names, identifiers, case notes about people.",
      }),
      specialCategoryData: Bool({
        default: false,
        description:
          "The dataset holds special-category data (GDPR Art. 9: health, ethnicity, religion, trade-union membership, sex life, biometrics, genetics).",
      }),
      consentBasis: Optional(
        Enum(LAWFUL_BASES, {
          description:
            "Lawful basis for training on the personal data (GDPR Art. 6); special-category data needs `explicitConsent` (Art. 9(2)(a)) unless it is anonymised.",
        }),
      ),
      consentRecord: Optional(freeText("Where the consent or the lawful-basis assessment is recorded.", 300)),
      redaction: Enum(["none", "pseudonymised", "anonymised"], {
        default: "none",
        description:
          "What the dataset gate does to personal data before it enters the dataset store: `pseudonymised` replaces identifiers (still personal data, GDPR Recital 26), `anonymised` removes them.",
      }),
    }),
    32,
    { minItems: 1 },
  ),
  weightsEncryption: Enum(["customerManagedKey", "providerManagedKey", "none"], { default: "customerManagedKey" }),
});

const Embedded = Obj({
  platform: freeText("SaaS platform hosting the LLM (e.g. Salesforce Einstein).", 200),
  dataOwnership: Optional(
    Enum(["customer", "vendor", "shared"], {
      description:
        "Who owns prompts, outputs and derived data under the contract. Confidential, restricted or personal data needs `customer` (LLM-EMB-004).",
    }),
  ),
  ipTerms: Optional(freeText("Reference to the IP and liability terms.", 300)),
  vendorTrainsOnData: Bool({ default: false }),
  dataProcessingTerms: Optional(
    Obj(
      {
        reference: freeText(
          "The data-processing agreement (GDPR Art. 28 DPA) or contract clause the terms below come from.",
          300,
        ),
        coversUpTo: Enum(CLASSIFICATIONS, {
          description:
            "Highest data classification the terms allow to be sent to the vendor's LLM. Must be at least the highest classification in data.sources (LLM-EMB-004).",
        }),
        noTraining: Bool({
          default: false,
          description:
            "The terms forbid the vendor to train or improve models on prompts, outputs or grounding data. Required for confidential and restricted data (LLM-EMB-004).",
        }),
        retention: Enum(["none", "abuseMonitoring", "vendorDefined"], {
          default: "vendorDefined",
          description:
            "How long the vendor keeps prompts and outputs: `none` (zero retention), `abuseMonitoring` (a bounded window for abuse review only), `vendorDefined` (whatever the vendor decides). Restricted data needs `none`; confidential and personal data anything but `vendorDefined` (LLM-EMB-004).",
        }),
        processingRegions: Arr(Str(32), 16, {
          uniqueItems: true,
          default: [],
          description:
            "Regions the vendor processes the data in, as the terms state; each must be in target.dataResidency.allowedRegions (LLM-EMB-004).",
        }),
      },
      {
        description:
          "What the recorded data-processing terms allow. Required when confidential, restricted or personal data reaches the embedded LLM (LLM-EMB-004).",
      },
    ),
  ),
});

const BlackBoxApi = Obj({
  provider: Enum(["bedrock", "azureOpenAI", "openai", "anthropic", "vertex", "other"]),
  access: Enum(["privateEndpoint", "proxy", "public"], { description: "How the API is reached." }),
  dataRetentionAgreement: Optional(
    Obj({
      zeroRetention: Bool(),
      reference: freeText("Contract or DPA reference.", 300),
    }),
  ),
});

const Access = Obj({
  identityProvider: Obj({
    type: Enum(["oidc", "saml", "iam"]),
    issuer: Optional(freeText("Issuer URL or identity source.", 512)),
  }),
  roles: Arr(
    Obj({
      name: name("Role name."),
      permissions: Arr(Str(128, { description: "action on resource, e.g. inference:invoke" }), 64, { minItems: 1 }),
    }),
    32,
    { default: [] },
  ),
  breakGlass: Obj(
    {
      enabled: Bool({ default: false }),
      audited: Bool({ default: true }),
      approvers: Arr(Str(256), 8, { default: [] }),
    },
    { default: {} },
  ),
});

const Observability = Obj(
  {
    audit: Obj(
      {
        enabled: Bool({ default: true }),
        immutable: Bool({ default: true, description: "Write-once storage (S3 Object Lock)." }),
        retentionDays: Int(1, 3650, { default: 365 }),
        recordModelVersion: Bool({ default: true }),
        recordPolicyRevision: Bool({ default: true }),
      },
      { default: {} },
    ),
    metrics: Bool({ default: true }),
    tracing: Bool({ default: true }),
  },
  { default: {} },
);

const Governance = Obj(
  {
    stopPath: Optional(
      Obj({
        runbook: Str(2048, {
          pattern: patterns.httpsUrl,
          description: "Runbook for stopping or rolling back the system.",
        }),
        killSwitch: Bool({
          default: true,
          description: "A switch that takes the model out of service without a deploy.",
        }),
      }),
    ),
    disclosure: Obj(
      {
        aiDisclosure: Bool({
          default: false,
          description: "End users are told they interact with AI (EU AI Act Art. 50).",
        }),
        text: Optional(freeText("The disclosure text.", 1000)),
      },
      { default: {} },
    ),
  },
  { default: {} },
);

const PinnedImage = (description: string) =>
  Optional(
    Obj(
      {
        repository: freeText("Image repository.", 255),
        digest: Str(71, { pattern: patterns.sha256Digest }),
      },
      { description },
    ),
  );

const Platform = Obj(
  {
    images: Obj(
      {
        gateway: PinnedImage("LLM gateway (LiteLLM-compatible proxy) enforcing authentication and request limits."),
        vectorDatabase: PinnedImage("In-cluster vector database (Qdrant or pgvector) for target kubernetes."),
        modelFetcher: PinnedImage(
          "Model fetcher: `fetch --source URI --sha256 HEX --dest DIR` fills the shared weights cache and verifies the digest; `verify --sha256 HEX --dest DIR` checks a filled cache offline before a server starts.",
        ),
        collector: PinnedImage(
          "Collector that ships audit and feedback records to their sinks; its `review` subcommand serves the feedback review queue and `export` writes reviewed items as an evaluation dataset version (components/kubernetes/feedback-loop.ts).",
        ),
        ingestion: PinnedImage(
          "RAG ingestion runner (components/kubernetes/rag-ingestion.ts): `fetch`, `check` (Great Expectations suites and the piiScan through Presidio), `redact`, `publish` (embed and write the collection; `--tenant T --in-place` with a tenant's collection-scoped credential), and `provision` (create the tenants' Qdrant collections with the API key, vectorStore.tenancy collectionPerTenant).",
        ),
        authProxy: PinnedImage(
          "oauth2-proxy: OIDC sign-in and group (role) allowlist in front of the feedback review queue.",
        ),
        dcgmExporter: PinnedImage("NVIDIA DCGM exporter (GPU metrics), one per GPU node."),
        devicePlugin: PinnedImage("NVIDIA Kubernetes device plugin, when platform.gpu.install is devicePlugin."),
        karpenter: PinnedImage(
          "target aws: the Karpenter controller (public.ecr.aws/karpenter/controller mirrored at the chart version pinned in components/aws/karpenter.ts), which launches GPU nodes for pending model replicas.",
        ),
        prometheusOperator: PinnedImage(
          "target aws: Prometheus Operator (quay.io/prometheus-operator/prometheus-operator, mirrored at the app version of the kube-prometheus-stack chart pinned in components/aws/serving-metrics.ts); runs the Prometheus the autoscaler reads.",
        ),
        prometheusConfigReloader: PinnedImage(
          "target aws: the Prometheus Operator's config reloader (quay.io/prometheus-operator/prometheus-config-reloader), same version as prometheusOperator.",
        ),
        prometheus: PinnedImage(
          "target aws: Prometheus (quay.io/prometheus/prometheus) that scrapes the model servers' queue depth and the GPU metrics.",
        ),
        keda: PinnedImage(
          "target aws: the KEDA operator (ghcr.io/kedacore/keda, mirrored at the KEDA chart version pinned in components/aws/serving-metrics.ts), which scales model servers on queue depth.",
        ),
        kedaMetricsServer: PinnedImage(
          "target aws: the KEDA metrics API server (ghcr.io/kedacore/keda-metrics-apiserver), same version as keda.",
        ),
        egressProxy: PinnedImage(
          "target kubernetes: Squid forward proxy (Chainguard squid-proxy or ubuntu/squid, mirrored; non-root) that the stack builds in its namespace to enforce network.egress.allowlist (CONNECT to 443 of the listed hosts only). With network.egress.mode allowlist it takes precedence over platform.egressProxyCidrs: the workloads reach the internet through it alone (docs/egress.md).",
        ),
        edgeProxy: PinnedImage(
          "TLS-terminating proxy in the gateway pod (nginx-unprivileged) that adds the AI-disclosure header.",
        ),
        presidioAnalyzer: PinnedImage(
          "Microsoft Presidio analyzer (PII detection), used when guardrails or privacy.piiRedaction ask for PII screening.",
        ),
        presidioAnonymizer: PinnedImage("Microsoft Presidio anonymizer (PII redaction)."),
        limiterStore: PinnedImage(
          "Valkey (Redis-compatible): the gateway's shared rate-limit store when it runs more than one replica.",
        ),
        llmGuard: PinnedImage(
          "Protect AI LLM Guard API (prompt-injection, toxicity and grounding scanners) serving LiteLLM's generic guardrail API contract.",
        ),
        trainer: PinnedImage(
          "Fine-tuning trainer (pattern fineTuning): `train --base-uri URI --base-sha256 HEX --dataset NAME@VERSION... --output-uri URI --lineage-out FILE` verifies the base weights' digest, trains, writes the weights under their own sha256 and a lineage record (dataset versions, base digest, output digest).",
        ),
        datasetGate: PinnedImage(
          "Fine-tuning dataset gate: `admit --dataset NAME@VERSION --redaction none|pseudonymised|anonymised --consent-basis B` reads the landing copy, redacts through the Presidio services, refuses a dataset without consent or redaction, and only then writes it to the dataset store.",
        ),
        toolApproval: PinnedImage(
          "Tool-approval queue (pattern agent): serves LiteLLM's generic guardrail API on `pre_mcp_call`, refuses undeclared tools and calls past the step limit, holds high-impact calls for a reviewer, refuses them when the wait times out, and audits every call with its arguments redacted.",
        ),
        evaluator: PinnedImage(
          "Evaluation runner (EleutherAI lm-evaluation-harness plus `llmops evidence import`): scores a model digest on the evaluation dataset and writes EvaluationEvidence for it.",
        ),
      },
      { default: {} },
    ),
    internalIssuer: Str(63, {
      pattern: patterns.dnsLabel,
      default: "llmops-internal-ca",
      description: "cert-manager ClusterIssuer for in-cluster certificates (the gateway's TLS listener).",
    }),
    gatewayClientNamespaces: Arr(name("Namespace allowed to call the gateway."), 16, { default: [] }),
    artifactStoreCidrs: Arr(Str(18, { pattern: patterns.ipv4Cidr }), 16, {
      default: [],
      description: "target kubernetes: where model weights are fetched from (443).",
    }),
    egressProxyCidrs: Arr(Str(18, { pattern: patterns.ipv4Cidr }), 16, {
      default: [],
      description:
        "target kubernetes: a platform-provided egress proxy that enforces network.egress.allowlist for black-box APIs. Not used by the workloads' API egress when platform.images.egressProxy is set and network.egress.mode is allowlist (the stack then builds its own proxy; docs/egress.md).",
    }),
    storageClass: Optional(freeText("StorageClass for persistent volumes (vector database, sinks).", 63)),
    gpu: Obj(
      {
        install: Enum(["none", "devicePlugin"], {
          default: "none",
          description:
            "target kubernetes: `devicePlugin` installs the NVIDIA device plugin (images.devicePlugin) into the platform namespace; `none` means the cluster already advertises nvidia.com/gpu (GPU Operator or a node image that ships the plugin). EKS nodes run the Bottlerocket NVIDIA AMI, which ships the driver and plugin.",
        }),
        namespace: Str(63, {
          pattern: patterns.dnsLabel,
          default: "llmops-gpu",
          description: "Namespace for the GPU node agents (DCGM exporter, device plugin).",
        }),
      },
      { default: {} },
    ),
    autoscaling: Obj(
      {
        prometheusAddress: Str(253, {
          pattern: patterns.httpUrl,
          default: "http://prometheus-operated.monitoring.svc:9090",
          description:
            "Prometheus that scrapes the model servers; KEDA's Prometheus trigger queries it for queue depth.",
        }),
        monitoringNamespace: Str(63, {
          pattern: patterns.dnsLabel,
          default: "monitoring",
          description: "Namespace of the Prometheus that scrapes the model servers (admitted to their metrics port).",
        }),
        queueTargetPerReplica: Int(1, 1000, {
          default: 4,
          description: "Requests waiting per replica above which KEDA adds a replica.",
        }),
        scaleDownStabilizationSeconds: Int(0, 3600, {
          default: 300,
          description: "Scale-down waits this long after the last high reading.",
        }),
      },
      { default: {} },
    ),
    modelCache: Obj(
      {
        storageClass: Optional(
          freeText(
            "target kubernetes: StorageClass of the shared weights volume; must support ReadOnlyMany. @default platform.storageClass",
            63,
          ),
        ),
      },
      { default: {} },
    ),
  },
  { default: {}, description: "Platform components deployed around the models (images pinned by digest)." },
);

const Exception = Obj(ExceptionFields);

export const SpecBody = Obj({
  pattern: Enum(PATTERNS, { description: "Architecture pattern." }),
  useCase: UseCase,
  target: Target,
  network: Network,
  models: Arr(Model, 16, { minItems: 1 }),
  vectorStore: Optional(VectorStore),
  data: Data,
  privacy: Privacy,
  explainability: Explainability,
  humanFeedback: HumanFeedback,
  guardrails: Guardrails,
  agent: Optional(Agent),
  fineTuning: Optional(FineTuning),
  embedded: Optional(Embedded),
  blackBoxApi: Optional(BlackBoxApi),
  access: Access,
  observability: Observability,
  governance: Governance,
  platform: Platform,
  exceptions: Arr(Exception, 64, { default: [] }),
});

/** Pattern-specific sections are required structurally; their contents are judged by policy. */
const requiredSectionFor: Record<(typeof PATTERNS)[number], string> = {
  rag: "vectorStore",
  agent: "agent",
  fineTuning: "fineTuning",
  embedded: "embedded",
  blackBoxApi: "blackBoxApi",
};
Object.assign(SpecBody, {
  allOf: Object.entries(requiredSectionFor).map(([pattern, section]) => ({
    if: { properties: { pattern: { const: pattern } }, required: ["pattern"] },
    then: { required: [section] },
  })),
});

export const LLMOpsStackSchema = Obj(
  {
    apiVersion: Enum([API_VERSION]),
    kind: Enum([KIND]),
    metadata: Metadata,
    spec: SpecBody,
  },
  { description: "Responsible-LLMOps stack specification." },
);

export type LLMOpsStack = Static<typeof LLMOpsStackSchema>;
export type Pattern = (typeof PATTERNS)[number];

/**
 * The JSON Schema document as published and validated against (no TypeBox symbols, with
 * $schema and $id). A property with a default is not required of the author, although the
 * TypeScript type (the effective value after defaults) always has it.
 */
export function publishedSchema(): Record<string, unknown> {
  const schema = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: SCHEMA_ID,
    title: "LLMOpsStack",
    ...(JSON.parse(JSON.stringify(LLMOpsStackSchema)) as Record<string, unknown>),
  };
  relaxDefaulted(schema);
  return schema;
}

function relaxDefaulted(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(relaxDefaulted);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const object = node as Record<string, unknown>;
  const properties = object.properties as Record<string, { default?: unknown }> | undefined;
  if (properties && Array.isArray(object.required)) {
    object.required = (object.required as string[]).filter((key) => properties[key]?.default === undefined);
    if ((object.required as string[]).length === 0) delete object.required;
  }
  Object.values(object).forEach(relaxDefaulted);
}
