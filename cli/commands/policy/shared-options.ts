/** Options shared by the `llmops policy` subcommands (nx yargs-utils/shared-options style). */
import type { Argv } from "yargs";

/** `--policy DIR` (repeatable) and `--data FILE` (repeatable): an organisation's checks and data. */
export function withOrganisationSources<T>(yargs: Argv<T>) {
  return yargs
    .option("policy", {
      type: "string",
      array: true,
      default: [] as string[],
      describe: "Organisation policy directory (repeatable): its checks are added to the built-in library",
    })
    .option("data", {
      type: "string",
      array: true,
      default: [] as string[],
      describe:
        "Data file (repeatable) overriding policies/data.yaml keys and built-in checks (llmops.check_overrides)",
    });
}

/** `--bundle DIR`: the bundle to read or write (default: the toolkit's dist/bundle, or LLMOPS_BUNDLE). */
export function withBundle<T>(yargs: Argv<T>, verb: string) {
  return yargs.option("bundle", {
    type: "string",
    describe: `Bundle directory to ${verb} (default: dist/bundle, or LLMOPS_BUNDLE)`,
  });
}

/** `--format pretty|json` for the inspection commands. */
export function withInspectFormat<T>(yargs: Argv<T>) {
  return yargs.option("format", {
    alias: "f",
    choices: ["pretty", "json"] as const,
    default: "pretty" as const,
    describe: "Output format",
  });
}
