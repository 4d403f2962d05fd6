/**
 * Hardened JSON parsing with positions, for .json inputs (plans, previews, stack exports,
 * `kubectl -o json`), which can be tens of megabytes.
 *
 * The YAML path (parse-documents.ts) builds a positioned node for every value, which costs
 * seconds and most of the heap on an 18 MB stack export. Here one pass of jsonc-parser's
 * scanner enforces the rules (strict grammar: no comments, no trailing commas; duplicate keys,
 * prototype keys and nesting beyond the cap refused, each with file:line:column), the native
 * JSON.parse builds the value, and the positioned tree is built only when a finding asks for a
 * position.
 */
import { createRequire } from "node:module";
import type { Node as JsonNode, ParseErrorCode } from "jsonc-parser";
import { InputError } from "./input-error.js";
import type { ParseLimits, ParsedDocument, Position } from "./parsed-document.js";
import { FORBIDDEN_KEYS, REFUSALS, pointerSegments } from "./document-rules.js";

const ERROR_TEXT: Partial<Record<string, string>> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "malformed number",
  PropertyNameExpected: "expected a property name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: "expected ':' after a property name",
  CommaExpected: "expected ',' between values",
  CloseBraceExpected: "expected ',' or '}'",
  CloseBracketExpected: "expected ',' or ']'",
  EndOfFileExpected: "unexpected content after the JSON value",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "comments are not allowed in JSON",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "malformed number",
  InvalidUnicode: "invalid \\u escape",
  InvalidEscapeCharacter: "invalid escape character",
  InvalidCharacter: "control character in a string",
};

let jsoncModule: typeof import("jsonc-parser") | undefined;
/** jsonc-parser, loaded when a .json file is first read (its "main" is CommonJS: one instance either way). */
function jsonc(): typeof import("jsonc-parser") {
  return (jsoncModule ??= createRequire(import.meta.url)("jsonc-parser") as typeof import("jsonc-parser"));
}

/**
 * Parses one strict JSON document (RFC 8259: no comments, no trailing commas) into plain values
 * that can locate a JSON Pointer (1-based line and column; positions are built on first use).
 * Throws InputError with the position of the first syntax error, a duplicate or prototype-reaching
 * key, or nesting deeper than `limits.maxDepth`.
 */
export function parseJsonDocument(source: string, file: string, limits: ParseLimits): ParsedDocument {
  const { parseTree, printParseErrorCode, visit } = jsonc();
  const lines = lineStarts(source);
  const fail = (message: string, offset: number): never => {
    const { line, column } = position(lines, offset);
    throw new InputError(message, file, line, column);
  };

  // Each open object keeps the keys seen so far; duplicates and prototype keys are refused.
  const open: Array<Set<string> | null> = [];
  let depth = 0;
  const enter = (offset: number, keys: Set<string> | null) => {
    depth += 1;
    if (depth > limits.maxDepth) fail(REFUSALS.tooDeep(limits.maxDepth), offset);
    open.push(keys);
  };
  visit(
    source,
    {
      onObjectBegin: (offset) => enter(offset, new Set()),
      onArrayBegin: (offset) => enter(offset, null),
      onObjectEnd: () => {
        depth -= 1;
        open.pop();
      },
      onArrayEnd: () => {
        depth -= 1;
        open.pop();
      },
      onObjectProperty: (property, offset) => {
        if (FORBIDDEN_KEYS.has(property)) fail(REFUSALS.forbiddenKey(property), offset);
        const keys = open[open.length - 1];
        if (keys?.has(property)) fail(REFUSALS.duplicateKey, offset);
        keys?.add(property);
      },
      onComment: (offset) => fail("invalid JSON: comments are not allowed in JSON", offset),
      onError: (error: ParseErrorCode, offset) => {
        const code = printParseErrorCode(error);
        fail(`invalid JSON: ${ERROR_TEXT[code] ?? code}`, offset);
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );

  // The grammar was checked above, so this parse cannot fail on syntax.
  const value: unknown = JSON.parse(source);
  let tree: JsonNode | undefined;
  return {
    file,
    index: 0,
    value,
    locate: (pointer: string, at: "key" | "value" = "value"): Position | undefined => {
      tree ??= parseTree(source, [], { disallowComments: true });
      if (!tree) return undefined;
      const segments = pointerSegments(pointer);
      // Walk down as far as the pointer exists: the nearest existing ancestor, as the YAML path does.
      let node: JsonNode = tree;
      let key: JsonNode | undefined;
      for (const segment of segments) {
        let next: JsonNode | undefined;
        key = undefined;
        if (node.type === "object") {
          const property = node.children?.find((child) => child.children?.[0]?.value === segment);
          next = property?.children?.[1];
          key = property?.children?.[0];
        } else if (node.type === "array") {
          next = node.children?.[Number(segment)];
        }
        if (!next) break;
        node = next;
      }
      return position(lines, (at === "key" && key ? key : node).offset);
    },
  };
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let index = source.indexOf("\n"); index !== -1; index = source.indexOf("\n", index + 1)) starts.push(index + 1);
  return starts;
}

function position(starts: readonly number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}
