/**
 * Runs the stack program (stacks/index.ts, as the language host runs it) once under Pulumi's mock
 * runtime with the stack config the engine would pass. Pulumi reads its config once per process,
 * so a test file runs at most one program: vitest gives each file its own worker.
 */
import type { RecordedResource } from "../../stacks/mocks.js";

/** What the program registered (the engine's own Stack resource left out) and the error it threw, if any. */
export interface ProgramRun {
  readonly recorded: RecordedResource[];
  readonly error?: unknown;
}

/**
 * Sets `PULUMI_CONFIG` to `config`, installs the project's mocks (eu-west-1, recording every
 * registration) and runs the program's default export. The program's error is captured inside the
 * stack callback, as the language host reports it, instead of a rejected promise in the outputs.
 */
export async function runProgram(config: Record<string, string>, stackName = "program-test"): Promise<ProgramRun> {
  process.env.PULUMI_CONFIG = JSON.stringify(config);
  const pulumi = await import("@pulumi/pulumi");
  const { llmopsMocks } = await import("../../stacks/mocks.js");
  const { runInStack, waitForRegistrations } = await import("../../stacks/pulumi-internals.js");
  const recorded: RecordedResource[] = [];
  await pulumi.runtime.setMocks(llmopsMocks("eu-west-1", recorded), "responsible-llmops", stackName, false);
  const { default: main } = await import("../../stacks/index.js");
  let failure: unknown;
  await runInStack(() =>
    main().catch((error: unknown) => {
      failure = error;
      return {};
    }),
  );
  await waitForRegistrations();
  return { recorded: recorded.filter((resource) => resource.type !== "pulumi:pulumi:Stack"), error: failure };
}
