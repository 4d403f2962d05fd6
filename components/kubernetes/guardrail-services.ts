/**
 * The screening services the gateway calls on every request and response: Microsoft Presidio
 * (analyzer + anonymizer) for PII detection and redaction, and Protect AI's LLM Guard API for
 * prompt-injection, toxicity and grounding scanners. Each is a Deployment with a ClusterIP
 * Service, restricted pod security, an image pinned by digest, and a NetworkPolicy that admits
 * only the roles that call it (the gateway, and the record sinks that redact before storing).
 *
 * Which spec field turns each service on, what it blocks or redacts and its latency budget are
 * in `guardrailTable` (and docs/guardrails.md, generated from the same table).
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { stringify } from "yaml";
import {
  clusterIpService,
  imageRef,
  requirePinnedDigest,
  roleIngressPolicy,
  roleIngressRule,
  roleSelector,
  type PinnedImage,
} from "./workload-basics.js";
import { restrictedContainerSecurityContext, restrictedPodBasics, workloadLabels } from "./pod-security.js";
import { httpsAppProtocol, scheme, serverTls, withTransitTls, type InClusterTls } from "./transit-tls.js";

/** Ports the images listen on: Presidio's images read `PORT` (we set it); LLM Guard API serves on 8000. */
export const PRESIDIO_PORT = 3000;
export const LLM_GUARD_PORT = 8000;
/**
 * With TLS in transit the TLS sidecar takes the Service's port and the server moves to this one,
 * reached on loopback: Presidio's images read `PORT`, LLM Guard API reads `APP_PORT` (its
 * documented environment). Both images bind every interface; no NetworkPolicy admits this port.
 */
export const GUARDRAIL_UPSTREAM_PORT = 8010;
export const PRESIDIO_ANALYZER_ROLE = "presidio-analyzer";
export const PRESIDIO_ANONYMIZER_ROLE = "presidio-anonymizer";
export const LLM_GUARD_ROLE = "llm-guard";

/** The spec's screening declarations, as the components need them. */
export interface GuardrailSelection {
  readonly inputPromptInjection: boolean;
  readonly inputPii: boolean;
  readonly inputToxicity: boolean;
  readonly outputPii: boolean;
  readonly outputToxicity: boolean;
  readonly outputGrounding: boolean;
  /** privacy.piiRedaction.logs: records are redacted before the sinks store them. */
  readonly redactLogs: boolean;
}

export interface GuardrailRow {
  readonly guardrail: string;
  readonly specField: string;
  readonly service: string;
  readonly stage: "pre_call" | "post_call" | "logging_only";
  readonly action: string;
  /** p95 latency budget the guardrail may add, in milliseconds (LiteLLM's guardrail timeout is not this). */
  readonly latencyBudgetMs: number;
}

/**
 * Per guardrail: the spec field that turns it on, the service, the LiteLLM stage, what it blocks or
 * redacts, and its latency budget. Budgets are targets for CPU-only replicas of these sizes (Presidio's
 * spaCy `en_core_web_lg` pipeline and LLM Guard's ONNX DeBERTa classifiers on short chat turns); they
 * are not measured here (no container runtime on this machine).
 */
export const guardrailTable: readonly GuardrailRow[] = [
  {
    guardrail: "pii-input",
    specField: "guardrails.input.pii",
    service: "Presidio analyzer + anonymizer",
    stage: "pre_call",
    action: "masks PII entities in the prompt before the model sees it",
    latencyBudgetMs: 150,
  },
  {
    guardrail: "prompt-injection",
    specField: "guardrails.input.promptInjection",
    service: "LLM Guard API (PromptInjection scanner)",
    stage: "pre_call",
    action: "blocks the request (HTTP 400) when the injection score passes the threshold",
    latencyBudgetMs: 250,
  },
  {
    guardrail: "toxicity-input",
    specField: "guardrails.input.toxicity",
    service: "LLM Guard API (Toxicity scanner)",
    stage: "pre_call",
    action: "blocks toxic prompts",
    latencyBudgetMs: 150,
  },
  {
    guardrail: "pii-output",
    specField: "guardrails.output.pii",
    service: "Presidio analyzer + anonymizer",
    stage: "post_call",
    action: "masks PII entities in the response",
    latencyBudgetMs: 150,
  },
  {
    guardrail: "toxicity-output",
    specField: "guardrails.output.toxicity",
    service: "LLM Guard API (Toxicity output scanner)",
    stage: "post_call",
    action: "blocks toxic responses",
    latencyBudgetMs: 150,
  },
  {
    guardrail: "grounding-output",
    specField: "guardrails.output.grounding",
    service: "LLM Guard API (FactualConsistency output scanner)",
    stage: "post_call",
    action: "blocks answers the retrieved context does not support",
    latencyBudgetMs: 400,
  },
  {
    guardrail: "pii-logging",
    specField: "privacy.piiRedaction.logs",
    service: "Presidio analyzer + anonymizer",
    stage: "logging_only",
    action: "masks PII in what the gateway sends to the audit sink; the prompt and response themselves are untouched",
    latencyBudgetMs: 0,
  },
];

/** True when the selection screens PII (input or output) or redacts PII in logs: then the Presidio analyzer and anonymizer are built. */
export function needsPresidio(selection: GuardrailSelection): boolean {
  return selection.inputPii || selection.outputPii || selection.redactLogs;
}

/** True when the selection screens prompt injection, toxicity (input or output) or grounding: then the LLM Guard API is built. */
export function needsLlmGuard(selection: GuardrailSelection): boolean {
  return (
    selection.inputPromptInjection || selection.inputToxicity || selection.outputToxicity || selection.outputGrounding
  );
}

/**
 * LLM Guard API's scanner configuration (its `scanners.yml`) for the selection. Thresholds are the
 * LLM Guard documentation's defaults; `scan_fail_fast` stops at the first failing scanner.
 */
export function llmGuardScanners(selection: GuardrailSelection): string {
  const input = [
    ...(selection.inputPromptInjection ? [{ type: "PromptInjection", params: { threshold: 0.92 } }] : []),
    ...(selection.inputToxicity ? [{ type: "Toxicity", params: { threshold: 0.5 } }] : []),
  ];
  const output = [
    ...(selection.outputToxicity ? [{ type: "Toxicity", params: { threshold: 0.5 } }] : []),
    ...(selection.outputGrounding ? [{ type: "FactualConsistency", params: { minimum_score: 0.7 } }] : []),
  ];
  return stringify({
    app: {
      name: "llm-guard-api",
      log_level: "INFO",
      scan_fail_fast: true,
      scan_prompt_timeout: 10,
      scan_output_timeout: 20,
      lazy_load: false,
    },
    auth: { type: "http_bearer", token: "${AUTH_TOKEN:}" },
    input_scanners: input,
    output_scanners: output,
  });
}

export interface GuardrailServicesArgs {
  /** Stack name (metadata.name): the `app.kubernetes.io/part-of` label of every object. */
  readonly stack: string;
  /** Namespace the objects are created in. */
  readonly namespace: pulumi.Input<string>;
  /** Which screening the spec declares (guardrails and PII redaction); decides which services are built. */
  readonly selection: GuardrailSelection;
  /** Service account the pods run as (its own identity; no API token is mounted). */
  readonly serviceAccountName: pulumi.Input<string>;
  /** Required when the selection needs Presidio. @default none */
  readonly presidioAnalyzerImage?: PinnedImage;
  /** Presidio anonymizer image; required when the selection needs Presidio. @default none */
  readonly presidioAnonymizerImage?: PinnedImage;
  /** Required when the selection needs LLM Guard. @default none */
  readonly llmGuardImage?: PinnedImage;
  /** Secret (key `token`) with LLM Guard API's bearer token, shared with the gateway; managed outside Pulumi state. */
  readonly llmGuardTokenSecret: string;
  /** Roles that may call the services. @default ["gateway"] */
  readonly callerRoles?: readonly string[];
  /** @default 2 */
  readonly replicas?: number;
  /** TLS on every service (a TLS sidecar in front of each, namespace-CA certificates); endpoints become https. @default none (plain HTTP) */
  readonly tls?: InClusterTls;
}

/** Throws InputPropertyError naming the missing image for a selection that needs it. */
export function validateGuardrailServicesArgs(args: GuardrailServicesArgs): void {
  const pinned = (image: PinnedImage | undefined, path: string) => {
    if (!image)
      throw new pulumi.InputPropertyError({
        propertyPath: path,
        reason: "required by the declared guardrails (platform.images)",
      });
    requirePinnedDigest(image.digest, `${path}.digest`);
  };
  if (needsPresidio(args.selection)) {
    pinned(args.presidioAnalyzerImage, "presidioAnalyzerImage");
    pinned(args.presidioAnonymizerImage, "presidioAnonymizerImage");
  }
  if (needsLlmGuard(args.selection)) pinned(args.llmGuardImage, "llmGuardImage");
}

interface ServiceSpec {
  readonly role: string;
  readonly image: PinnedImage;
  readonly port: number;
  readonly health: string;
  readonly env: k8s.types.input.core.v1.EnvVar[];
  readonly memory: string;
  readonly config?: { readonly name: string; readonly file: string; readonly text: string; readonly mountPath: string };
}

/** Presidio and LLM Guard as restricted, digest-pinned Deployments behind ClusterIP Services. */
export class GuardrailServices extends pulumi.ComponentResource {
  /** In-cluster base URLs by role (http(s)://<role>.<namespace>.svc.cluster.local:<port>; https with `tls`). */
  readonly endpoints: Partial<Record<string, pulumi.Output<string>>> = {};

  constructor(name: string, args: GuardrailServicesArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:kubernetes:GuardrailServices", name, args, opts);
    validateGuardrailServicesArgs(args);
    const parent = { parent: this };
    const services: ServiceSpec[] = [];
    if (needsPresidio(args.selection)) {
      // Analyzer and anonymizer: the same server settings; the analyzer holds the NLP models.
      const presidio = (role: string, image: PinnedImage, memory: string): ServiceSpec => ({
        role,
        image,
        port: PRESIDIO_PORT,
        health: "/health",
        env: [
          { name: "PORT", value: String(args.tls ? GUARDRAIL_UPSTREAM_PORT : PRESIDIO_PORT) },
          { name: "WORKERS", value: "2" },
        ],
        memory,
      });
      services.push(
        presidio(PRESIDIO_ANALYZER_ROLE, args.presidioAnalyzerImage!, "2Gi"),
        presidio(PRESIDIO_ANONYMIZER_ROLE, args.presidioAnonymizerImage!, "512Mi"),
      );
    }
    if (needsLlmGuard(args.selection)) {
      services.push({
        role: LLM_GUARD_ROLE,
        image: args.llmGuardImage!,
        port: LLM_GUARD_PORT,
        health: "/readyz",
        env: [
          { name: "AUTH_TOKEN", valueFrom: { secretKeyRef: { name: args.llmGuardTokenSecret, key: "token" } } },
          { name: "CONFIG_FILE", value: "/etc/llm-guard/scanners.yml" },
          { name: "HF_HOME", value: "/tmp/hf" },
          // The scanner models ship in the image: the namespace denies egress, so nothing is fetched at start.
          { name: "HF_HUB_OFFLINE", value: "1" },
          ...(args.tls ? [{ name: "APP_PORT", value: String(GUARDRAIL_UPSTREAM_PORT) }] : []),
        ],
        memory: "4Gi",
        config: {
          name: `${LLM_GUARD_ROLE}-scanners`,
          file: "scanners.yml",
          text: llmGuardScanners(args.selection),
          mountPath: "/etc/llm-guard",
        },
      });
    }
    const callers = args.callerRoles ?? ["gateway"];
    for (const service of services) {
      const labels = workloadLabels(args.stack, service.role);
      const config = service.config
        ? new k8s.core.v1.ConfigMap(
            `${name}-${service.role}-config`,
            {
              metadata: { name: service.config.name, namespace: args.namespace, labels },
              data: { [service.config.file]: service.config.text },
            },
            parent,
          )
        : undefined;
      const tls = args.tls
        ? serverTls(`${name}-${service.role}`, this, {
            role: service.role,
            namespace: args.namespace,
            labels,
            tls: args.tls,
            routes: [{ listen: service.port, upstream: GUARDRAIL_UPSTREAM_PORT, name: "http" }],
          })
        : undefined;
      // With TLS the sidecar owns the "http" port (TLS, despite the name the Service's targetPort keeps) and the kubelet probes through it,
      // by number: a probe's named port is looked up in its own container, which then has none.
      const probe = { path: service.health, ...(tls ? { port: service.port, scheme: "HTTPS" } : { port: "http" }) };
      new k8s.apps.v1.Deployment(
        `${name}-${service.role}`,
        {
          metadata: { name: service.role, namespace: args.namespace, labels },
          spec: {
            replicas: args.replicas ?? 2,
            selector: roleSelector(service.role),
            template: {
              metadata: { labels },
              spec: withTransitTls(
                {
                  ...restrictedPodBasics(args.serviceAccountName),
                  containers: [
                    {
                      name: service.role,
                      image: imageRef(service.image),
                      env: service.env,
                      ports: tls ? [] : [{ name: "http", containerPort: service.port, protocol: "TCP" }],
                      readinessProbe: { httpGet: probe, periodSeconds: 10 },
                      livenessProbe: { httpGet: probe, periodSeconds: 20, initialDelaySeconds: 30 },
                      resources: {
                        requests: { cpu: "500m", memory: service.memory },
                        limits: { cpu: "2", memory: service.memory },
                      },
                      securityContext: restrictedContainerSecurityContext(),
                      volumeMounts: [
                        { name: "tmp", mountPath: "/tmp" },
                        ...(config ? [{ name: "config", mountPath: service.config!.mountPath, readOnly: true }] : []),
                      ],
                    },
                  ],
                  volumes: [
                    { name: "tmp", emptyDir: { sizeLimit: "4Gi" } },
                    ...(config ? [{ name: "config", configMap: { name: config.metadata.name } }] : []),
                  ],
                },
                { server: tls },
              ),
            },
          },
        },
        parent,
      );
      new k8s.core.v1.Service(
        `${name}-${service.role}-service`,
        clusterIpService(service.role, args.namespace, labels, [
          {
            name: tls ? "https" : "http",
            port: service.port,
            targetPort: "http",
            protocol: "TCP",
            ...httpsAppProtocol(args.tls),
          },
        ]),
        parent,
      );
      new k8s.networking.v1.NetworkPolicy(
        `${name}-${service.role}-ingress`,
        roleIngressPolicy(service.role, args.namespace, [roleIngressRule(callers, service.port)]),
        parent,
      );
      this.endpoints[service.role] =
        pulumi.interpolate`${scheme(args.tls)}://${service.role}.${args.namespace}.svc.cluster.local:${service.port}`;
    }
    this.registerOutputs({ endpoints: this.endpoints });
  }
}
