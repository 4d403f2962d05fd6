/**
 * The bad-input corpus: every case exits 2 with one clear line naming the file (and the
 * line:column where there is one), and never a stack trace.
 */
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_BYTES } from "../input/source-file.js";
import { ROOT, hasStackTrace, runCli, tempDir } from "./helpers/cli.js";

const corpus = join(ROOT, "test/bad-inputs");
const generated = tempDir("llmops-bad-");

interface Case {
  readonly name: string;
  readonly file: string;
  /** Expected one-line error (after the file name). */
  readonly expected: RegExp;
  /** Whether a line:column must be present. */
  readonly positioned: boolean;
}

const committed: Case[] = [
  { name: "empty file", file: "empty.yaml", expected: /file is empty/, positioned: false },
  { name: "comments only", file: "comments-only.yaml", expected: /holds no document/, positioned: false },
  { name: "tab indentation", file: "tabs.yaml", expected: /tab/i, positioned: true },
  { name: "alias billion laughs", file: "billion-laughs.yaml", expected: /aliases are not allowed/, positioned: true },
  { name: "duplicate keys (YAML)", file: "duplicate-keys.yaml", expected: /duplicate key/, positioned: true },
  { name: "duplicate keys (JSON)", file: "duplicate-keys.json", expected: /duplicate key/, positioned: true },
  { name: "__proto__ key", file: "proto-key.yaml", expected: /key "__proto__" is not allowed/, positioned: true },
  {
    name: "constructor key (JSON)",
    file: "constructor-key.json",
    expected: /key "constructor" is not allowed/,
    positioned: true,
  },
  {
    name: "unknown apiVersion",
    file: "unknown-api-version.yaml",
    expected: /unsupported apiVersion "llmops\/v2"; expected llmops\/v1alpha1/,
    positioned: true,
  },
  {
    name: "unknown kind",
    file: "unknown-kind.yaml",
    expected: /unsupported kind "Deployment"; expected LLMOpsStack/,
    positioned: true,
  },
  { name: "list instead of mapping", file: "list-not-mapping.yaml", expected: /expected a mapping/, positioned: true },
  { name: "scalar document", file: "scalar.yaml", expected: /expected a mapping/, positioned: true },
  { name: "trailing comma in JSON", file: "trailing-comma.json", expected: /invalid JSON/, positioned: true },
  { name: "YAML syntax in a .json file", file: "yaml-in-json.json", expected: /invalid JSON/, positioned: true },
  { name: "custom tag", file: "custom-tag.yaml", expected: /custom tags are not allowed/, positioned: true },
  { name: "unterminated quote", file: "unterminated-quote.yaml", expected: /invalid YAML/, positioned: true },
  { name: "complex key", file: "complex-key.yaml", expected: /not allowed/, positioned: true },
  {
    name: "multi-document file, one document malformed",
    file: "multi-document-one-wrong.yaml",
    expected: /invalid YAML|YAML/,
    positioned: true,
  },
  { name: "bad indentation", file: "bad-indentation.yaml", expected: /invalid YAML/, positioned: true },
].map((testCase) => ({ ...testCase, file: join(corpus, testCase.file) }));

function generate(name: string, content: string | Buffer): string {
  const file = join(generated, name);
  writeFileSync(file, content);
  return file;
}

const runningAsRoot = process.getuid?.() === 0;

const generatedCases: Case[] = [
  {
    name: "binary file",
    file: generate("binary.yaml", Buffer.from([0x61, 0x3a, 0x20, 0x00, 0x01, 0x02, 0xff])),
    expected: /binary content/,
    positioned: true,
  },
  {
    name: "invalid UTF-8",
    file: generate(
      "latin1.yaml",
      Buffer.concat([Buffer.from("apiVersion: llmops/v1alpha1\nkind: caf"), Buffer.from([0xe9]), Buffer.from("\n")]),
    ),
    expected: /invalid UTF-8/,
    positioned: true,
  },
  {
    name: "nesting 10,000 deep (flow)",
    file: generate("deep-flow.yaml", `a: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`),
    expected: /nest/,
    positioned: true,
  },
  {
    name: "nesting 100 deep (block, under the size cap)",
    file: generate(
      "deep-block.yaml",
      Array.from({ length: 100 }, (_, depth) => `${" ".repeat(depth)}k${depth}:`).join("\n") + " 1\n",
    ),
    expected: /nesting deeper than 64 levels/,
    positioned: true,
  },
  {
    name: "file over the size cap",
    file: generate("huge.yaml", `a: "${"x".repeat(DEFAULT_MAX_BYTES)}"\n`),
    expected: /over the \d+-byte limit/,
    positioned: false,
  },
  { name: "missing file", file: join(generated, "does-not-exist.yaml"), expected: /no such file/, positioned: false },
  {
    name: "a directory",
    file: (() => {
      const dir = join(generated, "a-directory");
      mkdirSync(dir);
      return dir;
    })(),
    expected: /is a directory/,
    positioned: false,
  },
  runningAsRoot
    ? // root reads any file regardless of mode bits, so use a file the kernel refuses to read.
      {
        name: "unreadable file (/proc/self/mem as root)",
        file: "/proc/self/mem",
        expected: /cannot be read|permission denied/,
        positioned: false,
      }
    : {
        name: "unreadable file (mode 000)",
        file: (() => {
          const f = generate("unreadable.yaml", "a: 1\n");
          chmodSync(f, 0o000);
          return f;
        })(),
        expected: /permission denied/,
        positioned: false,
      },
  {
    name: "glob that matches nothing",
    file: join(generated, "nothing-*.yaml"),
    expected: /no file matches/,
    positioned: false,
  },
];

describe("bad-input corpus exits 2 with one clear line and no stack trace", () => {
  it("has at least 20 cases", () => {
    expect(committed.length + generatedCases.length).toBeGreaterThanOrEqual(20);
  });

  it.each([...committed, ...generatedCases])("$name", ({ file, expected, positioned }) => {
    const result = runCli(["validate", file], { timeoutMs: 20_000 });
    expect(result.status, `stdout: ${result.stdout}\nstderr: ${result.stderr}`).toBe(2);
    expect(hasStackTrace(result.stderr)).toBe(false);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    const [line] = lines as [string];
    expect(line.startsWith(`${file}:`)).toBe(true);
    expect(line).toMatch(expected);
    if (positioned) expect(line).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+: `));
    expect(result.stdout).toBe("");
  });

  it("prints a stack trace only with --debug", () => {
    const result = runCli(["validate", join(corpus, "duplicate-keys.yaml"), "--debug"]);
    expect(result.status).toBe(2);
    expect(hasStackTrace(result.stderr)).toBe(true);
  });
});
