/**
 * The aws components of the toolkit, one import for Pulumi programs:
 * `import { … } from "responsible-llmops/components/aws"`.
 */
export * from "./access-controls.js";
export * from "./audit-trail.js";
export * from "./bedrock-endpoint.js";
export * from "./cidr.js";
export * from "./data-stores.js";
export * from "./encryption-keys.js";
export * from "./gpu-inference-cluster.js";
export * from "./gpu-instance-types.js";
export * from "./iam-documents.js";
export * from "./model-cache-storage.js";
export * from "./private-network.js";
export * from "./runtime-monitoring.js";
export * from "./secure-bucket.js";
export * from "./vector-store.js";
