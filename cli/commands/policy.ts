/**
 * `llmops policy build|test|list|explain|new`: the policy bundle's life cycle, as real
 * subcommands (issue 21), each with its own options (cli/commands/policy/*.ts).
 */
import type { Argv } from "yargs";
import * as build from "./policy/build.js";
import * as test from "./policy/test.js";
import * as list from "./policy/list.js";
import * as explain from "./policy/explain.js";
import * as scaffold from "./policy/new.js";

export const command = "policy <command>";
export const describe = "Build, test, list, explain or scaffold Rego checks and the policy bundle";

export function builder(yargs: Argv) {
  return yargs
    .command(build)
    .command(test)
    .command(list)
    .command(explain)
    .command(scaffold)
    .demandCommand(1, "Name a policy command: build, test, list, explain or new.");
}

/** Never reached: yargs runs the subcommand's handler. */
export function handler(): void {}
