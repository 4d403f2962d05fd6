/**
 * The YAML fast path (js-yaml) against the authority (`yaml`): on any text, the fast path either
 * declines or returns exactly the values the `yaml` path returns, and it never accepts what the
 * `yaml` path refuses. Checked on every committed YAML file and on generated and mutated
 * documents (LLMOPS_FUZZ_RUNS raises the number of generated cases).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as fc from "fast-check";
import jsyaml from "js-yaml";
import { stringify, type ToStringOptions } from "yaml";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_PARSE_LIMITS,
  locateInFlow,
  parseDocuments,
  parseWithYaml,
  type ParsedDocument,
} from "../input/parse-documents.js";
import { declinedBeforeParsing, parseYamlFast } from "../input/parse-yaml-fast.js";
import { UNSURE, blockYamlLocator } from "../input/locate-block-yaml.js";
import { pointerOf } from "../input/document-rules.js";
import { ROOT } from "./helpers/cli.js";

const RUNS = Number(process.env.LLMOPS_FUZZ_RUNS) || 400;
const MAX_DEPTH = DEFAULT_PARSE_LIMITS.maxDepth;

type Outcome = { kind: "declined" } | { kind: "values"; values: unknown[] } | { kind: "refused"; message: string };

function authority(text: string): Outcome {
  try {
    return { kind: "values", values: parseWithYaml(text, "doc.yaml").map((document) => document.value) };
  } catch (error) {
    return { kind: "refused", message: (error as Error).message };
  }
}

/** The property: a fast answer is the authority's answer. Returns whether the fast path answered. */
function agrees(text: string): boolean {
  const fast = parseYamlFast(text, MAX_DEPTH);
  if (fast === undefined) return false;
  const slow = authority(text);
  expect(slow, `the fast path accepted text the yaml path refuses:\n${text}`).toMatchObject({ kind: "values" });
  expect(fast, `values differ for:\n${text}`).toEqual((slow as { values: unknown[] }).values);
  return true;
}

const yamlFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir))
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => join(ROOT, dir, file));

// Strings YAML treats specially somewhere: core-schema lookalikes, YAML 1.1 forms, indicators, quotes, unicode.
const trickyString = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "null",
    "Null",
    "NULL",
    "~",
    "true",
    "True",
    "TRUE",
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "0",
    "-0",
    "+1",
    "007",
    "0o17",
    "0x1F",
    "0b101",
    "1_000",
    "1e3",
    "1E-3",
    ".5",
    "5.",
    "1.50",
    "+.inf",
    "-.Inf",
    ".nan",
    ".NaN",
    "12345678901234567890",
    "2026-11-29",
    "12:30:45",
    "<<",
    "=",
    "- a",
    "a: b",
    "a #b",
    "#c",
    "[a]",
    "{a: 1}",
    "'q'",
    '"q"',
    "line\nbreak",
    "trailing ",
    " leading",
    "a\\nb",
    "tab\there",
    "é ü 漢字 🙂",
    "---",
    "...",
    "%YAML",
    "@at",
    "`tick",
    "|",
    ">",
    "?",
  ),
  fc.string({
    unit: fc.constantFrom(
      "a",
      "b",
      " ",
      ":",
      "#",
      "-",
      "'",
      '"',
      "\\",
      "\n",
      "0",
      "1",
      ".",
      "e",
      ",",
      "[",
      "]",
      "{",
      "}",
      "é",
    ),
    maxLength: 12,
  }),
);
const key = fc.oneof(fc.constantFrom("a", "b", "name", "1", "true", "x y", "k:v", "-", "é"), trickyString);
const leaf = fc.oneof(trickyString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const tree = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("list"), tie("map")),
  list: fc.array(tie("value"), { maxLength: 4 }),
  map: fc.dictionary(key, tie("value"), { maxKeys: 4 }),
})).map;

const yamlOptions = fc.record({
  defaultStringType: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL", "BLOCK_FOLDED"),
  defaultKeyType: fc.constantFrom(null, "PLAIN", "QUOTE_DOUBLE"),
  lineWidth: fc.constantFrom(0, 8, 20, 80),
  minContentWidth: fc.constantFrom(0, 4, 20),
  indent: fc.constantFrom(2, 4),
  indentSeq: fc.boolean(),
  collectionStyle: fc.constantFrom("any", "block", "flow"),
});

/** Renders a value as YAML in one of many styles, by either library. */
const document = fc.oneof(
  fc.tuple(tree, yamlOptions).map(([value, options]) => stringify(value, options as ToStringOptions)),
  fc
    .tuple(tree, fc.constantFrom(-1, 10, 40), fc.boolean())
    .map(([value, flowLevel, forceQuotes]) =>
      jsyaml.dump(value, { flowLevel, forceQuotes, lineWidth: 20, noRefs: true }),
    ),
);

/** Small edits with YAML's significant characters: what a hand-edited file or an attacker produces. */
const edited = fc
  .tuple(
    document,
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom("insert", "delete", "indent", "join"),
        fc.constantFrom(
          " ",
          "  ",
          "\n",
          ":",
          ": ",
          "- ",
          "#",
          "'",
          '"',
          "\\",
          "[",
          "]",
          "{",
          "}",
          ",",
          "|",
          ">",
          "-",
          "---\n",
          "...\n",
          "é",
          "\u0085",
          "\u2028",
          "\u00a0",
          "\ufeff",
          "\u0007",
        ),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([text, edits]) =>
    edits.reduce((current, [at, kind, piece]) => {
      const i = current.length === 0 ? 0 : at % current.length;
      switch (kind) {
        case "insert":
          return current.slice(0, i) + piece + current.slice(i);
        case "delete":
          return current.slice(0, i) + current.slice(i + 1);
        case "indent": {
          const lineStart = current.lastIndexOf("\n", i) + 1;
          return `${current.slice(0, lineStart)} ${current.slice(lineStart)}`;
        }
        default: {
          const end = current.indexOf("\n", i);
          return end === -1 ? current : current.slice(0, end) + current.slice(end + 1);
        }
      }
    }, text),
  );

describe("YAML fast path", () => {
  it("answers for every committed example and agrees with the yaml path", () => {
    const files = [...yamlFiles("examples"), ...yamlFiles("examples/runtime")];
    const answered = files.filter((file) => agrees(readFileSync(file, "utf8")));
    // The examples are plain YAML: if the fast path declined them it would not be a fast path. A
    // runtime example may hold text the fast path declines by design before parsing (an nginx
    // config in a ConfigMap, whose braces span lines): that one is left to the yaml path.
    const plain = (file: string): boolean => !declinedBeforeParsing(readFileSync(file, "utf8"));
    expect(answered.length).toBe(
      yamlFiles("examples").length +
        yamlFiles("examples/runtime").filter((f) => plain(f) && !/---\s*$/.test(readFileSync(f, "utf8"))).length,
    );
    expect(yamlFiles("examples").every(plain)).toBe(true);
  });

  it("declines every committed bad input, so refusals keep their yaml-path messages and positions", () => {
    for (const file of yamlFiles("test/bad-inputs")) {
      const text = readFileSync(file, "utf8");
      const slow = authority(text);
      if (slow.kind === "refused") expect(parseYamlFast(text, MAX_DEPTH), file).toBeUndefined();
      else agrees(text);
    }
  });

  it("returns the yaml path's values for generated documents in many styles", () => {
    let answered = 0;
    fc.assert(
      fc.property(document, (text) => {
        if (agrees(text)) answered += 1;
      }),
      { numRuns: RUNS },
    );
    // Most generated documents are plain enough for the fast path; record that it was exercised.
    expect(answered).toBeGreaterThan(RUNS / 4);
  });

  it("never accepts an edited document the yaml path refuses, nor reads one differently", () => {
    fc.assert(
      fc.property(edited, (text) => {
        agrees(text);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("gives every pointer the yaml path's position without parsing again, or leaves it to yaml", () => {
    let sure = 0;
    let unsure = 0;
    const check = (text: string) => {
      if (parseYamlFast(text, MAX_DEPTH) === undefined) return;
      const locate = blockYamlLocator(text, locateInFlow);
      for (const [index, slow] of parseWithYaml(text, "doc.yaml").entries()) checkDocument(index, slow, locate);
    };
    const checkDocument = (index: number, slow: ParsedDocument, locate: ReturnType<typeof blockYamlLocator>) => {
      // Every path in the document, and a missing child under each (yaml answers the nearest ancestor).
      const pointers = (value: unknown, segments: string[] = []): string[] => [
        pointerOf(segments),
        pointerOf([...segments, "missing"]),
        ...(value !== null && typeof value === "object"
          ? Object.entries(value).flatMap(([k, v]) => pointers(v, [...segments, k]))
          : []),
      ];
      for (const pointer of pointers(slow.value)) {
        for (const at of ["value", "key"] as const) {
          const answer = locate(index, pointer, at);
          if (answer === UNSURE) {
            unsure += 1;
            continue;
          }
          sure += 1;
          expect(answer, `${at} of ${pointer} in document ${index}`).toEqual(slow.locate(pointer, at));
        }
      }
    };
    for (const file of [...yamlFiles("examples"), ...yamlFiles("examples/runtime"), ...yamlFiles("test/bad-inputs")])
      check(readFileSync(file, "utf8"));
    // Streams of several documents, as in rendered Kubernetes manifests.
    const stream = fc.array(document, { minLength: 2, maxLength: 3 }).map((documents) => documents.join("---\n"));
    fc.assert(fc.property(fc.oneof(document, edited, stream), check), { numRuns: RUNS });
    expect(sure).toBeGreaterThan(4 * unsure);
  });

  it("gives findings the yaml path's positions, computed only when asked for", () => {
    const text = "apiVersion: v1\nkind: Thing\nspec:\n  models:\n    - name: a\n      role: primary\n";
    const [fast] = parseDocuments(text, "doc.yaml");
    const [slow] = parseWithYaml(text, "doc.yaml");
    for (const pointer of ["/kind", "/spec/models/0/role", "/spec/models/0/missing", ""]) {
      expect(fast!.locate(pointer), pointer).toEqual(slow!.locate(pointer));
      expect(fast!.locate(pointer, "key"), pointer).toEqual(slow!.locate(pointer, "key"));
    }
  });

  it("leaves nesting beyond the cap to the yaml path's refusal", () => {
    const deep = `a: ${"[".repeat(MAX_DEPTH + 1)}${"]".repeat(MAX_DEPTH + 1)}\n`;
    expect(parseYamlFast(deep, MAX_DEPTH)).toBeUndefined();
    expect(() => parseDocuments(deep, "deep.yaml")).toThrow(/nesting deeper than 64 levels/);
    const huge = `a: ${"[".repeat(100_000)}\n`;
    expect(parseYamlFast(huge, MAX_DEPTH)).toBeUndefined();
  });
});
