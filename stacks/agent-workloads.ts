/**
 * The agent pattern's tool gateway, from the spec: the declared tools with their MCP servers,
 * the reviewers (spec roles with `agent:approve`), and the ToolApprovalQueue plus the gateway's
 * `mcp_servers` and `pre_mcp_call` guardrail (components/kubernetes/tool-gateway.ts).
 */
import type * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import type { LLMOpsStack } from "../schemas/spec-schema.js";
import type { GatewayTools } from "../components/kubernetes/gateway.js";
import type { PinnedImage } from "../components/kubernetes/workload-basics.js";
import { scheme, type InClusterTls } from "../components/kubernetes/transit-tls.js";
import {
  AGENT_ROLE,
  DEFAULT_TOOL_PORT,
  TOOL_APPROVAL_PORT,
  agentEgressPolicySpec,
  TOOL_APPROVAL_ROLE,
  ToolApprovalQueue,
  approvalGuardrail,
  defaultToolServer,
  mcpServers,
  toolServerRole,
  type AgentTool,
} from "../components/kubernetes/tool-gateway.js";

/** The step limit when the spec sets none (LLM-AGENT checks ask for one; the queue never runs without). */
export const DEFAULT_MAX_STEPS = 10;

/** The spec's tools with their MCP server URLs (the default: Service tool-<name> in the namespace, https with TLS in transit). */
export function agentTools(spec: LLMOpsStack, namespace: string, tls = false): AgentTool[] {
  return (spec.spec.agent?.tools ?? []).map((tool) => ({
    name: tool.name,
    impact: tool.impact,
    permissions: tool.permissions,
    requiresApproval: tool.requiresApproval,
    server: tool.server ?? defaultToolServer(tool.name, namespace, tls),
  }));
}

/** Spec roles allowed to approve tool calls (permission `agent:approve`). */
export function reviewerRoles(spec: LLMOpsStack): string[] {
  return spec.spec.access.roles.filter((role) => role.permissions.includes("agent:approve")).map((role) => role.name);
}

/** True when the spec is pattern agent and declares at least one tool: then the tool-approval queue is built. */
export function hasAgentTools(spec: LLMOpsStack): boolean {
  return spec.spec.pattern === "agent" && (spec.spec.agent?.tools.length ?? 0) > 0;
}

export interface AgentToolsContext {
  readonly name: string;
  readonly namespace: string;
  readonly namespaceInput: pulumi.Input<string>;
  readonly opts: pulumi.ComponentResourceOptions;
  /** The queue's image (called only when the spec has agent tools; may throw the caller's missing-image error). */
  readonly image: () => PinnedImage;
  readonly serviceAccountName: pulumi.Input<string>;
  /** The gateway's role label and the port the agent calls it on (its TLS edge). */
  readonly gateway: { readonly role: string; readonly port: number };
  readonly callerRoles: readonly string[];
  readonly reviewerNamespaces: readonly string[];
  readonly auditSink?: { readonly url: string; readonly role: string; readonly port: number };
  readonly presidio?: {
    readonly analyzerUrl: string;
    readonly anonymizerUrl: string;
    readonly services: ReadonlyArray<{ readonly role: string; readonly port: number }>;
  };
  /** TLS in transit: the queue serves TLS and trusts the namespace CA; the gateway calls it over https. @default none */
  readonly tls?: InClusterTls;
}

/**
 * Builds the approval queue; returns what the gateway needs: its `tools` configuration and the
 * egress it must be allowed (the queue, and each in-cluster tool server). Undefined without tools.
 */
export function composeAgentTools(
  spec: LLMOpsStack,
  context: AgentToolsContext,
): { gateway: GatewayTools; egressTo: Array<{ role: string; port: number }> } | undefined {
  if (!hasAgentTools(spec)) return undefined;
  const agent = spec.spec.agent!;
  const tools = agentTools(spec, context.namespace, context.tls !== undefined);
  new ToolApprovalQueue(
    `${context.name}-tool-approval`,
    {
      stack: context.name,
      namespace: context.namespaceInput,
      image: context.image(),
      serviceAccountName: context.serviceAccountName,
      maxSteps: agent.maxSteps ?? DEFAULT_MAX_STEPS,
      approvalTimeoutSeconds: agent.approvalTimeoutSeconds,
      tools,
      ...(spec.spec.access.identityProvider.issuer ? { issuer: spec.spec.access.identityProvider.issuer } : {}),
      reviewerRoles: reviewerRoles(spec),
      ...(context.auditSink ? { auditSinkUrl: context.auditSink.url } : {}),
      ...(context.presidio
        ? { presidio: { analyzerUrl: context.presidio.analyzerUrl, anonymizerUrl: context.presidio.anonymizerUrl } }
        : {}),
      callerRoles: context.callerRoles,
      reviewerNamespaces: context.reviewerNamespaces,
      egressTo: [
        ...(context.auditSink ? [{ role: context.auditSink.role, port: context.auditSink.port }] : []),
        ...(context.presidio?.services ?? []),
      ],
      ...(context.tls ? { tls: context.tls } : {}),
    },
    context.opts,
  );
  // The agent's own pods reach the gateway and nothing else: no tool around it (LLM-TOOLS-002).
  new k8s.networking.v1.NetworkPolicy(
    `${context.name}-agent-egress`,
    {
      metadata: { name: `${AGENT_ROLE}-egress`, namespace: context.namespaceInput },
      spec: agentEgressPolicySpec(context.gateway.role, context.gateway.port),
    },
    customResourceOptions(context.opts),
  );
  const approvalUrl = `${scheme(context.tls)}://${TOOL_APPROVAL_ROLE}.${context.namespace}.svc.cluster.local:${TOOL_APPROVAL_PORT}`;
  const toolEgress = tools.flatMap((tool) => {
    const role = toolServerRole(tool, context.namespace);
    return role ? [{ role, port: DEFAULT_TOOL_PORT }] : [];
  });
  return {
    gateway: { mcpServers: mcpServers(tools), guardrail: approvalGuardrail(approvalUrl) },
    egressTo: [{ role: TOOL_APPROVAL_ROLE, port: TOOL_APPROVAL_PORT }, ...toolEgress],
  };
}

/**
 * The options of a custom resource made directly in a stack from a component's options: a custom
 * resource takes one `provider`, never `providers` (the Pulumi SDK throws on it), so the
 * Kubernetes provider a component would have passed down (on AWS, the EKS cluster's) is named
 * explicitly. Everything else (parent, dependsOn) is kept.
 */
function customResourceOptions(opts: pulumi.ComponentResourceOptions): pulumi.CustomResourceOptions {
  const { providers, ...rest } = opts;
  const list = providers === undefined ? [] : Array.isArray(providers) ? providers : Object.values(providers);
  const provider = list[0];
  return { ...rest, ...(provider ? { provider } : {}) };
}
