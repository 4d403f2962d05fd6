/**
 * What the evidence and waiver loaders check first in a parsed document, written once: that it is
 * a mapping with this toolkit's apiVersion and the expected kind, valid under the kind's schema.
 * Every refusal is an InputError at the offending key or value.
 */
import type { ValidateFunction } from "ajv";
import { InputError } from "../input/input-error.js";
import type { ParsedDocument } from "../input/parsed-document.js";
import { API_VERSION } from "./spec-identity.js";
import { describe } from "./validate-schema.js";

/** Throws InputError at the position of `pointer`'s value (or key) in `document`, or at the file when it cannot be located. */
export function failAt(
  document: ParsedDocument,
  pointer: string,
  message: string,
  at: "key" | "value" = "value",
): never {
  const position = document.locate(pointer, at);
  throw new InputError(message, document.file, position?.line, position?.column);
}

/**
 * Checks that `document` is a mapping with `apiVersion: llmops/v1alpha1`, `kind: <kind>`, and valid
 * under `validate` (defaults applied in place, as ajv's validators do). Throws InputError at the
 * first problem; schema messages start with `what` ("evidence", "waiver file").
 */
export function checkKindAndSchema(
  document: ParsedDocument,
  kind: string,
  validate: ValidateFunction,
  what: string,
): void {
  const value = document.value as Record<string, unknown> | null;
  if (value === null || typeof value !== "object" || Array.isArray(value))
    failAt(document, "", `expected a mapping with apiVersion: ${API_VERSION} and kind: ${kind}`);
  if (value.apiVersion !== API_VERSION)
    failAt(
      document,
      "/apiVersion",
      `unsupported apiVersion ${JSON.stringify(value.apiVersion ?? null)}; expected ${API_VERSION}`,
    );
  if (value.kind !== kind)
    failAt(document, "/kind", `unsupported kind ${JSON.stringify(value.kind ?? null)}; expected ${kind}`);
  if (!validate(value)) {
    const violation = describe(validate.errors![0]!);
    failAt(document, violation.path, `${what} ${violation.message}`, violation.at);
  }
}
