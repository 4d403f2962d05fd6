/**
 * JSON Lines input for `llmops evidence score`, read with the same rules as every other input:
 * size cap and strict UTF-8 (source-file.ts), then each non-blank line through the strict JSON
 * parser (duplicate keys, __proto__ and depth refused), with errors at the file's own line.
 */
import { InputError } from "../input/input-error.js";
import { parseJsonDocument } from "../input/parse-json.js";
import { DEFAULT_PARSE_LIMITS } from "../input/parse-documents.js";
import { readSourceText } from "../input/source-file.js";

/** Prediction and reference files may be larger than a spec: 64 MiB. */
export const MAX_JSONL_BYTES = 64 * 1024 * 1024;

export interface JsonLine {
  readonly line: number;
  readonly value: unknown;
}

/** Every non-blank line of a JSONL file, parsed. @throws InputError with file:line:column */
export function readJsonLines(file: string): JsonLine[] {
  const text = readSourceText(file, MAX_JSONL_BYTES);
  const lines: JsonLine[] = [];
  text.split("\n").forEach((raw, index) => {
    const source = raw.replace(/\r$/, "");
    if (source.trim() === "") return;
    try {
      lines.push({ line: index + 1, value: parseJsonDocument(source, file, DEFAULT_PARSE_LIMITS).value });
    } catch (error) {
      if (error instanceof InputError) throw new InputError(error.message, file, index + 1, error.column);
      throw error;
    }
  });
  if (lines.length === 0) throw new InputError("no JSON lines; expected one object a line", file);
  return lines;
}

/** Reads `{"id", <field>}` objects keyed by id; a repeated id, a missing or mistyped field is an error. */
export function readKeyed<T>(
  file: string,
  field: string,
  check: (value: unknown) => value is T,
  expected: string,
): Map<string, T> {
  const entries = new Map<string, T>();
  for (const { line, value } of readJsonLines(file)) {
    const record = value as Record<string, unknown> | null;
    if (record === null || typeof record !== "object" || Array.isArray(record))
      throw new InputError(`expected an object with "id" and "${field}"`, file, line, 1);
    const id = record.id;
    if (typeof id !== "string" || id === "") throw new InputError('"id" must be a non-empty string', file, line, 1);
    if (entries.has(id)) throw new InputError(`id ${JSON.stringify(id)} appears twice`, file, line, 1);
    if (!check(record[field])) throw new InputError(`"${field}" must be ${expected}`, file, line, 1);
    entries.set(id, record[field]);
  }
  return entries;
}
