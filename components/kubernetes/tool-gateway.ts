/**
 * The agent's tool gateway: the agent reaches its tools only through the LLM gateway's MCP
 * endpoint (LiteLLM's MCP gateway, `/mcp`), never directly, and every tool call passes the
 * tool-approval queue first.
 *
 * Why LiteLLM's MCP gateway rather than a separate MCP proxy: the stack already runs LiteLLM as
 * its authenticating gateway, with its keys, rate limits, Presidio guardrails and audit logger;
 * its `mcp_servers` section registers each tool server with an `allowed_tools` list (a tool the
 * spec does not declare is neither listed nor callable), and its guardrail hook `pre_mcp_call`
 * runs a guardrail before every tool call (docs.litellm.ai/docs/mcp, /docs/mcp_guardrail,
 * /docs/mcp_control). What LiteLLM does not do — count steps, hold a call for a human, time out
 * closed — is the tool-approval queue's job, reached through LiteLLM's generic guardrail API
 * (the same contract LLM Guard is called through):
 *
 * - a call to a tool the spec does not declare, or past the step limit (`maxSteps` tool calls in
 *   one session), is refused;
 * - a call to a tool with `requiresApproval` (or impact high) waits in the queue for a reviewer
 *   holding a role with `agent:approve`; when `approvalTimeoutSeconds` pass without a decision,
 *   the call is refused (times out closed); pending calls live in memory, so a restart refuses
 *   them too;
 * - every call is audited (tool, session, step, decision, reviewer) with its arguments redacted
 *   through the Presidio services, to the audit sink when the stack has one, else to stdout.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { stringify } from "yaml";
import { restrictedContainerSecurityContext, restrictedPodBasics, workloadLabels } from "./pod-security.js";
import {
  roleEgressRules,
  imageRef,
  requirePinnedDigest,
  roleIngressRule,
  roleLabel,
  roleSelector,
  type PinnedImage,
} from "./workload-basics.js";
import { caTrust, httpsAppProtocol, scheme, serverTls, withTransitTls, type InClusterTls } from "./transit-tls.js";

export const TOOL_APPROVAL_ROLE = "tool-approval";
/** The role label (`llmops.dev/role`) of the agent's own pods (the orchestrator that calls the gateway); data.yaml `agent_network.agent_pod_selectors` selects it by default. */
export const AGENT_ROLE = "agent";
/** The guardrail API port (the gateway calls it) and the reviewers' port. */
export const TOOL_APPROVAL_PORT = 8080;
export const TOOL_REVIEW_PORT = 8443;
/** Port of a tool's MCP server when the spec does not name its URL. */
export const DEFAULT_TOOL_PORT = 8080;

export interface AgentTool {
  readonly name: string;
  readonly impact: "low" | "medium" | "high";
  readonly permissions: readonly string[];
  readonly requiresApproval: boolean;
  /** MCP server URL (streamable HTTP). */
  readonly server: string;
}

/**
 * The agent pods' egress, as a NetworkPolicy spec: only the gateway's edge port (tools are
 * reached through its /mcp endpoint), nothing else; DNS comes from the namespace's allow-dns
 * policy. With the namespace's default deny this keeps the agent from calling a tool server
 * around the gateway (LLM-TOOLS-002).
 */
export function agentEgressPolicySpec(
  gatewayRole: string,
  gatewayPort: number,
): k8s.types.input.networking.v1.NetworkPolicySpec {
  return {
    podSelector: { matchLabels: { "llmops.dev/role": AGENT_ROLE } },
    policyTypes: ["Egress"],
    egress: [
      {
        to: [{ podSelector: { matchLabels: { "llmops.dev/role": gatewayRole } } }],
        ports: [{ protocol: "TCP", port: gatewayPort }],
      },
    ],
  };
}

/**
 * The default in-cluster MCP server of a tool: Service `tool-<name>` in the namespace, over https
 * when the stack declares TLS in transit (the tool server then presents a certificate the namespace
 * CA signs: the `llmops-ca` Issuer, components/kubernetes/transit-tls.ts).
 */
export function defaultToolServer(tool: string, namespace: string, tls = false): string {
  return `${tls ? "https" : "http"}://tool-${tool}.${namespace}.svc.cluster.local:${DEFAULT_TOOL_PORT}/mcp`;
}

/** The in-cluster role label (`llmops.dev/role`) of a tool server reached by its default URL, or undefined for any other URL. */
export function toolServerRole(tool: AgentTool, namespace: string): string | undefined {
  return tool.server === defaultToolServer(tool.name, namespace) ||
    tool.server === defaultToolServer(tool.name, namespace, true)
    ? `tool-${tool.name}`
    : undefined;
}

/** MCP server names must be SEP-986 tool-name prefixes: letters, digits, `_` and `-` only. */
function serverName(url: string, index: number): string {
  const host = /^https?:\/\/([^/:]+)/.exec(url)?.[1] ?? `server-${index}`;
  return host
    .split(".")[0]!
    .replace(/[^A-Za-z0-9_-]/g, "-")
    .slice(0, 48);
}

/**
 * LiteLLM's `mcp_servers` section: one entry per tool server, each listing exactly the declared
 * tools it may serve (`allowed_tools`). Tools on the same URL share an entry.
 */
export function mcpServers(
  tools: readonly AgentTool[],
): Record<string, { url: string; transport: "http"; allowed_tools: string[] }> {
  const byUrl = new Map<string, string[]>();
  for (const tool of tools) byUrl.set(tool.server, [...(byUrl.get(tool.server) ?? []), tool.name]);
  return Object.fromEntries(
    [...byUrl.entries()].map(([url, names], index) => [
      serverName(url, index),
      { url, transport: "http" as const, allowed_tools: names },
    ]),
  );
}

/** The guardrail entry that sends every tool call to the approval queue before it runs. */
export function approvalGuardrail(approvalUrl: string): Record<string, unknown> {
  return {
    guardrail_name: "tool-approval",
    litellm_params: {
      guardrail: "generic_guardrail_api",
      mode: "pre_mcp_call",
      api_base: approvalUrl,
      default_on: true,
    },
  };
}

export interface ToolApprovalPolicy {
  readonly maxSteps: number;
  readonly approvalTimeoutSeconds: number;
  readonly tools: readonly AgentTool[];
  /** Identity provider issuer the reviewers sign in with (OIDC/SAML). */
  readonly issuer?: string;
  /** Spec roles allowed to decide (those with `agent:approve`). */
  readonly reviewerRoles: readonly string[];
  /** Where audit records go; stdout when absent. */
  readonly auditSinkUrl?: string;
  /** Presidio services that redact tool arguments in audit records. */
  readonly presidio?: { readonly analyzerUrl: string; readonly anonymizerUrl: string };
}

/** The approval queue's configuration file (policy.yaml). Unknown tools and timeouts are refused: `default: deny`. */
export function toolApprovalPolicy(policy: ToolApprovalPolicy): string {
  return stringify(
    {
      default: "deny",
      maxStepsPerSession: policy.maxSteps,
      approval: {
        timeoutSeconds: policy.approvalTimeoutSeconds,
        onTimeout: "deny",
        reviewers: { issuer: policy.issuer ?? null, roles: [...policy.reviewerRoles], permission: "agent:approve" },
      },
      tools: policy.tools.map((tool) => ({
        name: tool.name,
        impact: tool.impact,
        permissions: [...tool.permissions],
        requiresApproval: tool.requiresApproval || tool.impact === "high",
      })),
      audit: {
        sink: policy.auditSinkUrl ?? "stdout",
        arguments: policy.presidio ? "redacted" : "omitted",
        ...(policy.presidio
          ? { presidioAnalyzerUrl: policy.presidio.analyzerUrl, presidioAnonymizerUrl: policy.presidio.anonymizerUrl }
          : {}),
      },
    },
    { lineWidth: 0 },
  );
}

export interface ToolApprovalQueueArgs extends ToolApprovalPolicy {
  /** Stack name (metadata.name): the `app.kubernetes.io/part-of` label of every object. */
  readonly stack: string;
  /** Namespace the objects are created in. */
  readonly namespace: pulumi.Input<string>;
  /** The tool-approval queue image, pinned by digest. */
  readonly image: PinnedImage;
  /** Service account the pods run as (its own identity; no API token is mounted). */
  readonly serviceAccountName: pulumi.Input<string>;
  /** Roles (llmops.dev/role) allowed to call the guardrail API: the gateway. */
  readonly callerRoles: readonly string[];
  /** Namespaces whose pods may reach the reviewers' port (the reviewers' front end). @default [] (same namespace only) */
  readonly reviewerNamespaces?: readonly string[];
  /** Roles the queue itself calls: audit sink, Presidio. */
  readonly egressTo: ReadonlyArray<{ readonly role: string; readonly port: number }>;
  /** TLS on both ports (the TLS sidecar, the queue on loopback behind it) and trust of the namespace CA for its own calls. @default none (plain HTTP) */
  readonly tls?: InClusterTls;
}

/**
 * Checks ToolApprovalQueueArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - image.digest: images must be pinned by sha256 digest
 *  - maxSteps: a step limit of at least 1 is required
 *  - approvalTimeoutSeconds: must be positive
 *  - reviewerRoles: high-impact tools need a reviewer role (a spec role with agent:approve) to approve them
 *  - callerRoles: the gateway must be allowed to call the queue
 */
export function validateToolApprovalQueueArgs(args: ToolApprovalQueueArgs): void {
  requirePinnedDigest(args.image.digest, "image.digest");
  if (!Number.isInteger(args.maxSteps) || args.maxSteps < 1)
    throw new pulumi.InputPropertyError({ propertyPath: "maxSteps", reason: "a step limit of at least 1 is required" });
  if (args.approvalTimeoutSeconds < 1)
    throw new pulumi.InputPropertyError({ propertyPath: "approvalTimeoutSeconds", reason: "must be positive" });
  if (args.tools.some((tool) => tool.requiresApproval || tool.impact === "high") && args.reviewerRoles.length === 0) {
    throw new pulumi.InputPropertyError({
      propertyPath: "reviewerRoles",
      reason: "high-impact tools need a reviewer role (a spec role with agent:approve) to approve them",
    });
  }
  if (args.callerRoles.length === 0)
    throw new pulumi.InputPropertyError({
      propertyPath: "callerRoles",
      reason: "the gateway must be allowed to call the queue",
    });
}

/** The tool-approval queue: one replica (pending calls in memory, so a restart refuses them), its Service and NetworkPolicy. */
export class ToolApprovalQueue extends pulumi.ComponentResource {
  readonly url: pulumi.Output<string>;

  constructor(name: string, args: ToolApprovalQueueArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:kubernetes:ToolApprovalQueue", name, args, opts);
    validateToolApprovalQueueArgs(args);
    const parent = { parent: this };
    const labels = workloadLabels(args.stack, TOOL_APPROVAL_ROLE);
    // With TLS the sidecar takes both ports; the queue listens on loopback behind it.
    const upstream = { guardrail: 8010, review: 8011 };
    const tls = args.tls
      ? serverTls(name, this, {
          role: TOOL_APPROVAL_ROLE,
          namespace: args.namespace,
          labels,
          tls: args.tls,
          routes: [
            { listen: TOOL_APPROVAL_PORT, upstream: upstream.guardrail, name: "guardrail" },
            { listen: TOOL_REVIEW_PORT, upstream: upstream.review, name: "review" },
          ],
        })
      : undefined;
    const trust = args.tls ? caTrust(args.tls) : undefined;
    const probe = { path: "/healthz", port: TOOL_APPROVAL_PORT, ...(tls ? { scheme: "HTTPS" } : {}) };
    const config = new k8s.core.v1.ConfigMap(
      `${name}-policy`,
      {
        metadata: { name: "tool-approval-policy", namespace: args.namespace, labels },
        data: { "policy.yaml": toolApprovalPolicy(args) },
      },
      parent,
    );
    new k8s.apps.v1.Deployment(
      `${name}`,
      {
        metadata: { name: TOOL_APPROVAL_ROLE, namespace: args.namespace, labels },
        spec: {
          replicas: 1,
          // Recreate: never two queues holding different pending calls.
          strategy: { type: "Recreate" },
          selector: roleSelector(TOOL_APPROVAL_ROLE),
          template: {
            metadata: { labels },
            spec: withTransitTls(
              {
                ...restrictedPodBasics(args.serviceAccountName),
                containers: [
                  {
                    name: "queue",
                    image: imageRef(args.image),
                    args: tls
                      ? [
                          "serve",
                          "--policy",
                          "/etc/tool-approval/policy.yaml",
                          "--listen",
                          `127.0.0.1:${upstream.guardrail}`,
                          "--review-listen",
                          `127.0.0.1:${upstream.review}`,
                        ]
                      : [
                          "serve",
                          "--policy",
                          "/etc/tool-approval/policy.yaml",
                          "--listen",
                          `:${TOOL_APPROVAL_PORT}`,
                          "--review-listen",
                          `:${TOOL_REVIEW_PORT}`,
                        ],
                    ports: tls
                      ? []
                      : [
                          { name: "guardrail", containerPort: TOOL_APPROVAL_PORT },
                          { name: "review", containerPort: TOOL_REVIEW_PORT },
                        ],
                    securityContext: restrictedContainerSecurityContext(),
                    resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
                    readinessProbe: { httpGet: probe, periodSeconds: 10 },
                    livenessProbe: { httpGet: probe, periodSeconds: 20 },
                    volumeMounts: [
                      { name: "policy", mountPath: "/etc/tool-approval", readOnly: true },
                      { name: "tmp", mountPath: "/tmp" },
                    ],
                  },
                ],
                volumes: [
                  { name: "policy", configMap: { name: config.metadata.name } },
                  { name: "tmp", emptyDir: { sizeLimit: "64Mi" } },
                ],
              },
              { server: tls, trust },
            ),
          },
        },
      },
      parent,
    );
    const service = new k8s.core.v1.Service(
      `${name}-service`,
      {
        metadata: { name: TOOL_APPROVAL_ROLE, namespace: args.namespace, labels },
        spec: {
          type: "ClusterIP",
          selector: roleLabel(TOOL_APPROVAL_ROLE),
          ports: [
            { name: "guardrail", port: TOOL_APPROVAL_PORT, targetPort: "guardrail", ...httpsAppProtocol(args.tls) },
            { name: "review", port: TOOL_REVIEW_PORT, targetPort: "review", ...httpsAppProtocol(args.tls) },
          ],
        },
      },
      parent,
    );
    new k8s.networking.v1.NetworkPolicy(
      `${name}-policy-net`,
      {
        metadata: { name: `${TOOL_APPROVAL_ROLE}-access`, namespace: args.namespace },
        spec: {
          podSelector: roleSelector(TOOL_APPROVAL_ROLE),
          policyTypes: ["Ingress", "Egress"],
          ingress: [
            roleIngressRule(args.callerRoles, TOOL_APPROVAL_PORT),
            {
              from: [
                { podSelector: roleSelector("app") },
                ...(args.reviewerNamespaces ?? []).map((namespace) => ({
                  namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": namespace } },
                })),
              ],
              ports: [{ protocol: "TCP", port: TOOL_REVIEW_PORT }],
            },
          ],
          egress: roleEgressRules(args.egressTo),
        },
      },
      parent,
    );
    this.url = pulumi.interpolate`${scheme(args.tls)}://${service.metadata.name}.${args.namespace}.svc.cluster.local:${TOOL_APPROVAL_PORT}`;
    this.registerOutputs({ url: this.url });
  }
}
