/**
 * The real Pulumi engine, end to end: the CLI, the Node.js language host, the Kubernetes provider
 * and the CrossGuard pack built by scripts/install-engine.sh, on a local file backend with
 * passphrase secrets, update checks and plugin downloads off. The stack is the `target: kubernetes`
 * campaign summariser in renderYamlToDirectory mode, so no cluster is needed and nothing is mocked.
 *
 * The production spec's evaluation gate blocks, so the stack is configured with its committed
 * passing evidence (llmops:evidence, examples/evidence/, produced by `llmops evidence score`), and
 * the pack with the same (its llmops-evidence policy config); a step with failing evidence is
 * refused before any resource is registered (issue 20).
 *
 * The steps share one stack and run in order; each prints its wall time.
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { ROOT, runCli, tempDir } from "../helpers/cli.js";
import { CAMPAIGN_METRICS, CAMPAIGN_REFERENCES, campaignEvidenceFlags, scoreArgs } from "../helpers/evidence-score.js";
import { engineMissing, ENGINE_BIN, ENGINE_PLUGINS } from "./engine.js";

const missing = engineMissing();
if (missing) {
  if (process.env.LLMOPS_REQUIRE_ENGINE === "1") throw new Error(`the Pulumi engine is required here but ${missing}`);
  console.warn(`SKIP: the Pulumi engine suite: ${missing} (run bash scripts/install-engine.sh)`);
}

const STEP_TIMEOUT = 600_000;
const PACK = join(ROOT, "policies", "pack");
const COMPLIANT_SPEC = join(ROOT, "examples", "campaign-summariser.rag.yaml");
const EVIDENCE = join(ROOT, "examples", "evidence", "campaign-summariser.evidence.yaml");
/** Evidence ages are measured at a fixed time, so the committed evidence never goes stale under the suite. */
const EVIDENCE_AS_OF = "2026-12-01T00:00:00Z";
const timings: Record<string, number> = {};

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly output: string;
  readonly seconds: number;
}

let work = "";
let project = "";
let renderDir = "";
let env: NodeJS.ProcessEnv = {};
/** The pack's config file: its llmops-evidence policy judges the same spec and evidence as the program. */
let packConfig = "";

function pulumi(step: string, args: readonly string[], cwd = project): Run {
  const started = process.hrtime.bigint();
  const result = spawnSync(join(ENGINE_BIN, "pulumi"), [...args, "--non-interactive", "--color", "never"], {
    cwd,
    env,
    encoding: "utf8",
    timeout: STEP_TIMEOUT - 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  timings[step] = (timings[step] ?? 0) + seconds;
  const output = `${result.stdout}\n${result.stderr}${result.error ? `\n${String(result.error)}` : ""}`;
  if (process.env.LLMOPS_ENGINE_VERBOSE)
    console.log(`--- pulumi ${args.join(" ")} (${step}) exit ${result.status}\n${output}`);
  return { status: result.status, stdout: result.stdout, output, seconds };
}

function expectOk(run: Run): void {
  if (run.status !== 0) throw new Error(`pulumi exited ${run.status}:\n${run.output}`);
}

/** A project directory outside the repo (stack files never land in the checkout), running the built program. */
function makeProject(dir: string, pulumiYaml: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "Pulumi.yaml"), pulumiYaml);
  copyFileSync(join(ROOT, "package.json"), join(dir, "package.json"));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  symlinkSync(join(ROOT, "dist"), join(dir, "dist"));
}

function renderedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".yaml"));
}

describe.skipIf(missing !== undefined)("the real Pulumi engine on a local backend", () => {
  beforeAll(() => {
    work = tempDir("llmops-engine-");
    const home = join(work, "pulumi-home");
    mkdirSync(home);
    symlinkSync(ENGINE_PLUGINS, join(home, "plugins"));
    env = {
      ...process.env,
      PATH: `${ENGINE_BIN}:${process.env.PATH ?? ""}`,
      PULUMI_HOME: home,
      PULUMI_BACKEND_URL: `file://${join(work, "state")}`,
      PULUMI_CONFIG_PASSPHRASE: "engine-suite-only",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
      NO_COLOR: "1",
    };
    mkdirSync(join(work, "state"));

    // The project is the repository's own: same Pulumi.yaml, same compiled program (dist is linked).
    project = join(work, "project");
    makeProject(project, readFileSync(join(ROOT, "Pulumi.yaml"), "utf8"));
    renderDir = join(work, "rendered");

    const init = pulumi("setup", ["stack", "init", "e2e", "--secrets-provider", "passphrase"]);
    expectOk(init);
    expectOk(pulumi("setup", ["config", "set", "llmops:spec", COMPLIANT_SPEC]));
    expectOk(pulumi("setup", ["config", "set", "llmops:renderYamlToDirectory", renderDir]));
    expectOk(pulumi("setup", ["config", "set", "llmops:evidence", EVIDENCE]));
    expectOk(pulumi("setup", ["config", "set", "llmops:evidenceAsOf", EVIDENCE_AS_OF]));
    packConfig = join(work, "pack-config.json");
    writeFileSync(
      packConfig,
      JSON.stringify({ "llmops-evidence": { spec: COMPLIANT_SPEC, evidence: [EVIDENCE], asOf: EVIDENCE_AS_OF } }),
    );
  }, STEP_TIMEOUT);

  afterAll(() => {
    const line = Object.entries(timings)
      .map(([step, seconds]) => `${step} ${seconds.toFixed(1)} s`)
      .join(", ");
    console.log(`engine suite wall times: ${line}`);
    if (process.env.LLMOPS_ENGINE_TIMINGS)
      writeFileSync(process.env.LLMOPS_ENGINE_TIMINGS, `${JSON.stringify(timings, null, 2)}\n`);
  });

  it(
    "1. preview with the policy pack passes on the compliant example",
    () => {
      const run = pulumi("1 preview --policy-pack", [
        "preview",
        "--policy-pack",
        PACK,
        "--policy-pack-config",
        packConfig,
      ]);
      expectOk(run);
      expect(run.output).toMatch(/Policies:\s+✅ llmops@v0\.1\.0/);
      expect(run.output).not.toMatch(/mandatory/i);
      expect(run.output).toMatch(/\+ {1,3}kubernetes:apps\/v1:Deployment/);
      expect(run.output).toMatch(/\d+ to create/);
    },
    STEP_TIMEOUT,
  );

  it(
    "2. up renders the manifests",
    () => {
      const run = pulumi("2 up", [
        "up",
        "--yes",
        "--skip-preview",
        "--policy-pack",
        PACK,
        "--policy-pack-config",
        packConfig,
      ]);
      expectOk(run);
      const files = renderedFiles(renderDir);
      expect(files.length).toBeGreaterThan(10);
      expect(files.some((file) => file.includes("deployment"))).toBe(true);
      // Issue 18: the social-posts sources are embedded, so their ingestion CronJobs are rendered, one a
      // tenant (issue 17: each brand's source is written into its own collection).
      const ingestion = files.filter(
        (file) =>
          /^kind: CronJob$/m.test(readFileSync(join(renderDir, file), "utf8")) &&
          /^ {2}name: ingest-social-posts-(north|south)$/m.test(readFileSync(join(renderDir, file), "utf8")),
      );
      expect(ingestion).toHaveLength(2);
      for (const file of ingestion) {
        const cronJob = parseDocument(readFileSync(join(renderDir, file), "utf8")).toJS() as {
          spec: {
            schedule: string;
            jobTemplate: {
              spec: { activeDeadlineSeconds: number; template: { spec: { initContainers: Array<{ name: string }> } } };
            };
          };
        };
        expect(cronJob.spec.schedule).toBe("*/30 * * * *");
        expect(cronJob.spec.jobTemplate.spec.activeDeadlineSeconds).toBe(900);
        // The trust bundle first (TLS in transit), then the pipeline's own steps.
        expect(cronJob.spec.jobTemplate.spec.template.spec.initContainers.map((container) => container.name)).toEqual([
          "trust-bundle",
          "fetch",
          "check",
          "redact",
        ]);
      }
      // Issue 17: the guardrail services the spec declares are rendered beside the gateway and its limiter store.
      const deployments = files
        .map((file) => readFileSync(join(renderDir, file), "utf8"))
        .filter((text) => /^kind: Deployment$/m.test(text))
        .map((text) => /^ {2}name: (\S+)$/m.exec(text)?.[1]);
      expect(deployments).toEqual(
        expect.arrayContaining(["gateway", "presidio-analyzer", "presidio-anonymizer", "llm-guard", "limiter-store"]),
      );
      // The response contract the spec declares (explainability.citations): its guardrail module beside the gateway's config.
      const gatewayConfigMap = files
        .map((file) => readFileSync(join(renderDir, file), "utf8"))
        .find((text) => /^kind: ConfigMap$/m.test(text) && /^ {2}name: gateway-config$/m.test(text));
      expect(gatewayConfigMap).toMatch(/^ {2}response_contract\.py: /m);
      expect(gatewayConfigMap).toMatch(/REQUIRE_CITATIONS = True/);
    },
    STEP_TIMEOUT,
  );

  it(
    "3. llmops check on the rendered manifests finds nothing at or above high",
    () => {
      const started = process.hrtime.bigint();
      // --spec: the declared controls (guardrails, disclosure, TLS, redaction) must be in what was rendered.
      const result = runCli(["check", renderDir, "--spec", COMPLIANT_SPEC, "--format", "json", "--fail-on", "high"]);
      timings["3 llmops check"] = Number(process.hrtime.bigint() - started) / 1e9;
      expect(result.stderr).toBe("");
      const report = JSON.parse(result.stdout) as {
        files: unknown[];
        summary: { blocking: number };
        findings: Array<{ severity: string }>;
      };
      expect(report.files.length).toBeGreaterThan(10);
      expect(report.summary.blocking).toBe(0);
      expect(
        report.findings.filter((finding) => finding.severity === "critical" || finding.severity === "high"),
      ).toEqual([]);
      expect(result.status).toBe(0);
    },
    STEP_TIMEOUT,
  );

  it(
    "3b. without the rendered ingestion CronJob, llmops check --spec finds the embedded source unbuilt (LLM-CTRL-020)",
    () => {
      const copy = join(work, "rendered-without-ingestion");
      cpSync(renderDir, copy, { recursive: true });
      const ingestion = renderedFiles(copy).filter(
        (file) =>
          /^ {2}name: ingest-social-posts-north$/m.test(readFileSync(join(copy, file), "utf8")) &&
          /^kind: CronJob$/m.test(readFileSync(join(copy, file), "utf8")),
      );
      expect(ingestion).toHaveLength(1);
      rmSync(join(copy, ingestion[0]!));
      const result = runCli(["check", copy, "--spec", COMPLIANT_SPEC, "--format", "json", "--fail-on", "high"]);
      const report = JSON.parse(result.stdout) as { findings: Array<{ id: string; message: string }> };
      expect(
        report.findings.filter((finding) => finding.id === "LLM-CTRL-020").map((finding) => finding.message),
      ).toEqual([expect.stringContaining("social-posts-north")]);
      expect(result.status).toBe(1);
    },
    STEP_TIMEOUT,
  );

  it(
    "4. a second up reports no changes",
    () => {
      const run = pulumi("4 up again", [
        "up",
        "--yes",
        "--skip-preview",
        "--expect-no-changes",
        "--policy-pack",
        PACK,
        "--policy-pack-config",
        packConfig,
      ]);
      expectOk(run);
      expect(run.output).toMatch(/\d+ unchanged/);
      expect(run.output).not.toMatch(/\d+ (created|updated|deleted|replaced)/);
    },
    STEP_TIMEOUT,
  );

  it(
    "5. a spec that breaks spec policies fails before registering anything, naming the policy ids",
    () => {
      const variant = parseDocument(readFileSync(COMPLIANT_SPEC, "utf8"));
      variant.setIn(["spec", "guardrails", "input", "promptInjection"], false);
      variant.setIn(["spec", "network", "egress"], { mode: "open" });
      const variantPath = join(work, "campaign-summariser.violating.yaml");
      writeFileSync(variantPath, variant.toString());
      const run = pulumi("5 preview violating spec", ["preview", "--config", `llmops:spec=${variantPath}`]);
      expect(run.status).not.toBe(0);
      expect(run.output).toContain("LLM-GUARD-001");
      expect(run.output).toContain("LLM-NET-004");
      // Only the stack itself may appear: no component or Kubernetes resource was registered.
      expect(run.output).not.toMatch(/kubernetes:|llmops:/);
    },
    STEP_TIMEOUT,
  );

  it(
    "5b. failing evaluation evidence (BLEU below the gate) is refused before any resource is registered, naming LLM-EVID-003",
    () => {
      // Scored by llmops from the committed paraphrased predictions: a real failing figure, not a typed one.
      const failing = join(work, "campaign-summariser.failing.evidence.yaml");
      const scored = runCli(
        scoreArgs(
          CAMPAIGN_METRICS,
          join(ROOT, "examples/evidence/campaign-summaries.paraphrased.predictions.jsonl"),
          join(ROOT, CAMPAIGN_REFERENCES),
          ...campaignEvidenceFlags(failing),
        ),
      );
      expect(scored.status, scored.stderr).toBe(0);
      const run = pulumi("5b preview failing evidence", [
        "preview",
        "--config",
        `llmops:spec=${COMPLIANT_SPEC}`,
        "--config",
        `llmops:evidence=${failing}`,
        "--config",
        `llmops:evidenceAsOf=${new Date().toISOString().replace(/\.\d{3}Z$/, "Z")}`,
      ]);
      expect(run.status).not.toBe(0);
      expect(run.output).toContain("LLM-EVID-003");
      expect(run.output).toMatch(/bleu of model mistral-7b is 0\.\d+/);
      expect(run.output).toMatch(/nothing was deployed/);
      expect(run.output).not.toMatch(/kubernetes:|llmops:/);
    },
    STEP_TIMEOUT,
  );

  it(
    "6. a program that registers an insecure resource fails on the pack's mandatory violation",
    () => {
      const variantProject = join(work, "insecure-project");
      makeProject(variantProject, "name: llmops-insecure-variant\nruntime: nodejs\nmain: index.js\n");
      copyFileSync(join(ROOT, "test", "engine", "insecure-program.js"), join(variantProject, "index.js"));
      expectOk(
        pulumi(
          "6 preview insecure program",
          ["stack", "init", "insecure", "--secrets-provider", "passphrase"],
          variantProject,
        ),
      );
      expectOk(pulumi("6 preview insecure program", ["config", "set", "llmops:spec", COMPLIANT_SPEC], variantProject));
      expectOk(
        pulumi(
          "6 preview insecure program",
          ["config", "set", "llmops:renderYamlToDirectory", join(work, "rendered-insecure")],
          variantProject,
        ),
      );
      expectOk(pulumi("6 preview insecure program", ["config", "set", "llmops:evidence", EVIDENCE], variantProject));
      expectOk(
        pulumi("6 preview insecure program", ["config", "set", "llmops:evidenceAsOf", EVIDENCE_AS_OF], variantProject),
      );
      const run = pulumi(
        "6 preview insecure program",
        ["preview", "--policy-pack", PACK, "--policy-pack-config", packConfig],
        variantProject,
      );
      expect(run.status).not.toBe(0);
      // The violation names the check id and carries its remediation, at mandatory enforcement.
      expect(run.output).toMatch(/mandatory/);
      expect(run.output).toContain("LLM-K8S-004");
      expect(run.output).toMatch(/debug-shell/);
      expect(run.output).toMatch(
        /\[mandatory\]\s+llm-k8s-004\s+\(kubernetes:apps\/v1:Deployment: debug-shell\)[\s\S]*?\[LLM-K8S-004\] \[critical\][^\n]*Remediation: Remove securityContext\.privileged/,
      );
      // Only the added resource is flagged: the compliant stack around it stays clean.
      const flagged = [...run.output.matchAll(/- \[(?:mandatory|advisory)\]\s+\S+\s+\(([^)]*)\)/g)].map(
        (match) => match[1],
      );
      expect(flagged.length).toBeGreaterThan(0);
      expect(flagged.filter((resource) => !resource?.endsWith(": debug-shell"))).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  it(
    "7. destroy removes every resource",
    () => {
      const run = pulumi("7 destroy", ["destroy", "--yes", "--skip-preview"]);
      expectOk(run);
      expect(run.output).toMatch(/\d+ deleted/);
      const exported = pulumi("7 destroy", ["stack", "export"]);
      expectOk(exported);
      const state = JSON.parse(exported.stdout) as { deployment: { resources?: unknown[] } };
      expect(state.deployment.resources ?? []).toEqual([]);
      expect(renderedFiles(renderDir)).toEqual([]);
    },
    STEP_TIMEOUT,
  );
});
