/**
 * Hardened YAML/JSON parsing that keeps source positions.
 *
 * YAML goes through the `yaml` library (duplicate-key detection and node ranges), behind a
 * fast path (parse-yaml-fast.ts) that returns the same values for plain documents; their
 * positions are read from the block structure (locate-block-yaml.ts), or from `yaml` where that
 * reading is unsure, and only when a finding asks for one. Files named *.json take
 * parse-json.ts instead: the same rules, a strict JSON grammar, and a fraction of the time and
 * memory on large inputs.
 */
import { createRequire } from "node:module";
import type { Document, LineCounter, Node as YamlNode } from "yaml";
import { InputError } from "./input-error.js";
import { parseJsonDocument } from "./parse-json.js";
import { parseYamlFast } from "./parse-yaml-fast.js";
import { UNSURE, blockYamlLocator } from "./locate-block-yaml.js";
import { FORBIDDEN_KEYS, REFUSALS, pointerSegments } from "./document-rules.js";
import type { ParseLimits, ParsedDocument, Position } from "./parsed-document.js";

export type { ParseLimits, ParsedDocument, Position } from "./parsed-document.js";

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxDepth: 64, skipEmptyDocuments: false };

let yamlModule: typeof import("yaml") | undefined;
/**
 * The `yaml` library, loaded on first use: the fast path answers most documents without it, and
 * loading it costs about a tenth of a one-file `llmops check` (bench/results/small-input.md). Its
 * "node" export is CommonJS, so this is the same instance an `import "yaml"` elsewhere gets.
 */
function yaml(): typeof import("yaml") {
  return (yamlModule ??= createRequire(import.meta.url)("yaml") as typeof import("yaml"));
}

/**
 * Parses every document of a YAML stream, or the one document of a `.json` file, into plain values
 * that can locate a JSON Pointer in the source (1-based line and column). Empty and null documents
 * are refused, or skipped under `limits.skipEmptyDocuments`. Throws InputError, with a position where
 * there is one, on anything refused: an empty file, invalid syntax, aliases, custom tags, duplicate
 * or prototype-reaching keys, nesting deeper than `limits.maxDepth`.
 */
export function parseDocuments(
  text: string,
  file: string,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): ParsedDocument[] {
  const source = withoutByteOrderMarks(text);
  if (source.trim() === "") throw new InputError("file is empty; expected a YAML or JSON document", file);
  // JSON has its own fast path (one document, positions built only when asked for).
  if (/\.json$/i.test(file)) return [parseJsonDocument(source, file, limits)];
  const fast = parseYamlFast(source, limits.maxDepth, limits.skipEmptyDocuments);
  if (fast === undefined) return parseWithYaml(source, file, limits);
  // Positions: read from the block structure where that is certain, else from a `yaml` parse made once.
  let blockLocate: ReturnType<typeof blockYamlLocator> | undefined;
  let positioned: ParsedDocument[] | undefined;
  const documents: ParsedDocument[] = [];
  fast.forEach((value, index) => {
    if (value === null || value === undefined) return; // skipped, as the `yaml` path skips it
    documents.push({
      file,
      index,
      value,
      locate: (pointer, at = "value") => {
        const answer = (blockLocate ??= blockYamlLocator(source, locateInFlow))(index, pointer, at);
        if (answer !== UNSURE) return answer;
        // `index` counts every document of the stream, skipped ones included.
        return (positioned ??= parseWithYaml(source, file, limits))
          .find((document) => document.index === index)
          ?.locate(pointer, at);
      },
    });
  });
  if (documents.length === 0)
    throw new InputError("file holds no document (only empty, comment-only or null documents)", file);
  return documents;
}

/**
 * A byte-order mark may start any document of a stream (YAML 1.2 §5.2; kubectl's reader drops
 * it): removed where a line starts with one. Columns on that line shift left by one.
 */
export function withoutByteOrderMarks(text: string): string {
  return text.includes("\uFEFF") ? text.replace(/(^|\n)\uFEFF/g, "$1") : text;
}

/** Positions inside a one-line flow collection (see locate-block-yaml.ts). */
export function locateInFlow(fragment: string, pointer: string, at: "key" | "value"): Position | undefined {
  try {
    return parseWithYaml(fragment, "(fragment)")[0]?.locate(pointer, at);
  } catch {
    return undefined;
  }
}

/** The authoritative path: every refusal with its position, and positions for findings. */
export function parseWithYaml(
  source: string,
  file: string,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): ParsedDocument[] {
  const { LineCounter, isScalar, parseAllDocuments } = yaml();
  const lineCounter = new LineCounter();

  const documents = parseAllDocuments(source, {
    version: "1.2",
    schema: "core",
    merge: false,
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
    lineCounter,
    keepSourceTokens: false,
  });
  if (!Array.isArray(documents)) throw new InputError("file holds no document", file);

  const result: ParsedDocument[] = [];
  documents.forEach((document, index) => {
    const problem = document.errors[0] ?? document.warnings.find((w) => w.code === "TAG_RESOLVE_FAILED");
    if (problem) {
      const offset = problem.pos[0];
      const { line, col } = lineCounter.linePos(offset);
      throw new InputError(describeYamlError(problem.code, problem.message), file, line, col);
    }
    // Empty and comment-only documents have no contents; `null` and `~` documents hold a null scalar.
    const empty = document.contents === null || (isScalar(document.contents) && document.contents.value === null);
    if (empty && limits.skipEmptyDocuments) return;
    if (document.contents === null) {
      const where = documents.length > 1 ? ` (document ${index + 1})` : "";
      throw new InputError(`empty document${where}; expected a mapping`, file, ...startOf(document, lineCounter));
    }
    checkNodes(document, file, lineCounter, limits.maxDepth);
    const value: unknown = document.toJS({ maxAliasCount: 0 });
    result.push({
      file,
      index,
      value,
      locate: (pointer, at = "value") => locateInDocument(document, lineCounter, pointer, at),
    });
  });
  if (result.length === 0)
    throw new InputError("file holds no document (only empty, comment-only or null documents)", file);
  return result;
}

function startOf(document: Document, lineCounter: LineCounter): [number, number] {
  const offset = document.range?.[0] ?? 0;
  const { line, col } = lineCounter.linePos(offset);
  return [line, col];
}

function describeYamlError(code: string, message: string): string {
  const firstLine = message.split("\n")[0] ?? message;
  const withoutPosition = firstLine.replace(/ at line \d+, column \d+:?$/, "");
  switch (code) {
    case "DUPLICATE_KEY":
      return REFUSALS.duplicateKey;
    case "RESOURCE_EXHAUSTION":
      return "document is nested too deeply to parse";
    case "TAB_AS_INDENT":
      return "tab character used for indentation; YAML indentation must use spaces";
    case "TAG_RESOLVE_FAILED":
      return `${withoutPosition}; custom tags are not allowed`;
    default:
      return `invalid YAML: ${withoutPosition}`;
  }
}

/**
 * One iterative walk over the tree: refuses aliases (billion laughs), prototype keys
 * and nesting beyond the cap, before anything is turned into JavaScript values.
 */
function checkNodes(document: Document, file: string, lineCounter: LineCounter, maxDepth: number): void {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yaml();
  const stack: Array<{ node: unknown; depth: number }> = [{ node: document.contents, depth: 1 }];
  const fail = (message: string, node: unknown): never => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    const { line, col } = lineCounter.linePos(range?.[0] ?? 0);
    throw new InputError(message, file, line, col);
  };
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node === null || node === undefined) continue;
    if (isAlias(node)) fail("YAML aliases are not allowed (they can expand without bound)", node);
    if (isMap(node) || isSeq(node)) {
      if (depth > maxDepth) fail(REFUSALS.tooDeep(maxDepth), node);
      for (const item of node.items) {
        if (isPair(item)) {
          if (isAlias(item.key)) fail("YAML aliases are not allowed as keys", item.key);
          const key = isScalar(item.key) ? item.key.value : undefined;
          if (isMap(item.key) || isSeq(item.key)) fail("complex (non-scalar) keys are not allowed", item.key);
          if (typeof key === "string" && FORBIDDEN_KEYS.has(key)) fail(REFUSALS.forbiddenKey(key), item.key);
          stack.push({ node: item.value, depth: depth + 1 });
        } else {
          stack.push({ node: item, depth: depth + 1 });
        }
      }
    }
  }
}

function locateInDocument(
  document: Document,
  lineCounter: LineCounter,
  pointer: string,
  at: "key" | "value",
): Position | undefined {
  const { isMap, isScalar, isSeq } = yaml();
  const segments = pointerSegments(pointer);
  let node: unknown = document.contents;
  let keyNode: unknown;
  for (const segment of segments) {
    let next: unknown;
    keyNode = undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      if (pair) {
        next = pair.value ?? pair.key;
        keyNode = pair.key;
      }
    } else if (isSeq(node)) {
      next = node.items[Number(segment)];
    }
    if (next === undefined || next === null) break;
    node = next;
  }
  const target = at === "key" && keyNode ? keyNode : node;
  const range = (target as YamlNode | null)?.range;
  if (!range) return undefined;
  const { line, col } = lineCounter.linePos(range[0]);
  return { line, column: col };
}
