/**
 * The `llmops` command line. Command modules are imported statically (they are tiny);
 * each handler lazily imports the core it needs, so `--help` loads neither the policy
 * engine nor Pulumi.
 */
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { resolve } from "node:path";
import * as validate from "./commands/validate.js";
import * as schema from "./commands/schema.js";
import * as init from "./commands/init.js";
import * as policy from "./commands/policy.js";
import * as plan from "./commands/plan.js";
import * as check from "./commands/check.js";
import * as evidence from "./commands/evidence.js";
import * as report from "./commands/report.js";
import * as admission from "./commands/admission.js";
import { EXIT_CANNOT_EVALUATE, recordExit, takeExit } from "./outcome.js";
import { UsageError, describeError } from "./errors.js";
import { STDIN_ARGUMENT } from "../input/source-file.js";

export { flushStandardStreams, ignoreClosedPipes } from "./flush.js";

/** = VERIFICATION_KEY_ENV in policies/engine/bundle-layout.ts (not imported: --help must not load the engine). */
const VERIFICATION_KEY_ENV = "LLMOPS_BUNDLE_VERIFICATION_KEY";

/** Runs the `llmops` CLI on `argv` (the arguments after the program name) and resolves to its exit code: 0 nothing at or above --fail-on, 1 findings, 2 could not evaluate (DESIGN.md, exit codes). Never rejects: every error is printed by describeError and becomes exit 2. */
export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes("--debug");
  try {
    // yargs' parser drops a lone "-"; it means standard input to every command that takes files.
    const args = argv.map((argument) => (argument === "-" ? STDIN_ARGUMENT : argument));
    await yargs(hideBin(["node", "llmops", ...args]))
      .scriptName("llmops")
      .usage(
        "$0 <command> [options]\n\nResponsible-LLMOps specs, Rego policies in WebAssembly, and secured LLM infrastructure.",
      )
      .command(validate)
      .command(schema)
      .command(init)
      .command(policy)
      .command(plan)
      .command(check)
      .command(evidence)
      .command(report)
      .command(admission)
      .option("debug", { type: "boolean", default: false, describe: "Print stack traces for internal errors" })
      .option("verification-key", {
        type: "string",
        describe: `Trusted public key (PEM): refuse a policy bundle whose signature or file hashes do not verify (env ${VERIFICATION_KEY_ENV})`,
      })
      .middleware((args) => {
        // Through the environment, so worker threads and every engine load see the same trust anchor.
        if (typeof args.verificationKey === "string") process.env[VERIFICATION_KEY_ENV] = resolve(args.verificationKey);
      })
      .demandCommand(1, "Name a command; see llmops --help.")
      .strict()
      .recommendCommands()
      .epilogue(
        "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above --fail-on; 2 could not evaluate.\n\n" +
          "Run from the toolkit's directory as `npx llmops …` (package.json's bin), or run `npm link` there once to put `llmops` on PATH.",
      )
      .help()
      .alias("h", "help")
      .version(false)
      .wrap(Math.min(110, process.stdout.columns || 100))
      .fail((message, error) => {
        // Usage errors from yargs itself; errors thrown by handlers are rethrown as they are.
        if (error) throw error;
        throw new UsageError(message);
      })
      .parseAsync();
  } catch (error) {
    process.stderr.write(`${describeError(error, debug)}\n`);
    recordExit(EXIT_CANNOT_EVALUATE);
  }
  return takeExit();
}
