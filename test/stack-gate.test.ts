/**
 * The Pulumi program (stacks/index.ts, as the language host runs it) refuses a spec that
 * fails a policy before registering a single resource; a compliant spec registers its stack.
 * Runs under Pulumi's mock runtime, with the stack config the engine would pass.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { ROOT, tempDir } from "./helpers/cli.js";
import { bundleBuilt } from "./helpers/tools.js";
import type { RecordedResource } from "../stacks/mocks.js";

const ready = bundleBuilt();

async function runProgram(specFile: string): Promise<{ recorded: RecordedResource[]; error?: unknown }> {
  process.env.PULUMI_CONFIG = JSON.stringify({ "llmops:spec": specFile });
  const pulumi = await import("@pulumi/pulumi");
  const { llmopsMocks } = await import("../stacks/mocks.js");
  const { runInStack, waitForRegistrations } = await import("../stacks/pulumi-internals.js");
  const recorded: RecordedResource[] = [];
  await pulumi.runtime.setMocks(llmopsMocks("eu-west-1", recorded), "responsible-llmops", "gate-test", false);
  const { default: main } = await import("../stacks/index.js");
  // Capture the program's error inside the stack callback (as the language host would
  // report it) instead of leaving a rejected promise in the stack's outputs.
  let failure: unknown;
  await runInStack(() => main().catch((error: unknown) => {
    failure = error;
    return {};
  }));
  await waitForRegistrations();
  // The engine's own root resource is registered by every program; nothing else may be.
  return { recorded: recorded.filter((resource) => resource.type !== "pulumi:pulumi:Stack"), error: failure };
}

describe.skipIf(!ready)("the stack program gates the spec", () => {
  it("throws on a spec that fails a policy, naming the findings, before any resource is registered", async () => {
    const document = parseDocument(readFileSync(join(ROOT, "examples/airport-assistant.rag.yaml"), "utf8"));
    document.setIn(["spec", "network", "publicIngress", "vectorStore"], true);
    document.setIn(["spec", "guardrails", "input", "promptInjection"], false);
    const file = join(tempDir(), "rejected.yaml");
    writeFileSync(file, document.toString());
    const { recorded, error } = await runProgram(file);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/does not pass the spec policies; nothing was deployed/);
    expect((error as Error).message).toMatch(/LLM-NET-002/);
    expect((error as Error).message).toMatch(/LLM-GUARD-001/);
    expect(recorded).toEqual([]);
  });
});
