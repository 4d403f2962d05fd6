/**
 * The import rules of DESIGN.md's layout, as a test (issue 24): no import cycle, and no import
 * that points up the layers (cli → report → stacks → evidence → components / policies/engine →
 * schemas → input). dependency-cruiser reads every TypeScript source file, type-only and dynamic imports
 * included, and checks it against the rules in .dependency-cruiser.json.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, tempDir } from "./helpers/cli.js";

/** The folders tsconfig.build.json compiles: everything that ships. */
const SOURCE_FOLDERS = [
  "input",
  "schemas",
  "evidence",
  "report",
  "policies/engine",
  "policies/pack",
  "components",
  "stacks",
  "cli",
];
const DEPCRUISE = join(ROOT, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string; readonly severity: string };
  readonly cycle?: ReadonlyArray<{ readonly name: string }>;
}

interface CruiseResult {
  readonly modules: ReadonlyArray<{ readonly source: string }>;
  readonly summary: { readonly violations: readonly Violation[]; readonly totalCruised: number };
}

/** Runs dependency-cruiser with the project's rules over `folders` of `cwd`, as JSON. */
function cruise(cwd: string, folders: readonly string[]): CruiseResult {
  const result = spawnSync(
    process.execPath,
    [DEPCRUISE, "--config", join(cwd, ".dependency-cruiser.json"), "--output-type", "json", ...folders],
    {
      cwd,
      encoding: "utf8",
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout) as CruiseResult;
}

/** A violation in a form that reads well in a failed assertion. */
function describeViolation(violation: Violation): string {
  const cycle = violation.cycle
    ? ` (cycle: ${[violation.from, ...violation.cycle.map((step) => step.name)].join(" → ")})`
    : "";
  return `${violation.rule.name}: ${violation.from} → ${violation.to}${cycle}`;
}

describe("import rules (dependency-cruiser)", () => {
  it("finds no import cycle and no import pointing up the layers in the source folders", () => {
    const result = cruise(ROOT, SOURCE_FOLDERS);
    // The rules ran over the real tree, not over nothing.
    expect(result.summary.totalCruised).toBeGreaterThan(150);
    const sources = new Set(result.modules.map((module) => module.source));
    for (const file of [
      "input/parse-documents.ts",
      "schemas/load-spec.ts",
      "stacks/program.ts",
      "cli/main.ts",
      "components/kubernetes/index.ts",
    ])
      expect(sources).toContain(file);
    expect(result.summary.violations.map(describeViolation)).toEqual([]);
  }, 120_000);

  it("fails on a cycle and on each import that points up the layers", () => {
    // A small tree in the same layout, with one violation of each rule.
    const dir = tempDir("llmops-depcruise-");
    copyFileSync(join(ROOT, ".dependency-cruiser.json"), join(dir, ".dependency-cruiser.json"));
    writeFileSync(
      join(dir, "tsconfig.build.json"),
      JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", strict: true } }),
    );
    const files: Record<string, string> = {
      // The readers import nothing above them, not even the schemas.
      "input/i.ts": 'import { a } from "../schemas/a.js";\nexport const i = a;\n',
      "schemas/a.ts":
        'import { b } from "./b.js";\nimport { r } from "../report/r.js";\nexport const a = (): number => b + r;\n',
      // The way back is type-only: a cycle all the same.
      "schemas/b.ts": 'import type { a } from "./a.js";\nexport const b = 1;\nexport type A = typeof a;\n',
      "components/c.ts": 'import { s } from "../stacks/s.js";\nexport const c = s;\n',
      "stacks/s.ts": 'import { x } from "../cli/x.js";\nexport const s = x;\n',
      "policies/engine/e.ts": 'import { c } from "../../components/c.js";\nexport const e = c;\n',
      "evidence/v.ts": 'import { s } from "../stacks/s.js";\nexport const v = s;\n',
      "report/r.ts": "export const r = 2;\n",
      "cli/x.ts": "export const x = 3;\n",
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    const found = cruise(dir, [
      "input",
      "schemas",
      "components",
      "stacks",
      "policies",
      "evidence",
      "report",
      "cli",
    ]).summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`);
    expect(found.sort()).toEqual([
      "components-not-up: components/c.ts → stacks/s.ts",
      "engine-not-up: policies/engine/e.ts → components/c.ts",
      "evidence-not-up: evidence/v.ts → stacks/s.ts",
      "input-is-the-bottom: input/i.ts → schemas/a.ts",
      "no-circular: schemas/a.ts → schemas/b.ts",
      "schemas-are-the-bottom: schemas/a.ts → report/r.ts",
      "stacks-not-up: stacks/s.ts → cli/x.ts",
    ]);
  }, 120_000);
});
