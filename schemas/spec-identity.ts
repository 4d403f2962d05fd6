/**
 * What makes a document a spec at all. Kept apart from spec-schema.ts so the loader can check
 * a document's type without building the TypeBox schema (which costs ~190 ms at start-up).
 */
export const API_VERSION = "llmops/v1alpha1";
export const KIND = "LLMOpsStack";
export const SCHEMA_ID = "https://llmops.dev/schemas/llmops-v1alpha1.json";
