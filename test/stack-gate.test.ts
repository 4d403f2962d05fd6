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
import { runProgram } from "./helpers/run-program.js";

const ready = bundleBuilt();

describe.skipIf(!ready)("the stack program gates the spec", () => {
  it("throws on a spec that fails a policy, naming the findings, before any resource is registered", async () => {
    const document = parseDocument(readFileSync(join(ROOT, "examples/airport-assistant.rag.yaml"), "utf8"));
    document.setIn(["spec", "network", "publicIngress", "vectorStore"], true);
    document.setIn(["spec", "guardrails", "input", "promptInjection"], false);
    const file = join(tempDir(), "rejected.yaml");
    writeFileSync(file, document.toString());
    const { recorded, error } = await runProgram({ "llmops:spec": file }, "gate-test");
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/does not pass the spec policies; nothing was deployed/);
    expect((error as Error).message).toMatch(/LLM-NET-002/);
    expect((error as Error).message).toMatch(/LLM-GUARD-001/);
    expect(recorded).toEqual([]);
  });
});
