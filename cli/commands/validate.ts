/** `llmops validate <files|globs…>`: schema, then spec policies, over every document. */
import type { ArgumentsCamelCase, Argv } from "yargs";
import { emitReport, withReportOptions, type ReportOptions } from "../report-options.js";
import { recordExit } from "../outcome.js";

export const command = "validate <files..>";
export const describe = "Validate responsible-LLMOps spec files against the schema and the spec policies";

export function builder(yargs: Argv) {
  return withReportOptions(yargs)
    .option("bundle", { type: "string", describe: "Policy bundle directory (default: the built-in bundle)" })
    .positional("files", { type: "string", array: true, demandOption: true, describe: "Spec files or quoted globs (YAML or JSON)" })
    .example("$0 validate examples/*.yaml", "Validate every example")
    .example("$0 validate spec.yaml --format sarif -o results.sarif", "Write SARIF for code scanning");
}

type Arguments = ArgumentsCamelCase<ReportOptions & { files: string[]; bundle?: string | undefined }>;

export async function handler(argv: Arguments): Promise<void> {
  const [{ expandInputs }, { validateSpecFilesInParallel }, { defaultBundleDir }] = await Promise.all([
    import("../expand-inputs.js"),
    import("../../policies/engine/parallel-validate.js"),
    import("../../policies/engine/spec-policies.js"),
  ]);
  const files = await expandInputs(argv.files);
  // The bundle is verified and compiled once, then shared by every worker thread.
  const report = await validateSpecFilesInParallel(files, argv.bundle ?? defaultBundleDir());
  recordExit(await emitReport(report, argv));
}
