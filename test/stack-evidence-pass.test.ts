/**
 * Issue 20: with its committed passing evidence (llmops:evidence, ages measured at
 * llmops:evidenceAsOf), the production campaign summariser passes the evidence gate and registers
 * its stack. The refusal without evidence: test/stack-evidence-refused.test.ts.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, tempDir } from "./helpers/cli.js";
import { bundleBuilt } from "./helpers/tools.js";
import { runProgram } from "./helpers/run-program.js";

describe.skipIf(!bundleBuilt())("the stack program with evidence", () => {
  it("registers the production campaign summariser with its committed evidence", async () => {
    const { recorded, error } = await runProgram({
      "llmops:spec": join(ROOT, "examples/campaign-summariser.rag.yaml"),
      "llmops:evidence": "examples/evidence/campaign-summariser.evidence.yaml",
      "llmops:evidenceAsOf": "2026-12-01T00:00:00Z",
      "llmops:renderYamlToDirectory": join(tempDir(), "rendered"),
    });
    expect(error).toBeUndefined();
    expect(recorded.some((resource) => resource.type === "kubernetes:apps/v1:Deployment")).toBe(true);
  });
});
