/**
 * `llmops plan <spec>`: synthesise the stack offline under Pulumi's mock runtime and write
 * the runtime-input document. Pulumi is imported only here, and only when this runs.
 */
import type { Argv } from "yargs";
import { recordExit } from "../outcome.js";
import { withEvidenceOptions } from "../evidence-options.js";
import type { Severity } from "../../policies/engine/finding.js";

export const command = "plan <spec>";
export const describe = "Plan the stack offline (no credentials) and write the runtime-input document";

export function builder(yargs: Argv) {
  return withEvidenceOptions(
    yargs
      .positional("spec", { type: "string", demandOption: true, describe: "The spec file (- for standard input)" })
      .option("target", { choices: ["aws", "kubernetes"] as const, describe: "Override the spec's target" })
      .option("out", { type: "string", describe: "Write the plan document (JSON) to FILE, atomically" })
      .option("format", {
        alias: "f",
        choices: ["pretty", "json"] as const,
        default: "pretty",
        describe: "What to print on stdout",
      })
      .option("bundle", { type: "string", describe: "Policy bundle directory (default: the built-in bundle)" })
      .option("fail-on", {
        choices: ["critical", "high", "medium", "low"] as const,
        default: "high",
        describe: "Spec findings at or above this refuse the plan",
      }),
    {
      evidence: "EvaluationEvidence files: failing or missing evidence under gate: block refuses the plan",
    },
  ).option("without-evidence", {
    type: "boolean",
    conflicts: ["evidence", "baseline", "evidence-key"],
    describe:
      "Preview a production spec before its evaluation evidence exists: the evidence gate is not evaluated (and said so); a deploy still needs passing evidence",
  });
}

interface Arguments {
  spec: string;
  target?: "aws" | "kubernetes" | undefined;
  out?: string | undefined;
  format: string;
  bundle?: string | undefined;
  "fail-on": string;
  evidence?: string[] | undefined;
  baseline?: string[] | undefined;
  evidenceKey?: string | undefined;
  asOf?: string | undefined;
  withoutEvidence?: boolean | undefined;
}

export async function handler(argv: Arguments): Promise<void> {
  const [{ gateSpec, SpecRejectedError }, { inputName }] = await Promise.all([
    import("../../stacks/spec-gate.js"),
    import("../../input/source-file.js"),
  ]);
  const specFile = inputName(argv.spec); // `-`: standard input
  let gated;
  try {
    // The checks judge the target that will be planned, so --target cannot slip past them.
    gated = await gateSpec(specFile, {
      failOn: argv["fail-on"] as Severity,
      activity: "planned",
      ...(argv.target ? { target: argv.target } : {}),
      ...(argv.bundle ? { bundleDir: argv.bundle } : {}),
      evidence: argv,
      requireEvidenceInProduction: argv.withoutEvidence !== true,
    });
  } catch (error) {
    if (error instanceof SpecRejectedError) {
      process.stderr.write(`${error.message}\n`);
      recordExit(1);
      return;
    }
    throw error;
  }
  const spec = gated.spec;
  if (argv.withoutEvidence && !gated.evidence.evaluated) {
    process.stderr.write(
      "evidence gate not evaluated (--without-evidence): deploying this spec needs its evaluation evidence (llmops:evidence, plan --evidence)\n",
    );
  }
  const progress = process.stderr.isTTY
    ? setTimeout(() => process.stderr.write("planning offline under Pulumi mocks…\n"), 300)
    : undefined;
  const { planOffline } = await import("../../stacks/offline-plan.js");
  let plan;
  try {
    plan = await planOffline(spec, gated.bundle?.revision ?? "none");
  } catch (error) {
    // A component refusing a field a check knows (say, under a lowered --fail-on) is that check's finding.
    const { MissingPlatformImageError } = await import("../../stacks/workloads.js");
    const { refusalAsFindings } = await import("../../stacks/spec-gate.js");
    const known =
      error instanceof MissingPlatformImageError ? refusalAsFindings(argv.spec, gated, error, "planned") : undefined;
    if (!known) throw error;
    process.stderr.write(`${known.message}\n`);
    recordExit(1);
    return;
  } finally {
    if (progress) clearTimeout(progress);
  }
  const json = `${JSON.stringify(plan, null, 2)}\n`;
  if (argv.out) {
    const { writeFileAtomic } = await import("../atomic-write.js");
    writeFileAtomic(argv.out, json);
  }
  // The same bundle judges what the spec produces: runtime policies on every planned resource,
  // with the spec body as input.spec so that declared controls are tied to what was built.
  const { checkRuntime } = await import("../../policies/engine/check-runtime.js");
  // The spec travels with the resources: checks that hold the deployment to what the spec
  // declares (log retention, customer-managed keys, production monitoring) read input.spec.
  const checked = checkRuntime(gated.engine, { resources: plan.resources, spec: plan.spec }, [specFile], "plan");
  // The spec's waivers hold for what it builds, as in `llmops report` and `check --spec`.
  const { waiveBySpec } = await import("../../policies/engine/waivers.js");
  const report = { ...checked, findings: waiveBySpec(checked.findings, plan.spec, gated.engine.catalog.keys()) };
  const failOn = argv["fail-on"] as Severity;
  const { blockingFindings } = await import("../../policies/engine/finding.js");
  if (argv.format === "json") {
    if (!argv.out) process.stdout.write(json);
    else
      process.stdout.write(
        `${JSON.stringify({ out: argv.out, resources: plan.resources.length, findings: report.findings }, null, 2)}\n`,
      );
  } else {
    const [{ renderPlanTree }, { render }] = await Promise.all([
      import("../plan-tree.js"),
      import("../reporters/pretty.js"),
    ]);
    process.stdout.write(renderPlanTree(plan));
    process.stdout.write(
      `\nRuntime policies on the planned resources:\n${render(report, { failOn, color: process.stdout.isTTY === true && !("NO_COLOR" in process.env) })}`,
    );
  }
  if (argv.format === "json" && !argv.out && report.findings.length > 0) {
    process.stderr.write(
      `${report.findings.length} runtime finding(s); run with --out and --format pretty to see them\n`,
    );
  }
  if (blockingFindings(report.findings, failOn).length > 0) recordExit(1);
}
