/**
 * The composite GitHub Action (action.yml) run locally: each `run:` step is run as the runner
 * runs it (`bash --noprofile --norc -eo pipefail FILE`), with its `env:` expressions evaluated
 * from the inputs and earlier steps' outputs ($GITHUB_OUTPUT), in its working directory. The
 * `uses:` steps (upload-sarif) cannot run here: their `if:` and `with:` are evaluated, and the
 * SARIF file they would upload is read. Any expression this small evaluator does not know fails
 * the test, so the action cannot grow one that was never exercised.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { CLI, ROOT, tempDir } from "./helpers/cli.js";
import { bundleBuilt } from "./helpers/tools.js";

const ready = bundleBuilt();

interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly with?: Record<string, string>;
  readonly run?: string;
  readonly shell?: string;
  readonly env?: Record<string, string>;
  readonly "working-directory"?: string;
}

interface Action {
  readonly inputs: Record<string, { default?: string }>;
  readonly outputs: Record<string, { value: string }>;
  readonly runs: { using: string; steps: Step[] };
}

const ACTION = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as Action;

interface Upload {
  readonly step: string;
  readonly uses: string;
  readonly with: Record<string, string>;
}

interface ActionRun {
  readonly outputs: Record<string, string>;
  readonly stepOutputs: Record<string, Record<string, string>>;
  readonly uploads: Upload[];
  /** Exit status of each run: step, by id or name, in order. */
  readonly statuses: Array<[string, number | null]>;
  readonly log: string;
}

/** Evaluates one `${{ … }}` body: a context path (inputs.x, steps.id.outputs.y, runner.temp, github.*). */
function contextValue(
  path: string,
  contexts: {
    inputs: Record<string, string>;
    steps: Record<string, Record<string, string>>;
    runner: Record<string, string>;
    github: Record<string, string>;
  },
): string {
  const parts = path.trim().split(".");
  if (parts[0] === "inputs" && parts.length === 2) {
    if (!(parts[1]! in contexts.inputs)) throw new Error(`action.yml reads undeclared input ${parts[1]}`);
    return contexts.inputs[parts[1]!]!;
  }
  if (parts[0] === "steps" && parts[2] === "outputs" && parts.length === 4)
    return contexts.steps[parts[1]!]?.[parts[3]!] ?? "";
  if ((parts[0] === "runner" || parts[0] === "github") && parts.length === 2) {
    const value = contexts[parts[0]][parts[1]!];
    if (value === undefined) throw new Error(`the local runner does not provide ${path}`);
    return value;
  }
  throw new Error(`expression the local runner cannot evaluate: ${path}`);
}

function substitute(text: string, contexts: Parameters<typeof contextValue>[1]): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_all, body: string) => contextValue(body, contexts));
}

/** `a == 'x' && b != ''`: the only condition shape the action uses. */
function condition(text: string, contexts: Parameters<typeof contextValue>[1]): boolean {
  return text.split("&&").every((term) => {
    const match = /^\s*([\w.-]+)\s*(==|!=)\s*'([^']*)'\s*$/.exec(term);
    if (!match) throw new Error(`condition the local runner cannot evaluate: ${term}`);
    const value = contextValue(match[1]!, contexts);
    return match[2] === "==" ? value === match[3] : value !== match[3];
  });
}

function runAction(workspace: string, given: Record<string, string>): ActionRun {
  const inputs = Object.fromEntries(
    Object.entries(ACTION.inputs).map(([name, input]) => [name, given[name] ?? input.default ?? ""]),
  );
  for (const name of Object.keys(given))
    if (!(name in ACTION.inputs)) throw new Error(`action.yml declares no input ${name}`);
  const temp = tempDir("llmops-runner-");
  const contexts = {
    inputs,
    steps: {} as Record<string, Record<string, string>>,
    runner: { temp },
    github: { action_path: ROOT, workspace },
  };
  const uploads: Upload[] = [];
  const statuses: Array<[string, number | null]> = [];
  let log = "";
  ACTION.runs.steps.forEach((step, index) => {
    const label = step.id ?? step.name ?? `step ${index}`;
    if (step.uses !== undefined) {
      if (step.if === undefined || condition(step.if, contexts)) {
        uploads.push({
          step: label,
          uses: step.uses,
          with: Object.fromEntries(
            Object.entries(step.with ?? {}).map(([key, value]) => [key, substitute(String(value), contexts)]),
          ),
        });
      }
      return;
    }
    if (step.if !== undefined) throw new Error(`run step ${label} has an if: the local runner runs every run step`);
    expect(step.shell, `${label} shell`).toBe("bash");
    const script = join(temp, `step-${index}.sh`);
    writeFileSync(script, step.run!);
    const output = join(temp, `output-${index}`);
    writeFileSync(output, "");
    const env = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([key, value]) => [key, substitute(String(value), contexts)]),
    );
    const cwd = resolve(workspace, substitute(step["working-directory"] ?? ".", contexts));
    // As the runner starts a bash step (docs: "Workflow syntax", jobs.<job_id>.steps[*].shell).
    const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      cwd,
      env: {
        ...process.env,
        NO_COLOR: "1",
        ...env,
        GITHUB_OUTPUT: output,
        GITHUB_ACTION_PATH: ROOT,
        GITHUB_WORKSPACE: workspace,
        RUNNER_TEMP: temp,
      },
      encoding: "utf8",
      timeout: 240_000,
    });
    log += result.stdout + result.stderr;
    statuses.push([label, result.status]);
    if (step.id !== undefined) {
      contexts.steps[step.id] = Object.fromEntries(
        readFileSync(output, "utf8")
          .split("\n")
          .filter(Boolean)
          .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
      );
    }
  });
  const outputs = Object.fromEntries(
    Object.entries(ACTION.outputs).map(([name, output]) => [name, substitute(output.value, contexts)]),
  );
  return { outputs, stepOutputs: contexts.steps, uploads, statuses, log };
}

/** A git repository holding the airport example twice (one copy non-compliant), a chart's manifests and a waiver file. */
function workspace(waivers?: string): string {
  const dir = tempDir("llmops-workspace-");
  spawnSync("git", ["init", "-q", dir]);
  mkdirSync(join(dir, "specs"));
  mkdirSync(join(dir, "deploy"));
  copyFileSync(join(ROOT, "examples/airport-assistant.rag.yaml"), join(dir, "specs/airport.yaml"));
  const bad = parseDocument(readFileSync(join(ROOT, "examples/airport-assistant.rag.yaml"), "utf8"));
  bad.setIn(["spec", "explainability", "citations"], false);
  writeFileSync(join(dir, "specs/no-citations.yaml"), bad.toString());
  copyFileSync(join(ROOT, "examples/runtime/naive-vllm.helm-template.yaml"), join(dir, "deploy/vllm.yaml"));
  if (waivers !== undefined) writeFileSync(join(dir, ".llmops-waivers.yaml"), waivers);
  return dir;
}

const LLMOPS = `${process.execPath} ${CLI}`;

interface SarifLog {
  runs: Array<{ results: Array<{ ruleId: string; suppressions?: unknown[] }>; properties?: Record<string, unknown> }>;
}

describe("action.yml", () => {
  it("is a composite action whose uses: steps are pinned to a full commit SHA", () => {
    expect(ACTION.runs.using).toBe("composite");
    const uses = ACTION.runs.steps.filter((step) => step.uses !== undefined);
    expect(uses.length).toBeGreaterThan(0);
    for (const step of uses) expect(step.uses).toMatch(/^github\/codeql-action\/upload-sarif@[0-9a-f]{40}$/);
  });
});

describe.skipIf(!ready)("action.yml run locally", () => {
  it("validates specs and checks manifests, waivers applied, SARIF for each uploaded under its own category, job failed on findings", () => {
    const dir = workspace(
      [
        "apiVersion: llmops/v1alpha1",
        "kind: Waivers",
        "waivers:",
        "  - { policyId: LLM-K8S-001, reason: vendor chart runs as root until 2.0, approver: ciso@example.com, expires: '2099-01-31', resource: { kind: Deployment, name: vllm }, file: 'deploy/**' }",
        "",
      ].join("\n"),
    );
    const run = runAction(dir, {
      validate: "specs/airport.yaml\nspecs/no-citations.yaml",
      check: "deploy/",
      llmops: LLMOPS,
    });
    expect(run.outputs).toMatchObject({ "validate-exit-code": "1", "check-exit-code": "1", "exit-code": "1" });
    const validate = JSON.parse(readFileSync(run.outputs["validate-sarif"]!, "utf8")) as SarifLog;
    expect(validate.runs[0]!.results.map((result) => result.ruleId)).toEqual(["LLM-EXPL-001"]);
    const check = JSON.parse(readFileSync(run.outputs["check-sarif"]!, "utf8")) as SarifLog;
    const suppressed = check.runs[0]!.results.filter((result) => result.suppressions !== undefined);
    expect(suppressed.map((result) => result.ruleId)).toEqual(["LLM-K8S-001"]);
    expect(check.runs[0]!.properties?.waivers).toMatchObject({
      file: ".llmops-waivers.yaml",
      waived: 1,
      expired: 0,
      unused: 0,
    });
    expect(run.uploads).toEqual([
      {
        step: "Upload SARIF (llmops validate)",
        uses: expect.stringMatching(/upload-sarif@/) as string,
        with: { sarif_file: run.outputs["validate-sarif"], category: "llmops-validate" },
      },
      {
        step: "Upload SARIF (llmops check)",
        uses: expect.stringMatching(/upload-sarif@/) as string,
        with: { sarif_file: run.outputs["check-sarif"], category: "llmops-check" },
      },
    ]);
    // Annotations: the active findings as errors, the waived one as a notice that says so.
    expect(run.log).toMatch(/^::error file=specs\/no-citations\.yaml,line=\d+,col=\d+,title=LLM-EXPL-001 /m);
    expect(run.log).toMatch(
      /^::notice file=deploy\/vllm\.yaml,line=\d+,col=\d+,title=LLM-K8S-001 .* \(waived\)::.*Waived until 2099-01-31, approved by ciso@example\.com/m,
    );
    expect(run.statuses).toEqual([
      ["llmops", 0],
      ["Verdict", 1],
    ]);
    expect(run.log).toMatch(/^::error title=llmops::findings at or above high/m);
  });

  it("validate alone on a compliant spec: exit code 0, one upload, no check outputs, the job passes", () => {
    const dir = workspace();
    const run = runAction(dir, { validate: "specs/airport.yaml", llmops: LLMOPS, annotations: "false" });
    expect(run.outputs).toMatchObject({
      "validate-exit-code": "0",
      "exit-code": "0",
      "check-exit-code": "",
      "check-sarif": "",
    });
    expect(run.uploads.map((upload) => upload.with.category)).toEqual(["llmops-validate"]);
    expect((JSON.parse(readFileSync(run.outputs["validate-sarif"]!, "utf8")) as SarifLog).runs[0]!.results).toEqual([]);
    expect(run.statuses).toEqual([
      ["llmops", 0],
      ["Verdict", 0],
    ]);
    expect(run.log).not.toMatch(/^::error/m);
  });

  it("fail-on critical lets high findings through; upload-sarif false uploads nothing; the working directory is honoured", () => {
    const dir = workspace();
    const run = runAction(dir, {
      check: "vllm.yaml",
      "working-directory": "deploy",
      "fail-on": "critical",
      "upload-sarif": "false",
      llmops: LLMOPS,
      annotations: "false",
    });
    // naive-vllm has a public LoadBalancer (critical): still exit 1 under critical.
    expect(run.outputs["check-exit-code"]).toBe("1");
    const check = JSON.parse(readFileSync(run.outputs["check-sarif"]!, "utf8")) as {
      runs: Array<{ results: Array<{ properties: { severity: string } }> }>;
    };
    expect(check.runs[0]!.results.some((result) => result.properties.severity === "critical")).toBe(true);
    expect(run.uploads).toEqual([]);
  });

  it("an input llmops cannot evaluate: exit code 2, no SARIF to upload, the job fails with 2", () => {
    const dir = workspace(
      "apiVersion: llmops/v1alpha1\nkind: Waivers\nwaivers:\n  - { policyId: LLM-NOPE-001, reason: typo, approver: ciso@example.com, expires: '2099-01-31' }\n",
    );
    const run = runAction(dir, { check: "deploy/vllm.yaml", llmops: LLMOPS });
    expect(run.outputs).toMatchObject({ "check-exit-code": "2", "check-sarif": "", "exit-code": "2" });
    expect(run.log).toMatch(/\.llmops-waivers\.yaml:4:17: waiver names unknown policy id LLM-NOPE-001/);
    expect(run.uploads).toEqual([]);
    expect(run.statuses).toEqual([
      ["llmops", 0],
      ["Verdict", 2],
    ]);
  });

  it("nothing to run fails the job rather than passing it", () => {
    const run = runAction(workspace(), { llmops: LLMOPS });
    expect(run.outputs["exit-code"]).toBe("");
    expect(run.statuses).toEqual([
      ["llmops", 0],
      ["Verdict", 2],
    ]);
    expect(run.log).toMatch(/nothing ran: give the validate or check input/);
  });
});
