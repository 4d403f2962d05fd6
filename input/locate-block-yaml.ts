/**
 * Source positions for the YAML fast path without a second parse. Most spec files that reach
 * the policies have findings, and re-parsing each with `yaml` just for positions cost as much
 * as the parse the fast path saved.
 *
 * It reads the block structure from lines and indentation: mappings of simple keys, sequences
 * of "- " items, and leaves. It only runs on text the fast path accepted (so no tabs, anchors,
 * tags, multi-line flow collections or explicit keys), hands one-line flow collections to `yaml`
 * (a few bytes), and answers UNSURE wherever its reading could differ from `yaml`'s (quoted keys
 * with YAML-only escapes, keys that resolve to non-strings, several documents); the caller then
 * asks `yaml` for the whole file.
 * Its answers equal `yaml`'s for every pointer (test/yaml-fast-path.test.ts checks them
 * differentially), including `yaml`'s "nearest existing ancestor" for pointers that do not exist.
 */
import type { Position } from "./parsed-document.js";
import { pointerOf, pointerSegments } from "./document-rules.js";
import { resolvesToNonString } from "./parse-yaml-fast.js";

/** The locator's answer where its reading of the text could differ from `yaml`'s. */
export const UNSURE = Symbol("unsure");
type Answer = Position | typeof UNSURE;

/** A node's first character: 0-based line and column. */
interface At {
  readonly line: number;
  readonly column: number;
}

interface Entry {
  readonly key: At;
  /** The value's first character, or UNSURE. */
  readonly value: At | typeof UNSURE;
}

/** Locates a pointer inside a one-line flow collection, parsed on its own by `yaml`. */
export type FlowLocator = (fragment: string, pointer: string, at: "key" | "value") => Position | undefined;

/**
 * Reads `source`'s block structure once and returns a locator: for document `index` (counting
 * every document of the stream), the 1-based line and column of `pointer`'s key or value (or of
 * its nearest existing ancestor), or UNSURE where only a `yaml` parse can tell. Never throws.
 */
export function blockYamlLocator(
  source: string,
  locateInFlow: FlowLocator,
): (index: number, pointer: string, at: "key" | "value") => Answer {
  const lines = source.split("\n");
  const documents = documentsOf(lines);
  return (index, pointer, at) => {
    const document = documents === UNSURE ? undefined : documents[index];
    if (!document) return UNSURE;
    const { end } = document;
    let node: At = document.root;
    let key: At | undefined;
    const segments = pointerSegments(pointer);
    for (const [depth, segment] of segments.entries()) {
      key = undefined;
      const text = lines[node.line]!.slice(node.column);
      let next: At | typeof UNSURE | undefined;
      if (isSequenceItem(text)) {
        const items = sequenceItems(lines, end, node);
        if (items === UNSURE) return UNSURE;
        next = items[Number(segment)];
      } else if (readKey(text) !== undefined) {
        const entries = mappingEntries(lines, end, node);
        if (entries === UNSURE) return UNSURE;
        const entry = entries.get(segment);
        if (entry) {
          key = entry.key;
          next = entry.value;
        }
      } else if (/^[[{]/.test(text)) {
        // The fast path only accepts flow collections that close on their line: `yaml` reads
        // that line on its own, and its columns are shifted back into place.
        const inner = locateInFlow(text, pointerOf(segments.slice(depth)), at);
        if (inner?.line !== 1) return UNSURE;
        return { line: node.line + 1, column: node.column + inner.column };
      }
      if (next === UNSURE) return UNSURE;
      if (next === undefined) break;
      node = next;
    }
    const target = at === "key" && key ? key : node;
    return { line: target.line + 1, column: target.column + 1 };
  };
}

/**
 * Each document's first node and the line its document ends before. Documents are separated by
 * "---" lines (the fast path declines markers with text after them and empty documents);
 * comments before the first marker are not a document of their own.
 */
function documentsOf(lines: readonly string[]): Array<{ root: At; end: number }> | typeof UNSURE {
  const documents: Array<{ root: At; end: number }> = [];
  let root: At | undefined;
  let seenMarker = false;
  for (let line = 0; line <= lines.length; line++) {
    const text = lines[line];
    if (text === "...") return UNSURE;
    if (text === "---" || text === undefined) {
      if (root !== undefined) documents.push({ root, end: line });
      else if (seenMarker || text === undefined) return UNSURE; // an empty document
      root = undefined;
      seenMarker = true;
      continue;
    }
    if (root === undefined && !skippable(text)) {
      // `yaml` starts an indented first line's mapping at the line start, unless a comment or marker came first.
      if (indentOf(text) > 0 && lines.slice(0, line).every((before) => /^ *$/.test(before))) return UNSURE;
      root = { line, column: indentOf(text) };
    }
  }
  return documents;
}

function mappingEntries(lines: readonly string[], end: number, map: At): Map<string, Entry> | typeof UNSURE {
  const entries = new Map<string, Entry>();
  for (const { line, text, indent } of blockLines(lines, end, map)) {
    // Deeper lines, and a "- " sequence at the key's own indentation, belong to the last value.
    if (line > map.line && (indent > map.column || isSequenceItem(text.slice(indent)))) continue;
    const key = readKey(text.slice(map.column));
    if (key === undefined || key === UNSURE) return UNSURE;
    entries.set(key.name, {
      key: { line, column: map.column },
      value: valueOf(lines, end, line, map.column, map.column + key.end),
    });
  }
  return entries;
}

/** Where the value after "key:" starts: on the same line, on the next content line, or (null) right after the colon. */
function valueOf(
  lines: readonly string[],
  end: number,
  line: number,
  keyColumn: number,
  afterColon: number,
): At | typeof UNSURE {
  const text = lines[line]!;
  const inline = /^ *(?=[^ ])/.exec(text.slice(afterColon));
  const first = inline ? afterColon + inline[0].length : -1;
  if (first !== -1 && text[first] !== "#") return { line, column: first };
  for (let next = line + 1; next < end; next++) {
    const candidate = lines[next]!;
    if (skippable(candidate)) continue;
    const indent = indentOf(candidate);
    if (indent > keyColumn || (indent === keyColumn && isSequenceItem(candidate.slice(indent))))
      return { line: next, column: indent };
    break;
  }
  // An empty value: `yaml` places the null right after the colon, unless spaces or a comment follow.
  return afterColon === text.length ? { line, column: afterColon } : UNSURE;
}

function sequenceItems(lines: readonly string[], end: number, sequence: At): At[] | typeof UNSURE {
  const items: At[] = [];
  for (const { line, text, indent } of blockLines(lines, end, sequence)) {
    if (line > sequence.line) {
      if (indent > sequence.column) continue; // inside the last item
      if (!isSequenceItem(text.slice(indent))) break; // a key of the enclosing mapping
    }
    const content = /^- +(?=[^ ])/.exec(text.slice(sequence.column));
    if (!content) return UNSURE;
    items.push({ line, column: sequence.column + content[0].length });
  }
  return items;
}

/** The node's own line, then each content line after it, until one is indented less than the node. */
function* blockLines(
  lines: readonly string[],
  end: number,
  node: At,
): Generator<{ line: number; text: string; indent: number }> {
  yield { line: node.line, text: lines[node.line]!, indent: node.column };
  for (let line = node.line + 1; line < end; line++) {
    const text = lines[line]!;
    if (skippable(text)) continue;
    const indent = indentOf(text);
    if (indent < node.column) return;
    yield { line, text, indent };
  }
}

/**
 * The key at the start of `text` and the index just past its colon; undefined when the text is
 * not a "key:" line, UNSURE when it is one this reader cannot spell as `yaml` would.
 */
function readKey(text: string): { name: string; end: number } | typeof UNSURE | undefined {
  if (text.startsWith('"')) {
    const close = /^"((?:[^"\\]|\\.)*)" *:(?: |$)/.exec(text);
    if (!close) return undefined;
    try {
      return { name: JSON.parse(`"${close[1]}"`) as string, end: close[0].replace(/ +$/, "").length };
    } catch {
      return UNSURE; // an escape YAML has and JSON does not
    }
  }
  if (text.startsWith("'")) {
    const close = /^'((?:[^']|'')*)' *:(?: |$)/.exec(text);
    return close ? { name: close[1]!.replace(/''/g, "'"), end: close[0].replace(/ +$/, "").length } : undefined;
  }
  if (/^[-?:,[\]{}#&*!|>%@`]/.test(text) && !/^[-?:][^ ]/.test(text)) return undefined;
  const colon = /:(?: |$)/.exec(text);
  if (!colon) return undefined;
  const name = text.slice(0, colon.index);
  if (/ #/.test(name)) return undefined; // the colon is inside a comment
  // Spaces before the colon, and keys that resolve to non-strings, are spelt differently by the parsers.
  if (name.endsWith(" ") || resolvesToNonString(name)) return UNSURE;
  return { name, end: colon.index + 1 };
}

function isSequenceItem(text: string): boolean {
  return text === "-" || text.startsWith("- ");
}

// YAML indents with spaces only (the fast path declines tabs); String.trim would also eat U+FEFF and U+00A0.
function skippable(text: string): boolean {
  return /^ *(?:#|$)/.test(text);
}

function indentOf(text: string): number {
  return /^ */.exec(text)![0].length;
}
