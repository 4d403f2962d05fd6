/**
 * The architecture picture's graph and the declared-controls table, both from the planned
 * resources. Nodes are the top-level components of the plan (Pulumi ComponentResources whose
 * parent is the stack), each with the resources under it and the worst active finding on any of
 * them. Edges are the data flows that matter for responsible AI, drawn between the components that
 * play each role: user → gateway → guardrails → model server; retriever → vector store;
 * records → audit and feedback stores; egress. Roles come from the component's type name (ROLES).
 */
import type { CatalogEntry } from "../policies/engine/catalog-entry.js";
import { severityRank, type Finding, type Severity } from "../policies/engine/finding.js";
import type { LLMOpsStack } from "../schemas/spec-schema.js";
import type { Architecture, ArchitectureEdge, ArchitectureNode, DeclaredControl, ReportResource } from "./model.js";

/** Component type name (after the last ':') → role in the data flows. Unknown types are "component". */
export const ROLES: Readonly<Record<string, string>> = {
  Gateway: "gateway",
  GuardrailServices: "guardrails",
  InferenceService: "model-server",
  GpuInferenceCluster: "cluster",
  VectorStore: "vector-store",
  InClusterVectorDatabase: "vector-store",
  RecordSink: "records",
  AuditTrail: "audit-store",
  FeedbackStore: "feedback-store",
  PrivateNetwork: "network",
  NamespaceGuardrails: "network",
  LimiterStore: "limiter",
  AccessControls: "access",
  WorkloadRbac: "access",
  EncryptionKeys: "keys",
};

const USER = "external:user";
const EGRESS = "external:egress";

/** The top-level component (or the resource itself, when it is top-level) of each resource URN. */
function topComponents(resources: readonly ReportResource[]): Map<string, ReportResource> {
  const byUrn = new Map(resources.map((resource) => [resource.urn, resource]));
  const top = new Map<string, ReportResource>();
  for (const resource of resources) {
    let current = resource;
    let guard = 0;
    while (current.parent && byUrn.has(current.parent) && !isStackRoot(byUrn.get(current.parent)!.type) && guard++ < 64)
      current = byUrn.get(current.parent)!;
    top.set(resource.urn, current);
  }
  return top;
}

/** The Pulumi stack and the program's own root component hold everything; they are not drawn. */
function isStackRoot(type: string): boolean {
  return type.startsWith("pulumi:pulumi:Stack") || type.startsWith("llmops:stack:");
}

function roleOf(type: string): string {
  return ROLES[type.slice(type.lastIndexOf(":") + 1)] ?? "component";
}

/** Worst severity of the active findings on resources under each top-level component (by its URN). */
function worstByComponent(
  resources: readonly ReportResource[],
  findings: readonly Finding[],
): Map<string, { worst: Severity; count: number }> {
  const top = topComponents(resources);
  const result = new Map<string, { worst: Severity; count: number }>();
  for (const finding of findings) {
    if (finding.waiver !== undefined || finding.resource === undefined) continue;
    const component = top.get(finding.resource);
    if (!component) continue;
    const previous = result.get(component.urn);
    const worst =
      previous && severityRank(previous.worst) >= severityRank(finding.severity) ? previous.worst : finding.severity;
    result.set(component.urn, { worst, count: (previous?.count ?? 0) + 1 });
  }
  return result;
}

/**
 * Nodes: the user, each top-level component (resources that are not components are grouped under
 * "other resources" by provider), and the egress destination when the spec allows any. Edges: the
 * flows of the roles present; a flow whose roles are absent from the plan is not drawn.
 */
export function buildArchitecture(
  resources: readonly ReportResource[],
  findings: readonly Finding[],
  spec: LLMOpsStack,
): Architecture {
  const top = topComponents(resources);
  const counts = new Map<string, number>();
  for (const component of top.values()) counts.set(component.urn, (counts.get(component.urn) ?? 0) + 1);
  const worst = worstByComponent(resources, findings);
  const nodes: ArchitectureNode[] = [
    {
      id: USER,
      label: spec.spec.useCase.audience === "public" ? "users (public)" : "users",
      role: "user",
      type: "external",
      resources: 0,
      findings: 0,
    },
  ];
  const components = [...new Set(top.values())].filter(
    (resource) => !isStackRoot(resource.type) && !resource.type.startsWith("pulumi:"),
  );
  const prefix = `${spec.metadata.name}-`;
  const embedding = new Set(
    spec.spec.models.filter((model) => model.role === "embedding").map((model) => `${prefix}${model.name}`),
  );
  // Top-level plain resources (not inside a component) are grouped per provider to keep the picture readable.
  const loose = new Map<string, ReportResource[]>();
  for (const resource of components) {
    if (resource.type.startsWith("llmops:")) {
      const found = worst.get(resource.urn);
      const role =
        roleOf(resource.type) === "model-server" && embedding.has(resource.name)
          ? "embedding-server"
          : roleOf(resource.type);
      const label =
        resource.name.startsWith(prefix) && resource.name.length > prefix.length
          ? resource.name.slice(prefix.length)
          : resource.name;
      nodes.push({
        id: resource.urn,
        label,
        role,
        type: resource.type,
        resources: counts.get(resource.urn) ?? 1,
        ...(found ? { worst: found.worst } : {}),
        findings: found?.count ?? 0,
      });
    } else {
      const provider = resource.type.split(":")[0] ?? "other";
      loose.set(provider, [...(loose.get(provider) ?? []), resource]);
    }
  }
  for (const [provider, group] of [...loose.entries()].sort()) {
    let groupWorst: Severity | undefined;
    let groupFindings = 0;
    for (const resource of group) {
      const found = worst.get(resource.urn);
      if (!found) continue;
      groupFindings += found.count;
      if (groupWorst === undefined || severityRank(found.worst) > severityRank(groupWorst)) groupWorst = found.worst;
    }
    nodes.push({
      id: `group:${provider}`,
      label: `other ${provider} resources`,
      role: "component",
      type: `${provider} (ungrouped)`,
      resources: group.reduce((sum, resource) => sum + (counts.get(resource.urn) ?? 1), 0),
      ...(groupWorst ? { worst: groupWorst } : {}),
      findings: groupFindings,
    });
  }
  const egress = spec.spec.network?.egress;
  if (egress && egress.mode !== "none") {
    nodes.push({
      id: EGRESS,
      label:
        egress.mode === "open"
          ? "internet (open egress)"
          : `egress allowlist: ${egress.allowlist.join(", ") || "(empty)"}`,
      role: "egress",
      type: "external",
      resources: 0,
      findings: 0,
    });
  }
  return { nodes, edges: dataFlows(nodes, spec) };
}

function dataFlows(nodes: readonly ArchitectureNode[], spec: LLMOpsStack): ArchitectureEdge[] {
  const byRole = (role: string) => nodes.filter((node) => node.role === role).map((node) => node.id);
  const edges: ArchitectureEdge[] = [];
  const connect = (from: readonly string[], to: readonly string[], flow: ArchitectureEdge["flow"], label: string) => {
    for (const a of from) for (const b of to) if (a !== b) edges.push({ from: a, to: b, flow, label });
  };
  const gateways = byRole("gateway");
  const guardrails = byRole("guardrails");
  const servers = byRole("model-server");
  // The request path: whatever is first among gateway, guardrails, model server receives the user.
  const path = [gateways, guardrails, servers].filter((step) => step.length > 0);
  if (path.length > 0) connect([USER], path[0]!, "request", "prompt");
  for (let i = 0; i + 1 < path.length; i++)
    connect(
      path[i]!,
      path[i + 1]!,
      "request",
      i === 0 && gateways.length > 0 && guardrails.length > 0 ? "screen" : "inference",
    );
  // The retriever (the gateway or, without one, the model server) embeds the query and queries the vector store.
  const retriever = gateways.length > 0 ? gateways : servers;
  connect(retriever, byRole("embedding-server"), "retrieval", "embed query");
  connect(retriever, byRole("vector-store"), "retrieval", "retrieve");
  // Records: prompts, responses and feedback, through the record sink when one is planned.
  const sinks = byRole("records");
  const stores = [...byRole("audit-store"), ...byRole("feedback-store")];
  const producers = gateways.length > 0 ? gateways : servers;
  if (sinks.length > 0) {
    connect(producers, sinks, "records", "records");
    connect(sinks, stores, "records", "store");
  } else {
    connect(producers, stores, "records", "records");
  }
  const egress = nodes.find((node) => node.id === EGRESS);
  if (egress) {
    const through = byRole("network");
    const callers =
      spec.spec.pattern === "blackBoxApi" || spec.spec.pattern === "embedded"
        ? gateways.length > 0
          ? gateways
          : servers
        : [...gateways, ...servers];
    if (through.length > 0) {
      connect(callers, through, "egress", "outbound");
      connect(through, [egress.id], "egress", "egress");
    } else {
      connect(callers, [egress.id], "egress", "egress");
    }
  }
  return edges;
}

/** A control the spec can declare: where it sits in the spec, which roles build it, which check categories verify it. */
interface DeclarableControl {
  readonly name: string;
  readonly declared: (spec: LLMOpsStack) => string | undefined;
  readonly roles: readonly string[];
  /** Rego package prefixes of the checks that verify it. */
  readonly packages: readonly string[];
}

const on = (flags: Record<string, unknown> | undefined) =>
  Object.entries(flags ?? {})
    .filter(([, value]) => value === true)
    .map(([key]) => key);

/** The spec's responsible-AI declarations the report sets beside what was built and checked. */
export const DECLARABLE: readonly DeclarableControl[] = [
  {
    name: "Guardrails",
    declared: (spec) => {
      const input = on(spec.spec.guardrails.input);
      const output = on(spec.spec.guardrails.output);
      return input.length + output.length === 0
        ? undefined
        : `input: ${input.join(", ") || "none"}; output: ${output.join(", ") || "none"}`;
    },
    roles: ["guardrails"],
    packages: ["llmops.spec.guardrails.", "llmops.runtime.controls.guardrail"],
  },
  {
    name: "Immutable audit log",
    declared: (spec) =>
      spec.spec.observability?.audit?.enabled
        ? `immutable: ${String(spec.spec.observability.audit.immutable)}, ${spec.spec.observability.audit.retentionDays ?? "?"} days`
        : undefined,
    roles: ["audit-store", "records"],
    packages: ["llmops.spec.audit."],
  },
  {
    name: "Human feedback store",
    declared: (spec) => {
      const feedback = spec.spec.humanFeedback;
      return feedback.capture.length > 0
        ? `capture: ${feedback.capture.join(", ")}; review queue: ${String(feedback.reviewQueue.enabled)}`
        : undefined;
    },
    roles: ["feedback-store", "records"],
    packages: ["llmops.spec.feedback."],
  },
  {
    name: "Private network and egress",
    declared: (spec) =>
      `egress: ${spec.spec.network?.egress?.mode ?? "none"}; public ingress: ${String(spec.spec.network?.publicIngress?.inference ?? false)}`,
    roles: ["network", "gateway"],
    packages: ["llmops.spec.network.", "llmops.runtime.controls.public_edge", "llmops.runtime.controls.transit"],
  },
  {
    name: "Rate and token limits",
    declared: (spec) =>
      spec.spec.models.some((model) => model.limits)
        ? spec.spec.models.map((model) => `${model.name}: ${model.limits?.requestsPerMinute ?? "?"} req/min`).join("; ")
        : undefined,
    roles: ["gateway", "limiter"],
    packages: ["llmops.runtime.controls.shared_rate", "llmops.runtime.kubernetes.inference_token"],
  },
  {
    name: "Evaluation gate",
    declared: (spec) => {
      const gated = spec.spec.models.flatMap((model) =>
        model.evaluation
          ? [`${model.name}: ${model.evaluation.gate} on ${model.evaluation.metrics.length} metrics`]
          : [],
      );
      return gated.length > 0 ? gated.join("; ") : undefined;
    },
    roles: [],
    packages: ["llmops.spec.evaluation.", "llmops.spec.evidence."],
  },
  {
    name: "AI disclosure",
    declared: (spec) => (spec.spec.governance?.disclosure?.aiDisclosure ? "shown to users" : undefined),
    roles: ["gateway"],
    packages: ["llmops.spec.transparency.", "llmops.runtime.controls.disclosure"],
  },
];

/**
 * One row per declarable control: what the spec says, the planned components whose role builds
 * it, the checks that verify it, and the outcome (failed / waived / met; not-built when declared
 * but no component of its roles was planned; not-declared when the spec does not declare it).
 */
export function declaredControls(
  spec: LLMOpsStack,
  resources: readonly ReportResource[],
  findings: readonly Finding[],
  catalog: ReadonlyMap<string, CatalogEntry>,
): DeclaredControl[] {
  const components = [...new Set(topComponents(resources).values())].filter((resource) =>
    resource.type.startsWith("llmops:"),
  );
  return DECLARABLE.map((control) => {
    const declared = control.declared(spec);
    const checks = [...catalog.values()]
      .filter((entry) => control.packages.some((prefix) => entry.package.startsWith(prefix)))
      .map((entry) => entry.id)
      .sort();
    const builtBy = components
      .filter((component) => control.roles.includes(roleOf(component.type)))
      .map((component) => component.name);
    const mine = findings.filter((finding) => checks.includes(finding.id));
    const status: DeclaredControl["status"] =
      declared === undefined
        ? "not-declared"
        : mine.some((finding) => finding.waiver === undefined)
          ? "failed"
          : control.roles.length > 0 && builtBy.length === 0 && resources.length > 0
            ? "not-built"
            : mine.length > 0
              ? "waived"
              : "met";
    return { name: control.name, declared: declared ?? "not declared", builtBy, checks, status };
  });
}
