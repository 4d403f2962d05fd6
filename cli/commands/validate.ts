/** `llmops validate <files|globs…>`: schema, then spec policies, over every document. */
import type { ArgumentsCamelCase, Argv } from "yargs";
import { emitReport, withReportOptions, type ReportOptions } from "../report-options.js";
import { recordExit } from "../outcome.js";
import { withEvidenceOptions } from "../evidence-options.js";

export const command = "validate <files..>";
export const describe = "Validate responsible-LLMOps spec files against the schema and the spec policies";

export function builder(yargs: Argv) {
  return withEvidenceOptions(
    withReportOptions(yargs).option("bundle", {
      type: "string",
      describe: "Policy bundle directory (default: the built-in bundle)",
    }),
    {
      evidence: "EvaluationEvidence files (YAML, JSON or DSSE envelopes) to evaluate the LLM-EVID checks on",
      baseline: "Evidence of the model now in production, for regression checks (needs --evidence)",
      asOf: "Measure evidence ages at this RFC 3339 time instead of now (reproducible runs)",
    },
  )
    .positional("files", {
      type: "string",
      array: true,
      demandOption: true,
      describe: "Spec files or quoted globs (YAML or JSON)",
    })
    .example("$0 validate examples/*.yaml", "Validate every example")
    .example("$0 validate spec.yaml --format sarif -o results.sarif", "Write SARIF for code scanning")
    .example(
      "$0 validate spec.yaml --evidence eval.yaml --baseline prod-eval.yaml",
      "Gate on evaluation evidence and regressions",
    );
}

type Arguments = ArgumentsCamelCase<
  ReportOptions & {
    files: string[];
    bundle?: string | undefined;
    evidence?: string[] | undefined;
    baseline?: string[] | undefined;
    evidenceKey?: string | undefined;
    asOf?: string | undefined;
  }
>;

export async function handler(argv: Arguments): Promise<void> {
  const [{ expandInputs }, { validateSpecFilesInParallel }, { defaultBundleDir }] = await Promise.all([
    import("../expand-inputs.js"),
    import("../../policies/engine/parallel-validate.js"),
    import("../../policies/engine/spec-policies.js"),
  ]);
  const files = await expandInputs(argv.files);
  const bundleDir = argv.bundle ?? defaultBundleDir();
  if (argv.evidence === undefined && argv.baseline === undefined && argv.evidenceKey === undefined) {
    // The bundle is verified and compiled once, then shared by every worker thread.
    const report = await validateSpecFilesInParallel(files, bundleDir);
    recordExit(await emitReport({ ...report, evidence: { evaluated: false, documents: [] } }, argv));
    return;
  }
  // With evidence: one thread (evidence runs gate a handful of specs, not thousands).
  const [{ prepareEvidence }, { PolicyEngine }, { specPoliciesFrom }, { validateSpecFiles }] = await Promise.all([
    import("../../evidence/gate-input.js"),
    import("../../policies/engine/engine.js"),
    import("../../policies/engine/spec-policies.js"),
    import("../../policies/engine/validate-specs.js"),
  ]);
  const evidence = await prepareEvidence(argv);
  const policies = specPoliciesFrom(await PolicyEngine.load(bundleDir), undefined, evidence.extraInput);
  recordExit(await emitReport({ ...validateSpecFiles(files, policies), evidence: evidence.report }, argv));
}
