/**
 * A compliant spec runs through stacks/index.ts under mocks and registers the whole stack. The
 * claims explainer is a production spec whose evaluation gate blocks and has no committed evidence
 * (its metrics are model-graded and human-rated), so it runs here as a staging copy; the production
 * spec without evidence is refused (test/stack-gate.test.ts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { ROOT, tempDir } from "./helpers/cli.js";
import { bundleBuilt } from "./helpers/tools.js";
import type { RecordedResource } from "../stacks/mocks.js";

describe.skipIf(!bundleBuilt())("the stack program", () => {
  it("registers the stack for a compliant spec and exports its outputs", async () => {
    const staging = parseDocument(readFileSync(join(ROOT, "examples/claims-explainer.blackbox.yaml"), "utf8"));
    staging.setIn(["metadata", "environment"], "staging");
    const specFile = join(tempDir(), "claims-explainer.staging.yaml");
    writeFileSync(specFile, staging.toString());
    process.env.PULUMI_CONFIG = JSON.stringify({ "llmops:spec": specFile });
    const pulumi = await import("@pulumi/pulumi");
    const { llmopsMocks } = await import("../stacks/mocks.js");
    const { runInStack, waitForRegistrations } = await import("../stacks/pulumi-internals.js");
    const recorded: RecordedResource[] = [];
    await pulumi.runtime.setMocks(llmopsMocks("us-east-1", recorded), "responsible-llmops", "program-test", false);
    const { default: main } = await import("../stacks/index.js");
    let outputs: Record<string, unknown> = {};
    await runInStack(async () => {
      outputs = await main();
      return outputs;
    });
    await waitForRegistrations();
    expect(recorded.length).toBeGreaterThan(50);
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(["clusterName", "auditBucket", "roleArns", "policyBundleRevision", "gatewayService"]),
    );
    // The Bedrock model is granted exactly, and reached through its VPC endpoint.
    const policies = recorded
      .filter((resource) => resource.type === "aws:iam/rolePolicy:RolePolicy")
      .map((resource) => String(resource.inputs.policy));
    expect(
      policies.some((policy) => policy.includes("foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0")),
    ).toBe(true);
    expect(
      recorded.some(
        (resource) =>
          resource.type === "aws:ec2/vpcEndpoint:VpcEndpoint" &&
          String(resource.inputs.serviceName).endsWith("bedrock-runtime"),
      ),
    ).toBe(true);
  });
});
