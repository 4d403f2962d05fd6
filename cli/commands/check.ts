/**
 * `llmops check <files|dirs|globs…>`: runtime policies over runtime configurations —
 * llmops plans, `pulumi preview --json`, `pulumi stack export`, Kubernetes YAML (including
 * `helm template` output and Lists) and `kubectl get -o json`. All inputs are judged
 * together, so cross-resource checks (a namespace's default-deny policy) see every file.
 */
import { relative } from "node:path";
import type { Argv } from "yargs";
import { emitReport, withReportOptions, type ReportOptions } from "../report-options.js";
import { recordExit } from "../outcome.js";
import { UsageError } from "../errors.js";
import { printable } from "../reporters/escape.js";
import type { PolicyEngine } from "../../policies/engine/engine.js";
import type { Report } from "../../policies/engine/report.js";
import type { RuntimeResource } from "../../policies/engine/runtime-input.js";

export const command = "check [inputs..]";
export const describe =
  "Check runtime configs (plans, previews, state, Kubernetes manifests) against the runtime policies";

const KINDS = ["auto", "plan", "preview", "state", "manifests", "kubectl"] as const;

export function builder(yargs: Argv) {
  return withReportOptions(yargs)
    .positional("inputs", {
      type: "string",
      array: true,
      default: [] as string[],
      describe:
        "Files, - for standard input, directories (searched for .yaml/.yml/.json; files there that are not runtime configs are skipped with a notice) or quoted globs",
    })
    .option("input-kind", {
      choices: KINDS,
      default: "auto",
      describe: "Input kind (detected from content by default)",
    })
    .option("bundle", { type: "string", describe: "Policy bundle directory (default: the built-in bundle)" })
    .option("cluster", {
      type: "boolean",
      default: false,
      describe: "Also check the live objects of a cluster (kubeconfig), judged like `kubectl get -o json` output",
    })
    .option("context", { type: "string", describe: "--cluster: kubeconfig context (default: the current one)" })
    .option("namespace", {
      type: "string",
      describe: "--cluster: only this namespace (cluster-scoped RBAC is still read)",
    })
    .option("spec", {
      type: "string",
      describe:
        "The spec the configs were built from: checks tie its declared controls to them (an llmops plan carries its own)",
    })
    .option("waivers", {
      type: "string",
      describe:
        "Waiver file (apiVersion llmops/v1alpha1, kind Waivers; `llmops schema --kind waivers`). Default: .llmops-waivers.yaml at the repository root — the git root of the working directory, else the working directory — when it exists",
    })
    .example("$0 check --cluster --context prod --namespace llm-serving", "Check what a cluster runs now")
    .example("$0 check rendered/", "Check manifests written by renderYamlToDirectory")
    .example(
      "$0 check rendered/ --spec examples/campaign-summariser.rag.yaml",
      "Check that the rendered manifests build what the spec declares",
    )
    .example("pulumi preview --json > preview.json && $0 check preview.json", "Check a Pulumi preview")
    .example("helm template charts/x | $0 check - -f sarif -o x.sarif", "Check a Helm chart from standard input")
    .example(
      "$0 check vendor/chart/ --waivers vendor/waivers.yaml",
      "Accept some of a third-party chart's findings (reason, approver, expiry)",
    );
}

interface Arguments extends ReportOptions {
  inputs: string[];
  "input-kind": string;
  bundle?: string | undefined;
  spec?: string | undefined;
  waivers?: string | undefined;
  cluster: boolean;
  context?: string | undefined;
  namespace?: string | undefined;
}

export async function handler(argv: Arguments): Promise<void> {
  const [
    { expandRuntimeInputs },
    { readRuntimeFile, NotRuntimeConfigError },
    { PolicyEngine },
    { defaultBundleDir },
    { checkRuntime },
  ] = await Promise.all([
    import("../expand-inputs.js"),
    import("../../policies/engine/adapters/read-runtime-file.js"),
    import("../../policies/engine/engine.js"),
    import("../../policies/engine/spec-policies.js"),
    import("../../policies/engine/check-runtime.js"),
  ]);
  if (argv.inputs.length === 0 && !argv.cluster)
    throw new UsageError("name the runtime configs to check, or pass --cluster");
  if (!argv.cluster && (argv.context !== undefined || argv.namespace !== undefined))
    throw new UsageError("--context and --namespace apply to --cluster only");
  const { files: candidates, discovered } =
    argv.inputs.length === 0 ? { files: [], discovered: new Set<string>() } : await expandRuntimeInputs(argv.inputs);
  const kind =
    argv["input-kind"] === "auto" ? undefined : (argv["input-kind"] as Exclude<(typeof KINDS)[number], "auto">);
  const files: string[] = [];
  let carriedSpec: unknown;
  const resources = candidates.flatMap((file) => {
    try {
      const read = readRuntimeFile(file, kind);
      files.push(file);
      carriedSpec ??= read.spec;
      return read.resources;
    } catch (error) {
      // In a directory (a chart repository), files that are not runtime configs are skipped with
      // one notice each; a file named on the command line must be one.
      if (!(error instanceof NotRuntimeConfigError) || !discovered.has(file)) throw error;
      process.stderr.write(`llmops: skipped ${printable(error.format())}\n`);
      return [];
    }
  });
  let bundle: import("../../policies/engine/engine.js").VerifiedBundle | undefined;
  if (argv.cluster) {
    const [{ readCluster }, { VerifiedBundle }] = await Promise.all([
      import("../cluster/read-cluster.js"),
      import("../../policies/engine/engine.js"),
    ]);
    bundle = await VerifiedBundle.read(argv.bundle ?? defaultBundleDir());
    const live = await readCluster({
      ...(argv.context === undefined ? {} : { context: argv.context }),
      ...(argv.namespace === undefined ? {} : { namespace: argv.namespace }),
      servingKinds: servingKinds(bundle.data),
    });
    resources.push(...live.resources);
    files.push(`cluster:${live.context}${argv.namespace === undefined ? "" : `/namespaces/${argv.namespace}`}`);
  }
  if (files.length === 0)
    throw new UsageError(
      `no runtime config among the ${candidates.length} file${candidates.length === 1 ? "" : "s"} found; nothing was checked`,
    );
  // --spec wins; otherwise the spec an llmops plan carries (the first one, when several are given).
  const spec =
    argv.spec !== undefined ? (await import("../spec-for-check.js")).specDocumentForCheck(argv.spec) : carriedSpec;
  const engine = bundle
    ? await PolicyEngine.instantiate(bundle)
    : await PolicyEngine.load(argv.bundle ?? defaultBundleDir());
  const checked = checkRuntime(engine, { resources, ...(spec === undefined ? {} : { spec }) }, files);
  // The spec's waivers (its current `exceptions`) hold here as they do in plan and report.
  const { waiveBySpec } = await import("../../policies/engine/waivers.js");
  const report = { ...checked, findings: waiveBySpec(checked.findings, spec, engine.catalog.keys()) };
  recordExit(await emitReport(await withWaivers(report, argv.waivers, engine, resources), argv));
}

/** The report with the waiver file applied: --waivers, else .llmops-waivers.yaml at the repository root, else as it is. */
async function withWaivers(
  report: Report,
  option: string | undefined,
  engine: PolicyEngine,
  resources: readonly RuntimeResource[],
): Promise<Report> {
  const found =
    option === undefined ? (await import("../../policies/engine/waiver-location.js")).defaultWaiverFile() : undefined;
  // Named as a user would type it from here (the repository root may be an ancestor).
  const file = option ?? (found === undefined ? undefined : relative(process.cwd(), found));
  if (file === undefined) return report;
  const { loadWaiverFile, waiveReport } = await import("../../policies/engine/waiver-file.js");
  return waiveReport(report, await loadWaiverFile(file), { knownIds: new Set(engine.catalog.keys()), resources });
}

/** The `group/Kind` keys of the bundle's pod-template table (data.yaml llmops.params.pod_templates). */
function servingKinds(data: unknown): string[] {
  const table = (data as { llmops?: { params?: { pod_templates?: unknown } } } | undefined)?.llmops?.params
    ?.pod_templates;
  return typeof table === "object" && table !== null ? Object.keys(table) : [];
}
