/**
 * `llmops check <files|dirs|globs…>`: runtime policies over runtime configurations —
 * llmops plans, `pulumi preview --json`, `pulumi stack export`, Kubernetes YAML (including
 * `helm template` output and Lists) and `kubectl get -o json`. All inputs are judged
 * together, so cross-resource checks (a namespace's default-deny policy) see every file.
 */
import type { Argv } from "yargs";
import { emitReport, withReportOptions, type ReportOptions } from "../report-options.js";
import { recordExit } from "../outcome.js";

export const command = "check <inputs..>";
export const describe = "Check runtime configs (plans, previews, state, Kubernetes manifests) against the runtime policies";

const KINDS = ["auto", "plan", "preview", "state", "manifests", "kubectl"] as const;

export function builder(yargs: Argv) {
  return withReportOptions(yargs)
    .positional("inputs", { type: "string", array: true, demandOption: true, describe: "Files, directories (searched for .yaml/.yml/.json) or quoted globs" })
    .option("input-kind", { choices: KINDS, default: "auto", describe: "Input kind (detected from content by default)" })
    .option("bundle", { type: "string", describe: "Policy bundle directory (default: the built-in bundle)" })
    .option("spec", { type: "string", describe: "The spec the configs were built from: checks tie its declared controls to them (an llmops plan carries its own)" })
    .example("$0 check rendered/", "Check manifests written by renderYamlToDirectory")
    .example("$0 check rendered/ --spec examples/campaign-summariser.rag.yaml", "Check that the rendered manifests build what the spec declares")
    .example("pulumi preview --json > preview.json && $0 check preview.json", "Check a Pulumi preview")
    .example("helm template charts/x | tee x.yaml && $0 check x.yaml -f sarif -o x.sarif", "Check a Helm chart");
}

interface Arguments extends ReportOptions {
  inputs: string[];
  "input-kind": string;
  bundle?: string | undefined;
  spec?: string | undefined;
}

export async function handler(argv: Arguments): Promise<void> {
  const [{ expandRuntimeInputs }, { readRuntimeFile }, { PolicyEngine }, { defaultBundleDir }, { checkRuntime }] = await Promise.all([
    import("../expand-inputs.js"),
    import("../../policies/engine/adapters/read-runtime-file.js"),
    import("../../policies/engine/engine.js"),
    import("../../policies/engine/spec-policies.js"),
    import("../../policies/engine/check-runtime.js"),
  ]);
  const files = await expandRuntimeInputs(argv.inputs);
  const kind = argv["input-kind"] === "auto" ? undefined : (argv["input-kind"] as Exclude<(typeof KINDS)[number], "auto">);
  const runtimeFiles = files.map((file) => readRuntimeFile(file, kind));
  const resources = runtimeFiles.flatMap((file) => file.resources);
  // --spec wins; otherwise the spec an llmops plan carries (the first one, when several are given).
  const spec = argv.spec !== undefined
    ? (await import("../spec-for-check.js")).specBodyForCheck(argv.spec)
    : runtimeFiles.find((file) => file.spec !== undefined)?.spec;
  const engine = await PolicyEngine.load(argv.bundle ?? defaultBundleDir());
  const report = checkRuntime(engine, { resources, ...(spec === undefined ? {} : { spec }) }, files);
  recordExit(await emitReport(report, argv));
}
