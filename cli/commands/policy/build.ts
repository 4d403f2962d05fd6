/** `llmops policy build`: the gate, then the WebAssembly bundle, optionally with an organisation's checks and data. */
import type { ArgumentsCamelCase, Argv } from "yargs";
import { withBundle, withOrganisationSources } from "./shared-options.js";

export const command = "build";
export const describe =
  "Run the policy gate and build the bundle (built-in checks plus --policy dirs and --data files)";

export function builder(yargs: Argv) {
  return withOrganisationSources(withBundle(yargs, "write"))
    .option("out", { type: "string", describe: "Where to write the bundle (same as --bundle; default: dist/bundle)" })
    .option("coverage", { type: "number", default: 90, describe: "Minimum opa test coverage (%) over the whole set" })
    .option("signing-key", {
      type: "string",
      describe: "PEM private key: sign the bundle with opa build --signing-key (.signatures.json)",
    })
    .option("signing-alg", {
      type: "string",
      default: "RS256",
      describe: "JWT algorithm of the signature (RS*, PS*, ES*)",
    })
    .example("$0 policy build", "Run the gate and build dist/bundle")
    .example(
      "$0 policy build --signing-key keys/bundle.pem",
      "Build and sign; verify with --verification-key keys/bundle.pub.pem",
    )
    .example("$0 policy build --policy org-policies --data org-data.yaml --out org-bundle", "An organisation's bundle");
}

type Arguments = ArgumentsCamelCase<Awaited<ReturnType<typeof builder>["argv"]>>;

export async function handler(argv: Arguments): Promise<void> {
  const { defaultBundleDir, packageRoot } = await import("../../../policies/engine/spec-policies.js");
  const { defaultToolsDir } = await import("../../../policies/engine/opa-tools.js");
  const { buildBundle } = await import("../../../policies/engine/build-bundle.js");
  if (argv.out !== undefined && argv.bundle !== undefined && argv.out !== argv.bundle) {
    const { UsageError } = await import("../../errors.js");
    throw new UsageError("--out and --bundle name the same thing; give one");
  }
  const bundleDir = argv.out ?? argv.bundle ?? defaultBundleDir();
  const progress = process.stderr.isTTY ? (step: string) => process.stderr.write(`  • ${step}\n`) : undefined;
  const result = buildBundle({
    root: packageRoot(),
    outDir: bundleDir,
    coverageThreshold: argv.coverage,
    toolsDir: defaultToolsDir(),
    orgPolicies: argv.policy,
    dataFiles: argv.data,
    ...(progress ? { progress } : {}),
    ...(argv.signingKey ? { signingKey: argv.signingKey, signingAlgorithm: argv.signingAlg } : {}),
  });
  const organisation = result.catalog.filter(
    (entry) => entry.origin !== undefined && entry.origin !== "builtin",
  ).length;
  const overridden = result.catalog.filter((entry) => entry.override !== undefined).length;
  process.stderr.write(
    `built ${bundleDir}: revision ${result.manifest.revision}${argv.signingKey ? ` (signed, ${argv.signingAlg})` : ""}, ${result.catalog.length} checks` +
      `${organisation > 0 ? ` (${organisation} from organisation dirs)` : ""}${overridden > 0 ? `, ${overridden} overridden` : ""}, ${result.testsPassed} Rego tests passed, coverage ${result.coverage.toFixed(1)}%\n`,
  );
}
