/**
 * Issue 20: the stack program refuses a production spec whose evaluation gate blocks when no
 * evidence is configured at all (no llmops:evidence), with LLM-EVID-001, before any resource is
 * registered. Passing evidence: test/stack-evidence-pass.test.ts (one program run per file).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, tempDir } from "./helpers/cli.js";
import { bundleBuilt } from "./helpers/tools.js";
import { runProgram } from "./helpers/run-program.js";

describe.skipIf(!bundleBuilt())("the stack program without evidence", () => {
  it("refuses the production campaign summariser (gate: block) with LLM-EVID-001, registering nothing", async () => {
    const { recorded, error } = await runProgram({
      "llmops:spec": join(ROOT, "examples/campaign-summariser.rag.yaml"),
      "llmops:renderYamlToDirectory": join(tempDir(), "rendered"),
    });
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/nothing was deployed/);
    expect((error as Error).message).toMatch(/high LLM-EVID-001 no evidence names model mistral-7b/);
    expect((error as Error).message).toMatch(/no evaluation evidence was configured/);
    expect(recorded).toEqual([]);
  });
});
