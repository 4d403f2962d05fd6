/** `llmops policy test`: the Rego tests of the built-in library plus --policy dirs, with coverage per check. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ArgumentsCamelCase, Argv } from "yargs";
import { withInspectFormat, withOrganisationSources } from "./shared-options.js";

export const command = "test";
export const describe = "Run the Rego tests of the built-in library plus --policy dirs, with coverage per check";

export function builder(yargs: Argv) {
  return withInspectFormat(withOrganisationSources(yargs))
    .option("coverage", {
      type: "number",
      default: 0,
      describe: "Fail (exit 1) when overall coverage (%) is below this",
    })
    .example("$0 policy test", "The built-in library's tests")
    .example("$0 policy test --policy org-policies", "Built-in plus organisation tests");
}

type Arguments = ArgumentsCamelCase<Awaited<ReturnType<typeof builder>["argv"]>>;

export async function handler(argv: Arguments): Promise<void> {
  const { catalogOfSources, stagePolicySources } = await import("../../../policies/engine/build-bundle.js");
  const { defaultToolsDir } = await import("../../../policies/engine/opa-tools.js");
  const { runPolicyTests } = await import("../../../policies/engine/policy-test.js");
  const { packageRoot } = await import("../../../policies/engine/spec-policies.js");
  const { recordExit } = await import("../../outcome.js");
  const work = mkdtempSync(join(tmpdir(), "llmops-policy-test-"));
  try {
    const sources = stagePolicySources(packageRoot(), work, argv.policy, argv.data);
    const catalog = catalogOfSources(sources, defaultToolsDir());
    const report = runPolicyTests(sources, catalog, defaultToolsDir());
    const belowThreshold = report.coverage !== undefined && report.coverage < argv.coverage;
    if (argv.format === "json") {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      for (const test of report.tests.filter((candidate) => !candidate.passed))
        process.stdout.write(`FAIL ${test.name} (${test.location})\n`);
      for (const check of report.checks) {
        process.stdout.write(
          `${check.coverage.toFixed(1).padStart(6)}%  ${(check.id ?? "").padEnd(15)} ${check.file}${check.origin && check.origin !== "builtin" ? `  [${check.origin}]` : ""}\n`,
        );
      }
      process.stdout.write(
        `${report.passed} passed, ${report.failed} failed${report.coverage === undefined ? "" : `; coverage ${report.coverage.toFixed(1)}%`}\n`,
      );
      if (belowThreshold)
        process.stdout.write(`coverage ${report.coverage?.toFixed(1)}% is below the ${argv.coverage}% threshold\n`);
    }
    if (report.failed > 0 || belowThreshold) recordExit(1);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
