/**
 * `llmops report SPEC`: the compliance report. Runs the spec checks (with evidence when given),
 * plans offline (or reads --plan), runs the runtime checks, applies the spec's waivers and a waiver file, and writes
 * the status of every framework control as HTML, JSON, markdown or a CycloneDX 1.6 ML-BOM.
 * Findings do not stop the report; the exit code still follows --fail-on like every command.
 */
import { relative } from "node:path";
import type { Argv } from "yargs";
import { recordExit } from "../outcome.js";
import { withEvidenceOptions } from "../evidence-options.js";
import { SEVERITIES, type Severity } from "../../policies/engine/finding.js";
import { REPORT_FORMATS, type ReportFormat } from "../../report/render.js";
import { EXIT_FINDINGS, EXIT_OK } from "../outcome.js";

export const command = "report <spec>";
export const describe = "Compliance report per framework control (HTML, JSON, markdown, CycloneDX ML-BOM)";

export function builder(yargs: Argv) {
  return withEvidenceOptions(
    yargs
      .positional("spec", { type: "string", demandOption: true, describe: "The spec file (- for standard input)" })
      .option("plan", { type: "string", describe: "A plan written by `llmops plan --out` (default: plan offline now)" })
      .option("target", {
        choices: ["aws", "kubernetes"] as const,
        describe: "Plan and judge the spec for this target",
      })
      .conflicts("plan", "target"),
    { evidence: "EvaluationEvidence files (without them the evidence checks show as needs evidence)" },
  )
    .option("waivers", {
      type: "string",
      describe:
        "Waiver file (kind Waivers, as for `llmops check`). Default: .llmops-waivers.yaml at the repository root when it exists",
    })
    .option("framework", {
      type: "string",
      array: true,
      describe: "Report only these frameworks (keys of policies/frameworks/, e.g. eu-ai-act)",
    })
    .option("format", { alias: "f", choices: REPORT_FORMATS, default: "markdown", describe: "Output format" })
    .option("output", {
      alias: "o",
      type: "string",
      describe: "Write the report to FILE (atomically) instead of stdout",
    })
    .option("bundle", { type: "string", describe: "Policy bundle directory (default: the built-in bundle)" })
    .option("fail-on", {
      choices: SEVERITIES,
      default: "high",
      describe: "Lowest severity of an active finding that makes the exit code 1",
    });
}

interface Arguments {
  spec: string;
  plan?: string | undefined;
  target?: "aws" | "kubernetes" | undefined;
  evidence?: string[] | undefined;
  baseline?: string[] | undefined;
  evidenceKey?: string | undefined;
  asOf?: string | undefined;
  framework?: string[] | undefined;
  waivers?: string | undefined;
  /** One of REPORT_FORMATS (yargs' `choices` has checked it). */
  format: string;
  output?: string | undefined;
  bundle?: string | undefined;
  /** One of SEVERITIES (checked by `choices`). */
  "fail-on": string;
}

export async function handler(argv: Arguments): Promise<void> {
  const [{ collectReport }, { renderReport }, { inputName }, { blockingFindings }] = await Promise.all([
    import("../../report/collect.js"),
    import("../../report/render.js"),
    import("../../input/source-file.js"),
    import("../../policies/engine/finding.js"),
  ]);
  const { defaultWaiverFile } = await import("../../policies/engine/waiver-location.js");
  const progress = process.stderr.isTTY
    ? setTimeout(() => process.stderr.write("checking and planning offline under Pulumi mocks…\n"), 300)
    : undefined;
  let model;
  try {
    model = await collectReport({
      specFile: inputName(argv.spec),
      planFile: argv.plan === undefined ? undefined : inputName(argv.plan),
      target: argv.target,
      evidence: { evidence: argv.evidence, baseline: argv.baseline, evidenceKey: argv.evidenceKey, asOf: argv.asOf },
      bundleDir: argv.bundle,
      frameworks: argv.framework,
      waiverFile: argv.waivers ?? relativeToCwd(defaultWaiverFile()),
    });
  } finally {
    if (progress) clearTimeout(progress);
  }
  const text = await renderReport(model, argv.format as ReportFormat);
  if (argv.output === undefined) {
    process.stdout.write(text);
  } else {
    const { writeFileAtomic } = await import("../atomic-write.js");
    writeFileAtomic(argv.output, text);
  }
  recordExit(blockingFindings(model.findings, argv["fail-on"] as Severity).length > 0 ? EXIT_FINDINGS : EXIT_OK);
}

/** A found default waiver file, named as a user would type it from here (the root may be an ancestor). */
function relativeToCwd(file: string | undefined): string | undefined {
  return file === undefined ? undefined : relative(process.cwd(), file);
}
