/**
 * The fast path for YAML: js-yaml, about 12x faster than `yaml` on spec files (parsing with
 * `yaml` was three quarters of bulk validation's CPU), for documents in a plain subset of YAML. The `yaml` path in
 * parse-documents.ts stays the authority.
 *
 * Contract: either decline (undefined) or return exactly the values the `yaml` path returns for
 * the same text; test/yaml-fast-path.test.ts checks this differentially on generated and mutated
 * documents. It declines before parsing on text it cannot vouch for (DECLINED_TEXT), and after
 * parsing on any js-yaml error or warning, empty or non-mapping documents, prototype keys, keys
 * js-yaml spells differently from `yaml` ("null"), shared nodes and nesting over the cap. So
 * every refusal, with its message and position, still comes from the `yaml` path, and positions
 * are computed by it only when a finding asks for one.
 */
import jsyaml from "js-yaml";
import { FORBIDDEN_KEYS } from "./document-rules.js";

/**
 * Text the fast path leaves to `yaml`: a conservative over-approximation of where the two
 * parsers can differ, each found by the differential test (a false alarm only costs speed).
 */
const DECLINED_TEXT = new RegExp(
  [
    /[\t\r\uFEFF]/, // tabs, carriage returns, and byte-order marks (a leading one is already stripped)
    /^%/, // directives
    /(?:^|[\s[\]{},]|["'\]}]:)[&*!]/, // node properties: &anchor, *alias, !tag
    /(?:^|[\s[{,])\?(?: |$)/, // explicit keys
    /[\]}] *:(?: |$)/, // a flow collection as a block key
    /[{,]\s*[{[]/, // a flow collection as a flow key
    /[[\]{}"':,]#/, // a comment not separated by white space: `yaml` refuses it, js-yaml does not
    /\\$/, // an escaped line break in a double-quoted scalar: folded differently
    /^ +$/, // lines of only spaces, and explicit block-scalar indentation: block scalars differ
    /[|>][-+]?[0-9]/,
    /(?:^|\s)- *(?:#.*)?$/, // a '-' with nothing after it on its line: nested differently
    /^(?:---|\.\.\.)./, // a document marker followed by anything on its line
  ]
    .map((pattern) => pattern.source)
    .join("|"),
  "m",
);

// The YAML 1.2 core schema exactly as `yaml` resolves plain scalars (yaml/dist/schema/core):
// js-yaml's own CORE_SCHEMA also accepts YAML 1.1 forms such as 1_000 and 0b101.
// Distinct tags per form: js-yaml keys its implicit types by tag.
const CORE_SCALARS: ReadonlyArray<{ tag: string; test: RegExp; construct: (text: string) => unknown }> = [
  { tag: "null", test: /^(?:~|[Nn]ull|NULL)?$/, construct: () => null },
  { tag: "bool", test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, construct: (text) => text[0] === "t" || text[0] === "T" },
  { tag: "int", test: /^0o[0-7]+$/, construct: (text) => parseInt(text.substring(2), 8) },
  { tag: "int#decimal", test: /^[-+]?[0-9]+$/, construct: (text) => parseInt(text, 10) },
  { tag: "int#hex", test: /^0x[0-9a-fA-F]+$/, construct: (text) => parseInt(text.substring(2), 16) },
  {
    tag: "float",
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    construct: (text) =>
      text.slice(-3).toLowerCase() === "nan"
        ? NaN
        : text[0] === "-"
          ? Number.NEGATIVE_INFINITY
          : Number.POSITIVE_INFINITY,
  },
  {
    tag: "float#exp",
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    construct: (text) => parseFloat(text),
  },
  { tag: "float#fixed", test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, construct: (text) => parseFloat(text) },
];

const CORE_1_2 = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: CORE_SCALARS.map(
    ({ tag, test, construct }) =>
      new jsyaml.Type(`tag:yaml.org,2002:${tag}`, {
        kind: "scalar",
        resolve: (text: unknown) => typeof text === "string" && test.test(text),
        construct,
      }),
  ),
});

/** Whether a plain scalar resolves to something other than a string (null, bool, number). */
export function resolvesToNonString(plain: string): boolean {
  return CORE_SCALARS.some(({ test }) => test.test(plain));
}

/**
 * Parses every document of a YAML stream, or declines (undefined) where `yaml` must decide.
 * With `allowEmpty`, empty, comment-only, `null` and `~` documents come back as null (both
 * parsers agree on these; the caller skips them as kubectl does); otherwise they decline.
 */
export function parseYamlFast(source: string, maxDepth: number, allowEmpty = false): unknown[] | undefined {
  if (declinedBeforeParsing(source)) return undefined;
  // maxDepth (js-yaml 4.3; not yet in @types/js-yaml) bounds the recursion, counting keys and
  // scalars too; the walk below enforces the collection-depth cap itself.
  const options: jsyaml.LoadOptions & { maxDepth: number } = {
    schema: CORE_1_2,
    json: false, // duplicate keys are errors
    maxDepth: 2 * maxDepth + 2,
    onWarning: (warning) => {
      throw warning; // abandons the fast path, like any error
    },
  };
  let documents: unknown[];
  try {
    documents = jsyaml.loadAll(source, null, options);
  } catch {
    return undefined;
  }
  if (documents.length === 0) return undefined;
  for (const document of documents) {
    if (allowEmpty && (document === null || document === undefined)) continue;
    if (!withinPlainSubset(document, maxDepth)) return undefined;
  }
  return documents;
}

/**
 * Whether brackets fail to balance within some line: a flow collection over several lines (a
 * comment inside one can hide a key from js-yaml). Brackets in strings and comments count too,
 * which only costs speed.
 */
function flowSpansLines(source: string): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 0x5b || code === 0x7b)
      depth += 1; // [ {
    else if (code === 0x5d || code === 0x7d)
      depth -= 1; // ] }
    else if (code === 0x0a && depth !== 0) return true;
  }
  return depth !== 0;
}

/** A mapping of plain data, no shared nodes, no prototype or "null" keys, nested within the cap. */
function withinPlainSubset(document: unknown, maxDepth: number): boolean {
  if (document === null || typeof document !== "object" || Array.isArray(document)) return false;
  const seen = new Set<object>();
  const stack: Array<{ value: unknown; depth: number }> = [{ value: document, depth: 1 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (depth > maxDepth || seen.has(value)) return false;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    // js-yaml writes a null key as "null" where `yaml` writes "", and a mapping key as "[object Object]".
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key) || key === "null" || key === "[object Object]") return false;
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return true;
}

/**
 * Does the fast path decline this text before parsing it (DECLINED_TEXT, or a flow collection
 * spanning lines)? Such text is left whole to the `yaml` path; exported for the tests' count of
 * what the fast path answers.
 */
export function declinedBeforeParsing(source: string): boolean {
  return DECLINED_TEXT.test(source) || flowSpansLines(source);
}
