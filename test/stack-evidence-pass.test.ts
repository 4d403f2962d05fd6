/**
 * Issue 20: with its committed passing evidence (llmops:evidence, ages measured at
 * llmops:evidenceAsOf), the production campaign summariser passes the evidence gate and registers
 * its stack. The refusal without evidence: test/stack-evidence-refused.test.ts.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, tempDir } from "./helpers/cli.js";
import { bundleBuilt } from "./helpers/tools.js";
import type { RecordedResource } from "../stacks/mocks.js";

/** Runs stacks/index.ts once under mocks with this stack config (Pulumi reads the config once per process). */
async function runProgram(config: Record<string, string>): Promise<{ recorded: RecordedResource[]; error?: unknown }> {
  process.env.PULUMI_CONFIG = JSON.stringify(config);
  const pulumi = await import("@pulumi/pulumi");
  const { llmopsMocks } = await import("../stacks/mocks.js");
  const { runInStack, waitForRegistrations } = await import("../stacks/pulumi-internals.js");
  const recorded: RecordedResource[] = [];
  await pulumi.runtime.setMocks(llmopsMocks("eu-west-1", recorded), "responsible-llmops", "evidence-gate-test", false);
  const { default: main } = await import("../stacks/index.js");
  let failure: unknown;
  await runInStack(() => main().catch((error: unknown) => {
    failure = error;
    return {};
  }));
  await waitForRegistrations();
  return { recorded: recorded.filter((resource) => resource.type !== "pulumi:pulumi:Stack"), error: failure };
}

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
