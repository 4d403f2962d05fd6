/** `llmops policy build|test|list|explain <id>`: the policy bundle's life cycle. */
import { join } from "node:path";
import type { Argv } from "yargs";
import { EXIT_CANNOT_EVALUATE, recordExit } from "../outcome.js";

export const command = "policy <action> [id]";
export const describe = "Build, test, list or explain the Rego policy bundle";

const ACTIONS = ["build", "test", "list", "explain"] as const;

export function builder(yargs: Argv) {
  return yargs
    .positional("action", { choices: ACTIONS, demandOption: true, describe: "build | test | list | explain" })
    .positional("id", { type: "string" })
    .option("bundle", { type: "string", describe: "Bundle directory (default: dist/bundle)" })
    .option("format", { alias: "f", choices: ["pretty", "json"] as const, default: "pretty", describe: "Output format for list/explain" })
    .option("coverage", { type: "number", default: 90, describe: "Minimum opa test coverage (%) for build" })
    .option("signing-key", { type: "string", describe: "PEM private key: sign the bundle with opa build --signing-key (.signatures.json)" })
    .option("signing-alg", { type: "string", default: "RS256", describe: "JWT algorithm of the signature (RS*, PS*, ES*)" })
    .example("$0 policy build", "Run the gate and build dist/bundle")
    .example("$0 policy build --signing-key keys/bundle.pem", "Build and sign; verify with --verification-key keys/bundle.pub.pem")
    .example("$0 policy list --format json", "Every check with all metadata")
    .example("$0 policy explain LLM-PRIV-001", "One check in full");
}

interface Arguments {
  action: (typeof ACTIONS)[number];
  id?: string | undefined;
  bundle?: string | undefined;
  format: string;
  coverage: number;
  signingKey?: string | undefined;
  signingAlg: string;
}

export async function handler(argv: Arguments): Promise<void> {
  const { defaultBundleDir, packageRoot } = await import("../../policies/engine/spec-policies.js");
  const path = await import("node:path");
  const bundleDir = argv.bundle ?? defaultBundleDir();
  const root = packageRoot();
  const toolsDir = path.join(root, ".tools", "bin");
  switch (argv.action) {
    case "build": {
      const { buildBundle } = await import("../../policies/engine/build-bundle.js");
      const progress = process.stderr.isTTY ? (step: string) => process.stderr.write(`  • ${step}\n`) : undefined;
      const result = buildBundle({
        root, outDir: bundleDir, coverageThreshold: argv.coverage, toolsDir,
        ...(progress ? { progress } : {}),
        ...(argv.signingKey ? { signingKey: argv.signingKey, signingAlgorithm: argv.signingAlg } : {}),
      });
      process.stderr.write(
        `built ${bundleDir}: revision ${result.manifest.revision}${argv.signingKey ? ` (signed, ${argv.signingAlg})` : ""}, ${result.catalog.length} checks, ${result.testsPassed} Rego tests passed, coverage ${result.coverage.toFixed(1)}%\n`,
      );
      return;
    }
    case "test": {
      const { spawnSync } = await import("node:child_process");
      const { existsSync } = await import("node:fs");
      const opa = existsSync(path.join(toolsDir, "opa")) ? path.join(toolsDir, "opa") : "opa";
      const result = spawnSync(opa, ["test", "--coverage", "--format", "pretty", "-v", path.join(root, "policies")], { stdio: "inherit" });
      if (result.status !== 0) recordExit(result.status === 1 ? 1 : EXIT_CANNOT_EVALUATE);
      return;
    }
    case "list":
    case "explain": {
      const { PolicyEngine } = await import("../../policies/engine/engine.js");
      const engine = await PolicyEngine.load(bundleDir);
      const entries = [...engine.catalog.values()];
      const id = argv.action === "explain" ? (argv.id ?? "") : undefined;
      const selected = id === undefined ? entries : entries.filter((entry) => entry.id === id);
      if (id !== undefined && selected.length === 0) {
        const { UsageError } = await import("../errors.js");
        throw new UsageError(id === "" ? "name a check id: llmops policy explain <id>" : `no check with id ${id}; see llmops policy list`);
      }
      // Each mapped control id is shown with its title from the framework catalogue.
      const { controlTitle, loadFrameworkCatalogues } = await import("../../policies/engine/frameworks.js");
      const { packageRoot } = await import("../../policies/engine/spec-policies.js");
      const catalogues = id === undefined ? undefined : loadFrameworkCatalogues(join(packageRoot(), "policies", "frameworks"));
      const titled = (entry: (typeof entries)[number]) => Object.entries(entry.frameworks).map(([name, ids]) => ({
        framework: name,
        name: catalogues?.get(name)?.name ?? name,
        controls: ids.map((control) => ({ id: control, title: (catalogues && controlTitle(catalogues, name, control)) ?? "(not in the framework catalogue)" })),
      }));
      if (argv.format === "json") {
        process.stdout.write(`${JSON.stringify(id === undefined ? selected : { ...selected[0], controls: titled(selected[0]!) }, null, 2)}\n`);
        return;
      }
      for (const entry of selected) {
        if (id === undefined) {
          process.stdout.write(`${entry.id.padEnd(15)} ${entry.severity.padEnd(8)} ${entry.title}\n`);
        } else {
          const frameworks = titled(entry).map((framework) => [`  ${framework.framework} (${framework.name})`, ...framework.controls.map((control) => `    ${control.id}: ${control.title}`)].join("\n")).join("\n");
          process.stdout.write(`${entry.id} (${entry.severity}) ${entry.title}\n\n${entry.description}\n\nRemediation: ${entry.remediation}\n\nFrameworks:\n${frameworks}\n\nSource: ${entry.source} (package ${entry.package})\n`);
        }
      }
    }
  }
}
