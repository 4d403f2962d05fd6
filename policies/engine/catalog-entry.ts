/**
 * The shape of one catalogue entry and the two facts the engine reads from it at evaluation time
 * (its origin and its kind). Kept apart from catalog.ts, which builds and validates the catalogue
 * with ajv at `policy build` time: loading a bundle must not load the validator (ajv is about a
 * tenth of a one-file `llmops check`'s CPU time, bench/results/small-input.md).
 */
import type { RuleMetadata } from "./report.js";

export interface CatalogEntry extends RuleMetadata {
  /** Rego package, e.g. llmops.spec.privacy.cmk_encryption. */
  readonly package: string;
  /** Repository-relative file (built-in), or the file under its organisation directory. */
  readonly source: string;
}

/** Where built-in checks come from (RuleMetadata.origin); organisation checks carry their directory. */
export const BUILTIN_ORIGIN = "builtin";

export type CheckKind = "spec" | "runtime";

/** Spec checks live in llmops.spec.*, runtime checks in llmops.runtime.*. */
export function checkKind(entry: { readonly package: string }): CheckKind {
  return entry.package.startsWith("llmops.runtime.") ? "runtime" : "spec";
}
