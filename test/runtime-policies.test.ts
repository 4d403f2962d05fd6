/**
 * Runtime policies end to end. One table (the denied cases of the Rego tests) drives every
 * runtime check through the adapters in three shapes a user hands over: an llmops plan /
 * runtime document, Kubernetes manifests (one file per object), and `pulumi preview --json`.
 * Each must yield exactly its id at the right file, path and line. Then differential parity
 * with `opa eval`, the examples planned through their components, and a realistic mix.
 */
import { opaIgnoreFlags } from "../policies/engine/opa-tools.js";
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import fc from "fast-check";
import { PolicyEngine } from "../policies/engine/engine.js";
import { readRuntimeFile } from "../policies/engine/adapters/read-runtime-file.js";
import { isAtOrAbove } from "../policies/engine/finding.js";
import { ROOT, runCli, tempDir } from "./helpers/cli.js";
import { BUNDLE_DIR, bundleBuilt, requireTool } from "./helpers/tools.js";
import { expectedLine } from "./helpers/yaml-position.js";
import { deniedCases, type DeniedCase as RegoDeniedCase } from "./helpers/rego-cases.js";
import { examplesFor, planExample } from "./helpers/plans.js";

const opa = requireTool("opa");
const ready = bundleBuilt() && opa !== undefined;

interface Resource {
  urn: string;
  type: string;
  name: string;
  id?: string;
  props: Record<string, unknown>;
}
// A case's input may carry the spec document beside the resources (checks that hold a deployment
// to what its spec declares); a finding about the spec itself points under /spec.
type DeniedCase = RegoDeniedCase<{ resources: Resource[]; spec?: unknown }>;

function opaRuntimeFindings(inputs: unknown[]): Array<Array<[string, string]>> {
  const file = join(tempDir("llmops-rdiff-"), "input.json");
  writeFileSync(file, JSON.stringify({ cases: inputs }));
  const query =
    "r := [s | some c in input.cases; s := {[f.id, f.path] | some f in data.llmops.main.runtime_findings} with input as c]";
  const result = spawnSync(
    opa!,
    ["eval", "--format", "json", "-d", join(ROOT, "policies"), ...opaIgnoreFlags({ tests: false }), "-i", file, query],
    { encoding: "utf8", maxBuffer: 512 << 20 },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  return (JSON.parse(result.stdout) as { result: Array<{ bindings: { r: Array<Array<[string, string]>> } }> })
    .result[0]!.bindings.r;
}

/** The case's spec body (manifests and previews do not carry one; `llmops check --spec` supplies it). */
const withSpec = (testCase: DeniedCase): { spec?: unknown } =>
  testCase.input.spec === undefined ? {} : { spec: testCase.input.spec };

const key = (pairs: Iterable<readonly [string, string]>) => [...pairs].map(([id, path]) => `${id} ${path}`).sort();

/** The WebAssembly engine against `opa eval` on every input, as (id, path) sets, as the opa query collects them. */
function compareWithOpa(
  engine: PolicyEngine,
  inputs: Array<{ resources: Resource[]; spec?: unknown }>,
): { mismatches: string[]; compared: number } {
  const oracle = opaRuntimeFindings(inputs);
  const mismatches: string[] = [];
  let compared = 0;
  inputs.forEach((input, index) => {
    const wasm = [...new Set(key(engine.evaluateRuntime(input).map((finding) => [finding.id, finding.path] as const)))];
    compared += wasm.length;
    const go = key(oracle[index]!);
    if (JSON.stringify(wasm) !== JSON.stringify(go))
      mismatches.push(`input ${index}: wasm ${JSON.stringify(wasm)} vs opa ${JSON.stringify(go)}`);
  });
  return { mismatches, compared };
}

describe.skipIf(!ready)("runtime policies", () => {
  let engine: PolicyEngine;
  let cases: DeniedCase[];
  let idOf: (check: string) => string;
  beforeAll(async () => {
    engine = await PolicyEngine.load(BUNDLE_DIR);
    cases = deniedCases(opa!, "runtime");
    idOf = (check) => [...engine.catalog.values()].find((entry) => entry.package === `llmops.runtime.${check}`)!.id;
  });

  it("has at least 40 runtime checks, every one with a non-compliant fixture", () => {
    const runtimeIds = [...engine.catalog.keys()].filter((id) => /^LLM-(K8S|AWS|CTRL)-/.test(id));
    expect(runtimeIds.length).toBeGreaterThanOrEqual(40);
    const covered = new Set(cases.map((testCase) => idOf(testCase.check)));
    expect(runtimeIds.filter((id) => !covered.has(id))).toEqual([]);
  });

  it("as runtime documents: exactly the check's id at the expected path, line and resource", () => {
    const dir = tempDir("llmops-rt-");
    const problems: string[] = [];
    for (const testCase of cases) {
      const id = idOf(testCase.check);
      const text = JSON.stringify(testCase.input, null, 2);
      const file = join(dir, `${testCase.check}.${testCase.note.replace(/\W+/g, "-")}.json`);
      writeFileSync(file, text);
      const runtime = readRuntimeFile(file);
      // The document carries the spec body the declared-vs-built checks read; the adapter keeps it.
      expect(runtime.spec).toEqual(testCase.input.spec);
      const findings = engine.evaluateRuntime({ resources: runtime.resources, ...withSpec(testCase) });
      const mine = findings.filter((finding) => finding.id === id);
      if (mine.length === 0 || mine.some((finding) => finding.path !== testCase.path)) {
        problems.push(
          `${testCase.check}/${testCase.note}: expected ${id} at ${testCase.path}, got ${JSON.stringify(mine.map((f) => f.path))}`,
        );
        continue;
      }
      if (!testCase.path.startsWith("/resources/")) continue;
      const line = expectedLine(text, testCase.path);
      if (mine[0]!.file !== file || mine[0]!.line !== line)
        problems.push(
          `${testCase.check}/${testCase.note}: expected ${file}:${line}, got ${mine[0]!.file}:${mine[0]!.line}`,
        );
      const index = Number(/^\/resources\/(\d+)/.exec(testCase.path)?.[1] ?? 0);
      if (mine[0]!.resource !== testCase.input.resources[index]!.urn)
        problems.push(`${testCase.check}/${testCase.note}: resource ${mine[0]!.resource}`);
    }
    expect(problems).toEqual([]);
  });

  it("as Kubernetes manifests (one file per object): the same id, in the object's file, at its line", () => {
    const problems: string[] = [];
    let compared = 0;
    for (const testCase of cases.filter(
      (candidate) =>
        candidate.input.spec === undefined &&
        candidate.input.resources.every((resource) => resource.type.startsWith("kubernetes:")),
    )) {
      const id = idOf(testCase.check);
      const dir = join(tempDir("llmops-manifests-"), testCase.check);
      mkdirSync(dir, { recursive: true });
      const files = testCase.input.resources.map((resource, index) => {
        const apiVersion = resource.type
          .replace(/^kubernetes:/, "")
          .replace(/:[^:]+$/, "")
          .replace(/^core\//, "");
        const kind = resource.type.slice(resource.type.lastIndexOf(":") + 1);
        const text = stringify({ ...resource.props, apiVersion, kind });
        const file = join(dir, `${index}.yaml`);
        writeFileSync(file, text);
        return { file, text };
      });
      const resources = files.flatMap(({ file }) => readRuntimeFile(file).resources);
      const mine = engine.evaluateRuntime({ resources, ...withSpec(testCase) }).filter((finding) => finding.id === id);
      const [, index, rest] = /^\/resources\/(\d+)\/props(\/.*)?$/.exec(testCase.path) ?? [];
      const expected = files[Number(index)]!;
      const match = mine.find((finding) => finding.file === expected.file);
      if (!match) {
        problems.push(
          `${testCase.check}/${testCase.note}: ${id} not reported in ${expected.file} (got ${JSON.stringify(mine.map((f) => `${f.file}:${f.path}`))})`,
        );
        continue;
      }
      compared++;
      const line = expectedLine(expected.text, rest ?? "");
      if (match.line !== line)
        problems.push(`${testCase.check}/${testCase.note}: expected line ${line}, got ${match.line}`);
    }
    expect(problems).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(25);
  });

  it("as `pulumi preview --json`: the same id, pointing into the step's inputs", () => {
    const problems: string[] = [];
    for (const testCase of cases.filter(
      (candidate) =>
        candidate.input.spec === undefined &&
        candidate.input.resources.every((resource) => resource.type.startsWith("aws:")),
    )) {
      const id = idOf(testCase.check);
      const preview = {
        steps: [
          {
            op: "same",
            urn: "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev",
            newState: { type: "pulumi:pulumi:Stack", urn: "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev", inputs: {} },
          },
          ...testCase.input.resources.map((resource) => ({
            op: "create",
            urn: resource.urn,
            newState: {
              type: resource.type,
              urn: resource.urn,
              ...(resource.id ? { id: resource.id } : {}),
              inputs: resource.props,
            },
          })),
        ],
      };
      const text = JSON.stringify(preview, null, 2);
      const file = join(tempDir("llmops-preview-"), "preview.json");
      writeFileSync(file, text);
      const runtime = readRuntimeFile(file);
      expect(runtime.kind).toBe("preview");
      const mine = engine
        .evaluateRuntime({ resources: runtime.resources, ...withSpec(testCase) })
        .filter((finding) => finding.id === id);
      const [, index, rest] = /^\/resources\/(\d+)\/props(\/.*)?$/.exec(testCase.path) ?? [];
      const pointer = `/steps/${Number(index) + 1}/newState/inputs${rest ?? ""}`;
      if (mine.length === 0) problems.push(`${testCase.check}/${testCase.note}: ${id} not reported`);
      else if (mine[0]!.line !== expectedLine(text, pointer))
        problems.push(
          `${testCase.check}/${testCase.note}: expected line ${expectedLine(text, pointer)}, got ${mine[0]!.line}`,
        );
    }
    expect(problems).toEqual([]);
  });

  it("differential parity with opa eval on every runtime fixture and example plan", () => {
    const plans = examplesFor("any").map((example) => planExample(example));
    const inputs = [
      ...cases.map((testCase) => testCase.input),
      ...plans.map((plan) => ({ resources: plan.resources, spec: plan.spec })),
    ];
    const { mismatches, compared } = compareWithOpa(engine, inputs);
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(cases.length);
  }, 240_000);

  it("differential parity with opa eval on generated inputs: fixtures and plan resources mixed, properties dropped and flipped", () => {
    const plans = examplesFor("any").map((example) => planExample(example).resources as Resource[]);
    const pool = [...cases.flatMap((testCase) => testCase.input.resources), ...plans.flat()];
    // Mutations that turn controls off the way a careless edit would: drop a property, flip a boolean,
    // widen a CIDR, blank a string.
    const mutate = (value: unknown, choice: number): unknown => {
      if (typeof value === "boolean") return !value;
      if (typeof value === "string")
        return value.includes("/") && /\d+\.\d+\.\d+\.\d+\/\d+/.test(value)
          ? "0.0.0.0/0"
          : choice % 2
            ? ""
            : `${value}-changed`;
      if (typeof value === "number") return choice % 2 ? 0 : value * 10;
      return undefined;
    };
    const mutateResource = (resource: Resource, seed: number): Resource => {
      const copy = structuredClone(resource);
      const paths: Array<[Record<string, unknown> | unknown[], string | number]> = [];
      const walk = (node: unknown) => {
        if (Array.isArray(node))
          node.forEach((item, index) => {
            paths.push([node, index]);
            walk(item);
          });
        else if (node && typeof node === "object")
          for (const [k, v] of Object.entries(node)) {
            paths.push([node as Record<string, unknown>, k]);
            walk(v);
          }
      };
      walk(copy.props);
      if (paths.length === 0) return copy;
      const [parent, at] = paths[seed % paths.length]!;
      const next = mutate((parent as Record<string | number, unknown>)[at], seed);
      if (next === undefined || seed % 5 === 0) {
        if (Array.isArray(parent)) parent.splice(at as number, 1);
        else delete parent[at as string];
      } else (parent as Record<string | number, unknown>)[at] = next;
      return copy;
    };
    const inputs = fc.sample(
      fc
        .array(fc.record({ index: fc.nat(pool.length - 1), mutations: fc.array(fc.nat(), { maxLength: 3 }) }), {
          minLength: 1,
          maxLength: 40,
        })
        .map((picks) => ({
          resources: picks.map(({ index, mutations }) =>
            mutations.reduce((resource, seed) => mutateResource(resource, seed), pool[index]!),
          ),
        })),
      { numRuns: 150, seed: 20261129 },
    );
    const { mismatches, compared: findings } = compareWithOpa(engine, inputs);
    console.log(`runtime differential on generated inputs: ${inputs.length} inputs, ${findings} findings compared`);
    expect(mismatches).toEqual([]);
    expect(findings).toBeGreaterThan(inputs.length);
  }, 240_000);
});

describe.skipIf(!ready)("every example planned through its components is secure by construction", () => {
  it.each(examplesFor("any"))("%s has zero runtime findings at or above high", async (example) => {
    const engine = await PolicyEngine.load(BUNDLE_DIR);
    const plan = planExample(example);
    const findings = engine.evaluateRuntime({ resources: plan.resources, spec: plan.spec });
    expect(findings.filter((finding) => isAtOrAbove(finding.severity, "high"))).toEqual([]);
  });
});

describe.skipIf(!ready)("llmops check on a realistic mix", () => {
  it.each([
    ["examples/runtime/campaign-summariser.rendered.yaml", 0, "manifests"],
    ["examples/runtime/airport-assistant.stack-export.json", 0, "state"],
    ["examples/runtime/naive-vllm.helm-template.yaml", 1, "manifests"],
    ["examples/runtime/inference-servers.kubectl.json", 1, "kubectl"],
  ])("%s exits %d (%s)", (file, status, kind) => {
    const result = runCli(["check", file, "-f", "json"]);
    expect(result.status, result.stderr).toBe(status);
    expect(readRuntimeFile(join(ROOT, file)).kind).toBe(kind);
  });

  it("reports the helm chart's public LoadBalancer, root container and literal secrets with file:line", () => {
    const result = runCli(["check", "examples/runtime/naive-vllm.helm-template.yaml", "-f", "json"]);
    const report = JSON.parse(result.stdout) as {
      findings: Array<{ id: string; line: number; file: string; resource: string }>;
    };
    const ids = new Set(report.findings.map((finding) => finding.id));
    for (const id of ["LLM-K8S-013", "LLM-K8S-001", "LLM-K8S-009", "LLM-K8S-010", "LLM-K8S-023", "LLM-K8S-012"])
      expect(ids).toContain(id);
    const secret = report.findings.find((finding) => finding.id === "LLM-K8S-010")!;
    expect(secret.line).toBeGreaterThan(30);
    expect(secret.resource).toBe("k8s:llm:Deployment:vllm");
  });

  it("checks a directory of rendered manifests and an --input-kind override; refuses unknown content with exit 2", () => {
    expect(runCli(["check", "examples/runtime/"]).status).toBe(1);
    expect(
      runCli(["check", "examples/runtime/campaign-summariser.rendered.yaml", "--input-kind", "manifests"]).status,
    ).toBe(0);
    const dir = tempDir();
    writeFileSync(join(dir, "odd.json"), JSON.stringify({ hello: "world" }));
    const result = runCli(["check", join(dir, "odd.json")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unrecognised runtime config/);
  });
});
