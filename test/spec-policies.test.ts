/**
 * The spec policy library end to end: compliant examples, one non-compliant fixture per
 * check (the denied cases of the Rego tests, so there is one table), the exact id at the
 * expected path and line, and differential parity of the WebAssembly engine with `opa eval`.
 */
import { opaIgnoreFlags } from "../policies/engine/opa-tools.js";
import { spawnSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadSpecFile, loadSpecText } from "../schemas/load-spec.js";
import { validateLoadedSpec } from "../policies/engine/validate-specs.js";
import { loadSpecPolicies, specPoliciesFrom } from "../policies/engine/spec-policies.js";
import { isAtOrAbove, type Finding } from "../policies/engine/finding.js";
import { ROOT, tempDir } from "./helpers/cli.js";
import { BUNDLE_DIR, bundleBuilt, requireTool } from "./helpers/tools.js";
import { expectedLine } from "./helpers/yaml-position.js";
import { deniedCases, type DeniedCase as RegoDeniedCase } from "./helpers/rego-cases.js";

const opa = requireTool("opa");
const ready = bundleBuilt() && opa !== undefined;

type DeniedCase = RegoDeniedCase<unknown>;

/** The check id a test package belongs to, from the catalog. */
function idOf(check: string, catalog: ReadonlyMap<string, { package: string }>): string {
  const entry = [...catalog.entries()].find(([, value]) => value.package === `llmops.spec.${check}`);
  if (!entry) throw new Error(`no catalog entry for ${check}`);
  return entry[0];
}

/** Runs `opa eval` once over many inputs: the oracle for differential parity. */
function opaFindings(inputs: unknown[]): Array<Array<[string, string]>> {
  const dir = tempDir("llmops-diff-");
  const inputFile = join(dir, "input.json");
  writeFileSync(inputFile, JSON.stringify({ cases: inputs }));
  const query =
    "r := [s | some c in input.cases; s := {[f.id, f.path] | some f in data.llmops.main.spec_findings} with input as c]";
  const result = spawnSync(
    opa!,
    [
      "eval",
      "--format",
      "json",
      "-d",
      join(ROOT, "policies"),
      ...opaIgnoreFlags({ tests: false }),
      "-i",
      inputFile,
      query,
    ],
    {
      encoding: "utf8",
      maxBuffer: 256 << 20,
    },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  return (JSON.parse(result.stdout) as { result: Array<{ bindings: { r: Array<Array<[string, string]>> } }> })
    .result[0]!.bindings.r;
}

/**
 * An evidence check's case carries input.evidence / input.baseline beside the spec document; they
 * reach the policies as the evidence gate passes them (extra input), never through the spec schema.
 */
function splitEvidence(input: unknown): { spec: unknown; extra: Record<string, unknown> } {
  const { evidence, baseline, ...spec } = input as Record<string, unknown>;
  return {
    spec,
    extra: { ...(evidence === undefined ? {} : { evidence }), ...(baseline === undefined ? {} : { baseline }) },
  };
}

const key = (pairs: Iterable<readonly [string, string]>) => [...pairs].map(([id, path]) => `${id} ${path}`).sort();

describe.skipIf(!ready)("spec policies", () => {
  let policies: Awaited<ReturnType<typeof loadSpecPolicies>>;
  let cases: DeniedCase[];
  const examples = readdirSync(join(ROOT, "examples"))
    .filter((file) => file.endsWith(".yaml"))
    .map((file) => join(ROOT, "examples", file));

  beforeAll(async () => {
    policies = await loadSpecPolicies(BUNDLE_DIR, "2026-11-28");
    cases = deniedCases(opa!, "spec");
  });

  const specIds = () =>
    [...policies.engine.catalog.values()]
      .filter((entry) => entry.package.startsWith("llmops.spec."))
      .map((entry) => entry.id);

  it("has at least 40 checks, each with METADATA (id, severity, remediation, frameworks)", () => {
    expect(specIds().length).toBeGreaterThanOrEqual(40);
    for (const entry of policies.engine.catalog.values()) {
      expect(entry.remediation.length).toBeGreaterThan(10);
      expect(Object.keys(entry.frameworks).length).toBeGreaterThan(0);
    }
  });

  it.each(examples)("compliant example %s has no finding at or above high", (file) => {
    for (const spec of loadSpecFile(file)) {
      const findings = validateLoadedSpec(spec, policies);
      expect(findings.filter((finding) => isAtOrAbove(finding.severity, "high"))).toEqual([]);
    }
  });

  it("every check has at least one non-compliant fixture", () => {
    const covered = new Set(cases.map((testCase) => idOf(testCase.check, policies.engine.catalog)));
    expect(specIds().filter((id) => !covered.has(id))).toEqual([]);
  });

  it("each non-compliant fixture yields exactly its check's id at the expected path and line", () => {
    const dir = tempDir("llmops-fixtures-");
    const problems: string[] = [];
    for (const testCase of cases) {
      const id = idOf(testCase.check, policies.engine.catalog);
      const { spec: document, extra } = splitEvidence(testCase.input);
      const text = stringify(document);
      const file = join(dir, `${testCase.check}.${testCase.note.replace(/\W+/g, "-")}.yaml`);
      writeFileSync(file, text);
      const [spec] = loadSpecText(text, file);
      const findings: Finding[] = validateLoadedSpec(spec!, specPoliciesFrom(policies.engine, "2026-11-28", extra));
      const schema = findings.filter((finding) => finding.id === "LLM-SCHEMA-001");
      if (schema.length > 0) {
        problems.push(
          `${testCase.check} / ${testCase.note}: fixture is not schema-valid: ${schema[0]!.message} at ${schema[0]!.path}`,
        );
        continue;
      }
      const mine = findings.filter((finding) => finding.id === id);
      if (mine.length === 0 || mine.some((finding) => finding.path !== testCase.path)) {
        problems.push(
          `${testCase.check} / ${testCase.note}: expected ${id} at ${testCase.path}, got ${JSON.stringify(mine.map((f) => f.path))}`,
        );
        continue;
      }
      const line = expectedLine(text, testCase.path);
      if (mine[0]!.line !== line)
        problems.push(`${testCase.check} / ${testCase.note}: expected line ${line}, got ${mine[0]!.line}`);
    }
    expect(problems).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(specIds().length);
  });

  it("differential parity: the WebAssembly engine and opa eval return the same (id, path) sets on every fixture and example", () => {
    const inputs = [
      ...cases.map((testCase) => {
        const { spec, extra } = splitEvidence(testCase.input);
        return { ...loadSpecText(stringify(spec), "fixture.yaml")[0]!.value, ...extra };
      }),
      ...examples.flatMap((file) => loadSpecFile(file).map((spec) => spec.value)),
    ];
    const oracle = opaFindings(inputs);
    const mismatches: string[] = [];
    let compared = 0;
    inputs.forEach((input, index) => {
      const wasm = key(policies.engine.evaluate(input).map((finding) => [finding.id, finding.path] as const));
      compared += wasm.length;
      const go = key(oracle[index]!);
      if (JSON.stringify(wasm) !== JSON.stringify(go))
        mismatches.push(`case ${index}: wasm ${JSON.stringify(wasm)} vs opa ${JSON.stringify(go)}`);
    });
    expect(mismatches).toEqual([]);
    expect(inputs.length).toBeGreaterThan(100);
    // Not vacuous: every denied fixture contributes at least one finding to compare.
    expect(compared).toBeGreaterThanOrEqual(cases.length);
  });
});
