/**
 * Policy data files: the built-in tunables (policies/data.yaml) and an organisation's `--data`
 * overrides (issue 21). Each file is parsed with the hardened parser (duplicate keys, aliases,
 * `__proto__` refused; positions kept) and validated against POLICY_DATA_SCHEMA, so a misspelt
 * key fails with its file:line:column (InputError, exit 2) instead of being silently ignored.
 *
 * Merge rule: later files win; mappings merge key by key, any other value (a list, a number, a
 * string) replaces the earlier one whole. `llmops.check_overrides` never reaches OPA's data:
 * it changes the catalogue (catalog.ts applyCheckOverrides), which every entry point reads.
 */
import { readFileSync } from "node:fs";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import { InputError } from "../../input/input-error.js";
import { parseDocuments } from "../../input/parse-documents.js";
import type { Severity } from "./finding.js";
import { POLICY_DATA_SCHEMA } from "./policy-data-schema.js";

/** An override of one check, as a data file declares it, with where it was declared. */
export interface CheckOverrideDeclaration {
  readonly id: string;
  readonly disabled?: true;
  readonly severity?: Severity;
  readonly reason: string;
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/** A validated data file. */
export interface PolicyDataFile {
  readonly file: string;
  /** `llmops.params` (possibly partial in an override file). */
  readonly params: Readonly<Record<string, unknown>>;
  readonly overrides: readonly CheckOverrideDeclaration[];
}

let validator: ReturnType<Ajv2020["compile"]> | undefined;

/**
 * Reads and validates one data file (YAML, or JSON when named *.json). Throws InputError with
 * the file, line and column of the first problem: unreadable, malformed, more than one
 * document, or not valid against the schema (an unknown key is reported at the key).
 */
export function readPolicyDataFile(file: string): PolicyDataFile {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(`cannot read the policy data file: ${(error as Error).message}`, file);
  }
  const documents = parseDocuments(text, file);
  if (documents.length !== 1)
    throw new InputError(`a policy data file holds one document, not ${documents.length}`, file);
  const document = documents[0]!;
  validator ??= new Ajv2020({ allErrors: false, strict: true, strictRequired: false }).compile(POLICY_DATA_SCHEMA);
  if (!validator(document.value)) {
    const error = validator.errors![0]!;
    const { pointer, at, message } = describeDataError(error);
    const position = document.locate(pointer, at);
    throw new InputError(message, file, position?.line, position?.column);
  }
  const llmops = (
    document.value as {
      llmops: {
        params?: Record<string, unknown>;
        check_overrides?: Record<string, Omit<CheckOverrideDeclaration, "id" | "file">>;
      };
    }
  ).llmops;
  const overrides = Object.entries(llmops.check_overrides ?? {}).map(([id, override]) => {
    const position = document.locate(`/llmops/check_overrides/${id}`, "key");
    return { ...override, id, file, ...(position ? { line: position.line, column: position.column } : {}) };
  });
  return { file, params: llmops.params ?? {}, overrides };
}

/** Where an ajv error points (the offending key for unknown keys) and what to say. */
function describeDataError(error: ErrorObject): { pointer: string; at: "key" | "value"; message: string } {
  const where = error.instancePath || "/";
  if (error.keyword === "additionalProperties") {
    const key = String((error.params as { additionalProperty: string }).additionalProperty);
    return {
      pointer: `${error.instancePath}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`,
      at: "key",
      message: `unknown key "${key}" at ${where} (see policies/engine/policy-data-schema.ts for the tunables)`,
    };
  }
  if (error.keyword === "propertyNames") {
    const name = String((error.params as { propertyName?: string }).propertyName ?? "");
    return {
      pointer: `${error.instancePath}/${name.replaceAll("~", "~0").replaceAll("/", "~1")}`,
      at: "key",
      message: `key "${name}" at ${where} is not accepted: check ids look like ORG-DATA-001`,
    };
  }
  if (error.keyword === "anyOf")
    return {
      pointer: error.instancePath,
      at: "value",
      message: `${where}: an override says disabled: true or a severity (with a reason)`,
    };
  if (error.keyword === "not")
    return {
      pointer: error.instancePath,
      at: "value",
      message: `${where}: an override either disables a check or changes its severity, not both`,
    };
  return { pointer: error.instancePath, at: "value", message: `${where} ${error.message ?? "is not valid"}` };
}

/** Later mappings merge into earlier ones key by key; anything else replaces the earlier value. */
export function mergeData(base: unknown, overlay: unknown): unknown {
  if (!isMapping(base) || !isMapping(overlay)) return overlay;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overlay))
    merged[key] = Object.hasOwn(base, key) ? mergeData(base[key], value) : value;
  return merged;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The data OPA loads (`{ llmops: { params } }`) for the built-in file followed by the override
 * files, and every check override in order (a later override of the same id replaces an earlier one).
 */
export function combinePolicyData(
  builtin: PolicyDataFile,
  overrides: readonly PolicyDataFile[],
): { data: { llmops: { params: unknown } }; overrides: CheckOverrideDeclaration[] } {
  let params: unknown = builtin.params;
  const byId = new Map<string, CheckOverrideDeclaration>();
  for (const file of [builtin, ...overrides]) {
    params = mergeData(params, file.params);
    for (const override of file.overrides) byId.set(override.id, override);
  }
  return { data: { llmops: { params } }, overrides: [...byId.values()] };
}
