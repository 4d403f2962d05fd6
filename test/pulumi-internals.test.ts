/** Pins the Pulumi SDK internals the offline plan relies on (stacks/pulumi-internals.ts). */
import { describe, expect, it } from "vitest";
import type * as pulumiTypes from "@pulumi/pulumi";
import { parseUrn } from "../stacks/pulumi-internals.js";

describe("Pulumi SDK internals used by the offline plan", () => {
  it("exports runtime/settings.waitForRPCs and runtime/stack.runInPulumiStack", async () => {
    const { createRequire } = await import("node:module");
    const require = createRequire(import.meta.url);
    expect(typeof (require("@pulumi/pulumi/runtime/settings") as { waitForRPCs?: unknown }).waitForRPCs).toBe(
      "function",
    );
    expect(typeof (require("@pulumi/pulumi/runtime/stack") as { runInPulumiStack?: unknown }).runInPulumiStack).toBe(
      "function",
    );
  });

  it("under mocks, a child's URN carries its parent's type, and resources created inside apply are awaited", async () => {
    const pulumi = await import("@pulumi/pulumi");
    const { runInStack, waitForRegistrations, resolvedValue } = await import("../stacks/pulumi-internals.js");
    const types: string[] = [];
    await pulumi.runtime.setMocks(
      {
        newResource: (args) => {
          types.push(args.type);
          return { id: `mocked-${args.name}`, state: args.inputs as Record<string, unknown> };
        },
        call: () => {
          throw new Error("no calls");
        },
      },
      "p",
      "s",
      false,
    );
    class Thing extends pulumi.CustomResource {
      constructor(type: string, name: string, opts?: pulumiTypes.CustomResourceOptions) {
        super(type, name, {}, opts);
      }
    }
    let child: Thing | undefined;
    await runInStack(async () => {
      const parent = new pulumi.ComponentResource("test:index:Parent", "parent");
      child = new Thing("test:index:Child", "child", { parent });
      // A resource registered inside apply must also be awaited by waitForRegistrations.
      pulumi.output("x").apply((value) => new Thing("test:index:Late", `late-${value}`));
      return Promise.resolve({});
    });
    await waitForRegistrations();
    const urn = (await resolvedValue(child!.urn))!;
    expect(parseUrn(urn)).toMatchObject({ stack: "s", project: "p", type: "test:index:Child", name: "child" });
    expect(parseUrn(urn).typeChain).toContain("test:index:Parent");
    expect(types).toContain("test:index:Late");
  });
});
