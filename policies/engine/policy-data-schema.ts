/**
 * The JSON Schema of the policy data: policies/data.yaml (the built-in tunables) and the
 * organisation's `--data` files of `llmops policy build` (issue 21).
 *
 * Every key is listed, with `additionalProperties: false` at every level whose keys are fixed,
 * so a misspelt key is an error with its file:line:column, never a silently ignored setting
 * that leaves the built-in value in force. Maps whose keys are open by design (metric names,
 * pod-template kinds, label keys, GPU models) say so with `propertyNames` bounds. Strings are
 * bounded; every `pattern`-like value (a regular expression the checks compile) is a bounded
 * string, never validated as a pattern here: Rego's `regex.*` validates it at evaluation.
 *
 * Besides `llmops.params`, a data file may hold `llmops.check_overrides`: per built-in check id,
 * `disabled: true` or a `severity`, each with a `reason` (the catalogue records them, reports show
 * them, and disabled checks' findings are dropped in policies/main.rego).
 */
import { SEVERITIES } from "./finding.js";

const text = (maxLength = 300) => ({ type: "string", minLength: 1, maxLength }) as const;
const pattern = { type: "string", minLength: 1, maxLength: 2000 } as const;
const texts = (maxItems = 200, maxLength = 300) =>
  ({ type: "array", maxItems, uniqueItems: true, items: text(maxLength) }) as const;
const count = { type: "integer", minimum: 0, maximum: 1_000_000_000 } as const;
const positive = { type: "integer", minimum: 1, maximum: 1_000_000_000 } as const;
const fraction = { type: "number", minimum: 0, maximum: 1 } as const;
const measure = { type: "number", minimum: 0, maximum: 1_000_000 } as const;
const openMap = (value: object, maxProperties = 200) =>
  ({
    type: "object",
    maxProperties,
    propertyNames: { minLength: 1, maxLength: 253 },
    additionalProperties: value,
  }) as const;
const closed = (properties: Record<string, object>, required: readonly string[] = []) =>
  ({
    type: "object",
    additionalProperties: false,
    required: [...required],
    properties,
  }) as const;

/** A check id as the METADATA schema (catalog.ts) accepts it, built-in or organisation. */
export const CHECK_ID_PATTERN = "^[A-Z][A-Z0-9]{1,9}-[A-Z0-9]{2,8}-[0-9]{3}$";

/** `llmops.params`: every tunable that policies/data.yaml holds, by name. */
const params = closed({
  allowed_regions: texts(),
  approved_model_registries: texts(),
  approved_image_registries: texts(),
  publisher_image_registries: texts(),
  metric_floors: openMap(measure, 50),
  metric_ceilings: openMap(measure, 50),
  evidence_max_age_days: positive,
  evidence_clock_skew_seconds: count,
  evidence_max_regression: closed({ maxAbsoluteDecrease: measure, maxRelativeDecrease: fraction }),
  red_team_max_success_rate_default: fraction,
  red_team_max_success_rate: openMap(fraction, 50),
  human_eval_min_samples_high_risk: positive,
  max_prompt_retention_days: positive,
  max_response_retention_days: positive,
  max_log_retention_days: positive,
  max_feedback_retention_days: positive,
  min_audit_retention_days: positive,
  min_audit_retention_days_high_risk: positive,
  max_live_data_staleness_seconds: positive,
  min_embedded_freshness_seconds: positive,
  max_input_tokens: positive,
  max_output_tokens: positive,
  max_gpu_replicas: positive,
  gpu_resource_names: texts(),
  max_namespace_gpu_quota: positive,
  allowed_added_capabilities: texts(50, 64),
  max_agent_steps: positive,
  explanation_required_domains: texts(50, 64),
  vector_engines_by_target: closed({ aws: texts(20, 64), kubernetes: texts(20, 64) }),
  required_private_endpoints: texts(50, 64),
  allowed_action_families: texts(50, 64),
  probe_required_kinds: texts(50, 128),
  token_limit_flags: texts(50, 64),
  pod_templates: openMap(
    closed({
      pods: texts(50, 200),
      containers: texts(50, 200),
      fragments: texts(50, 200),
      servingRuntime: { type: "boolean" },
    }),
  ),
  agent_network: closed(
    {
      agent_pod_selectors: {
        type: "array",
        minItems: 1,
        maxItems: 20,
        items: closed({ matchLabels: openMap(text(63), 20) }, ["matchLabels"]),
      },
      tool_pod_labels: openMap(text(63), 20),
    },
    ["agent_pod_selectors", "tool_pod_labels"],
  ),
  credential_patterns: openMap(pattern, 100),
  credential_name_pattern: pattern,
  non_credential_name_pattern: pattern,
  credential_reference_pattern: pattern,
  credential_flags: texts(100, 64),
  model_servers: {
    type: "array",
    maxItems: 50,
    items: closed(
      {
        name: text(64),
        command: pattern,
        image: pattern,
        token_limits: { enum: ["flags", "model-config", "default"] },
        token_flags: openMap({ enum: ["context", "input", "output"] }, 50),
        positional_after: texts(20, 64),
        model_flags: texts(20, 64),
        revision_flags: texts(20, 64),
        token_env: openMap({ enum: ["context", "input", "output"] }, 50),
        model_env: texts(20, 64),
        revision_env: texts(20, 64),
      },
      ["name"],
    ),
  },
  hf_offline_env: texts(20, 64),
  weights_digest_flags: texts(20, 64),
  kserve_types: texts(20, 200),
  vector_db_images: pattern,
  vector_db_client_labels: openMap(texts(50, 63), 50),
  rbac_sensitive_grants: {
    type: "array",
    maxItems: 50,
    items: closed(
      {
        name: text(120),
        api_group: { type: "string", maxLength: 253 },
        resources: texts(50, 120),
        verbs: texts(20, 32),
      },
      ["name", "api_group", "resources", "verbs"],
    ),
  },
  rbac_sensitive_builtin_roles: texts(20, 64),
  annex_iii_domains: texts(20, 64),
  output_acting_tool_kinds: texts(20, 64),
  output_acting_tool_pattern: pattern,
  prompt_leakage_audiences: texts(20, 64),
  gpu_memory_gib: openMap(measure, 100),
  dtype_bytes: openMap(measure, 50),
  max_weights_gpu_memory_share: fraction,
  gpu_instance_families: texts(100, 32),
  device_plugin_ami_types: texts(20, 64),
  launch_input_resource_types: texts(20, 64),
  gpu_node_available: openMap(
    closed({ cpu_milli: count, memory_mib: count, gpus: positive }, ["cpu_milli", "memory_mib", "gpus"]),
    200,
  ),
  controller_pod_label_prefixes: texts(50, 253),
  gpu_node_agent_kinds: texts(20, 128),
  device_plugin_host_path: text(4096),
  internet_open_share: fraction,
  non_internet_cidrs: texts(200, 64),
  aws_admin_managed_policies: texts(100, 128),
  principal_restricting_condition_keys: texts(100, 128),
  trusted_aws_account_ids: {
    type: "array",
    maxItems: 200,
    uniqueItems: true,
    items: { type: "string", pattern: "^[0-9]{12}$", maxLength: 12 },
  },
  opensearch_tls_policies: texts(20, 64),
  min_db_backup_retention_days: count,
  cloudwatch_retention_days: { type: "array", maxItems: 50, uniqueItems: true, items: positive },
  account_controls_managed_centrally: {
    type: "array",
    maxItems: 20,
    uniqueItems: true,
    items: { enum: ["guardduty-eks-runtime", "bedrock-invocation-logging"] },
  },
  guardrail_providers: openMap(texts(50, 64), 20),
  guardrail_stage_modes: closed({ pre: texts(20, 64), post: texts(20, 64), logging: texts(20, 64) }),
  response_contract_providers: closed({ citations: texts(50, 128), explanation: texts(50, 128) }),
  guardrail_monitor_only_actions: texts(20, 64),
  gateway_logging_settings: texts(20, 64),
  record_redaction_processors: texts(20, 64),
  tenant_label_keys: texts(20, 253),
  tenant_store_flags: texts(20, 64),
  tenant_store_env: texts(20, 128),
  vector_server_credential_env: texts(20, 128),
  all_partition_patterns: texts(20, 64),
  disclosure_headers: texts(20, 128),
  tls_app_protocols: texts(20, 32),
  internal_load_balancer_annotations: openMap(text(64), 50),
});

/** One override of a built-in check: disable it, or change its severity; why is required. */
const checkOverride = {
  type: "object",
  additionalProperties: false,
  required: ["reason"],
  anyOf: [{ required: ["disabled"] }, { required: ["severity"] }],
  properties: {
    disabled: { const: true },
    severity: { enum: [...SEVERITIES] },
    reason: text(400),
  },
  not: { required: ["disabled", "severity"] },
} as const;

/** The schema of a policy data file (policies/data.yaml, or a `--data` file). */
export const POLICY_DATA_SCHEMA = {
  $id: "https://llmops.example/policy-data.schema.json",
  title: "llmops policy data (policies/data.yaml and llmops policy build --data files)",
  type: "object",
  additionalProperties: false,
  required: ["llmops"],
  properties: {
    llmops: closed({
      params,
      check_overrides: {
        type: "object",
        maxProperties: 500,
        propertyNames: { pattern: CHECK_ID_PATTERN, maxLength: 24 },
        additionalProperties: checkOverride,
      },
    }),
  },
} as const;
