/**
 * The spec loader: read → parse (hardened) → check document type → schema-validate with
 * defaults applied. Unparseable input throws InputError (exit 2); schema violations are
 * returned so they can be reported as findings (exit 1).
 */
import { InputError } from "../input/input-error.js";
import { parseDocuments, type ParsedDocument, type Position } from "../input/parse-documents.js";
import { readSourceText } from "../input/source-file.js";
import type { LLMOpsStack } from "./spec-schema.js";
import { documentTypeProblem, validateAgainstSchema, type SchemaViolation } from "./validate-schema.js";

export interface LoadedSpec {
  readonly file: string;
  readonly index: number;
  /** The document with defaults applied; typed as a spec only when `violations` is empty. */
  readonly value: LLMOpsStack;
  readonly violations: readonly (SchemaViolation & Partial<Position>)[];
  readonly locate: (pointer: string, at?: "key" | "value") => Position | undefined;
}

/**
 * Reads and loads every spec document of `file` (`<stdin>` for standard input). Throws InputError
 * when the file cannot be read or parsed; schema violations are returned, not thrown.
 */
export function loadSpecFile(file: string): LoadedSpec[] {
  return loadSpecText(readSourceText(file), file);
}

/**
 * Loads every spec document of `text` (named `file` in positions): each checked for its apiVersion
 * and kind, validated against the schema with defaults applied, its violations positioned. Throws
 * InputError when the text cannot be parsed.
 */
export function loadSpecText(text: string, file: string): LoadedSpec[] {
  return parseDocuments(text, file).map((document) => checkSpecDocument(document));
}

function checkSpecDocument(document: ParsedDocument): LoadedSpec {
  const problem = documentTypeProblem(document.value);
  if (problem) {
    const position = document.locate(problem.path);
    throw new InputError(problem.message, document.file, position?.line, position?.column);
  }
  const violations = validateAgainstSchema(document.value).map((violation) => ({
    ...violation,
    ...document.locate(violation.path, violation.at),
  }));
  return {
    file: document.file,
    index: document.index,
    value: document.value as LLMOpsStack,
    violations,
    locate: document.locate,
  };
}
