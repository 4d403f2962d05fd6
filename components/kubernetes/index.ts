/**
 * The kubernetes components of the toolkit, one import for Pulumi programs:
 * `import { … } from "responsible-llmops/components/kubernetes"`.
 */
export * from "./egress-proxy.js";
export * from "./gateway.js";
export * from "./gpu-node-agents.js";
export * from "./guardrail-services.js";
export * from "./inference-service.js";
export * from "./limiter-store.js";
export * from "./model-cache.js";
export * from "./namespace-guardrails.js";
export * from "./pod-security.js";
export * from "./record-sink.js";
export * from "./serving-runtime.js";
export * from "./transit-tls.js";
export * from "./vector-database.js";
export * from "./workload-basics.js";
export * from "./workload-rbac.js";
