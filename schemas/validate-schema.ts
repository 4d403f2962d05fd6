/**
 * JSON Schema validation of a spec document with ajv (2020-12, compiled ahead of time), applying defaults in place
 * and turning ajv's errors into plain-word messages anchored at a JSON Pointer.
 */
import type { ErrorObject, ValidateFunction } from "ajv";
import { API_VERSION, KIND } from "./spec-identity.js";
import generatedValidator from "./generated/spec-validator.js";

export interface SchemaViolation {
  /** JSON Pointer of the offending value (or of the object missing a property). */
  readonly path: string;
  /** Whether the position should point at the key rather than the value (unknown properties). */
  readonly at: "key" | "value";
  readonly message: string;
  readonly keyword: string;
}

/** Errors reported per document; ajv keeps collecting, this keeps the report readable. */
export const MAX_REPORTED_VIOLATIONS = 50;

/** Precompiled by ajv at build time (see spec-validator-source.ts for the options). */
const validateSpec = generatedValidator as unknown as ValidateFunction;

/** Is this document meant to be a spec at all? Anything else cannot be evaluated (exit 2). */
export function documentTypeProblem(value: unknown): { path: string; message: string } | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { path: "", message: `expected a mapping with apiVersion: ${API_VERSION} and kind: ${KIND}` };
  }
  const { apiVersion, kind } = value as Record<string, unknown>;
  if (apiVersion !== API_VERSION) {
    return {
      path: "/apiVersion",
      message: `unsupported apiVersion ${JSON.stringify(apiVersion ?? null)}; expected ${API_VERSION}`,
    };
  }
  if (kind !== KIND) {
    return { path: "/kind", message: `unsupported kind ${JSON.stringify(kind ?? null)}; expected ${KIND}` };
  }
  return undefined;
}

/** Validates and fills defaults in place. Returns violations in document order of ajv's walk. */
export function validateAgainstSchema(value: unknown): SchemaViolation[] {
  if (validateSpec(value)) return [];
  const errors = (validateSpec.errors ?? []).filter((error) => error.keyword !== "if");
  return errors.slice(0, MAX_REPORTED_VIOLATIONS).map(describe);
}

const PATTERN_WORDS: Record<string, string> = {
  "^sha256:[a-f0-9]{64}$": 'a sha256 digest: "sha256:" followed by 64 lowercase hex characters',
  "^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$": "a DNS label: lowercase letters, digits and '-', starting with a letter",
  "^P(T?[0-9]{1,6}[SMHDW])+$": "an ISO 8601 duration such as PT5M or P1D",
  "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "a date as YYYY-MM-DD",
  "^[^@\\s]{1,64}@[^@\\s]{1,190}$": "an email address",
  "^([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}$": "an IPv4 CIDR such as 10.0.0.0/16",
  "^(([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}|[0-9a-fA-F:]{2,39}/[0-9]{1,3})$":
    "an IPv4 or IPv6 CIDR such as 10.0.0.0/16 or 2001:db8::/32",
  "^LLM-[A-Z0-9]{2,8}-[0-9]{3}$": "a policy id such as LLM-PRIV-001",
  "^https://[^\\s]{1,2040}$": "an https:// URL",
};

/** Why spec.models[].gpu.count stops at 8: one replica runs on one node (the largest GPU instance sizes hold 8). */
export const MULTI_NODE_REFUSED =
  "a replica's GPUs must be on one node (the largest GPU instance sizes hold 8); a replica across nodes (LeaderWorkerSet, pipeline parallelism) is not built. Quantise the model (dtype) to fit 8 GPUs, or serve it elsewhere";

/** One ajv error in plain words, anchored at a JSON Pointer (shared with the evidence loader). */
export function describe(error: ErrorObject): SchemaViolation {
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const got = (value: unknown) => JSON.stringify(value)?.slice(0, 80) ?? "nothing";
  switch (error.keyword) {
    case "required":
      return violation(
        `${path}/${String(params.missingProperty)}`,
        "value",
        `missing required property "${String(params.missingProperty)}"`,
        error,
      );
    case "additionalProperties": {
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const hint = allowed.length > 0 ? `; expected one of: ${allowed.join(", ")}` : "";
      return violation(
        `${path}/${String(params.additionalProperty)}`,
        "key",
        `unknown property "${String(params.additionalProperty)}"${hint}`,
        error,
      );
    }
    case "enum": {
      const allowed = params.allowedValues as unknown[];
      const list = allowed.map(String).join(", ");
      // A YAML 1.3 is a number where the enum wants the text "1.3": say which types differ.
      const kinds = [...new Set(allowed.map((value) => (value === null ? "null" : typeof value)))];
      const kind = error.data === null ? "null" : typeof error.data;
      if (!kinds.includes(kind)) {
        const quote = kinds.length === 1 && kinds[0] === "string" ? ": quote it" : "";
        return violation(
          path,
          "value",
          `must be one of: ${list} (${kinds.join(" or ")} values); got the ${kind} ${got(error.data)}${quote}`,
          error,
        );
      }
      return violation(path, "value", `must be one of: ${list}; got ${got(error.data)}`, error);
    }
    case "type":
      return violation(path, "value", `must be ${article(String(params.type))}; got ${typeName(error.data)}`, error);
    case "pattern": {
      const words = PATTERN_WORDS[String(params.pattern)] ?? `text matching ${String(params.pattern)}`;
      return violation(path, "value", `must be ${words}; got ${got(error.data)}`, error);
    }
    case "maxLength":
      return violation(path, "value", `must be at most ${String(params.limit)} characters long`, error);
    case "minLength":
      return violation(path, "value", "must not be empty", error);
    case "maximum":
    case "minimum": {
      // GPUs past the largest GPU node: a replica would span nodes, which is refused, not built wrong.
      const hint =
        error.keyword === "maximum" && /^\/spec\/models\/\d+\/gpu\/count$/.test(path) ? `: ${MULTI_NODE_REFUSED}` : "";
      return violation(
        path,
        "value",
        `must be ${error.keyword === "maximum" ? "at most" : "at least"} ${String(params.limit)}; got ${got(error.data)}${hint}`,
        error,
      );
    }
    case "maxItems":
      return violation(path, "value", `must have at most ${String(params.limit)} items`, error);
    case "minItems":
      return violation(
        path,
        "value",
        `must have at least ${String(params.limit)} item${params.limit === 1 ? "" : "s"}`,
        error,
      );
    case "uniqueItems":
      return violation(
        path,
        "value",
        `must not repeat items (items ${String(params.j)} and ${String(params.i)} are equal)`,
        error,
      );
    case "maxProperties":
      return violation(path, "value", `must have at most ${String(params.limit)} entries`, error);
    case "propertyNames":
      return violation(
        `${path}/${String(params.propertyName)}`,
        "key",
        `key "${String(params.propertyName)}" is not a valid label key`,
        error,
      );
    default:
      return violation(path, "value", error.message ?? `fails ${error.keyword}`, error);
  }
}

function violation(path: string, at: "key" | "value", message: string, error: ErrorObject): SchemaViolation {
  return { path, at, message, keyword: error.keyword };
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value)?.slice(0, 60) ?? ""}`.trim();
}
