/**
 * The spec's types and loader for the installed package (`import … from "responsible-llmops/spec"`).
 * The types are derived from the same TypeBox schema as the published JSON Schema
 * (`responsible-llmops/schema.json`), never written twice.
 */
export type { LLMOpsStack, Pattern } from "./spec-schema.js";
export {
  API_VERSION,
  KIND,
  SCHEMA_ID,
  PATTERNS,
  GPU_TYPES,
  CLASSIFICATIONS,
  REGULATED_DOMAINS,
  LLMOpsStackSchema,
  publishedSchema,
} from "./spec-schema.js";
export { loadSpecFile, loadSpecText, type LoadedSpec } from "./load-spec.js";
export { publishedSchemaFile } from "./package-root.js";
export { InputError } from "../input/input-error.js";
