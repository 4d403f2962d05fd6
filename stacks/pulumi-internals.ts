/**
 * The Pulumi SDK internals the offline plan relies on, kept in one place with a test that
 * pins their behaviour (test/pulumi-internals.test.ts):
 *  - runtime/settings `waitForRPCs`, exported but not typed, which also waits for
 *    resources registered inside `apply`;
 *  - reading a resolved Output's value after the run (`Output.promise()`);
 *  - the URN shape under mocks, which encodes the parent type chain.
 */
import type * as pulumi from "@pulumi/pulumi";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** Resolves when every resource registration the program has started has finished (Pulumi's settings module's pending-work counter). */
export async function waitForRegistrations(): Promise<void> {
  const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs?: () => Promise<void> };
  if (typeof settings.waitForRPCs !== "function")
    throw new Error("this @pulumi/pulumi has no runtime/settings.waitForRPCs; the offline plan needs it");
  await settings.waitForRPCs();
}

/** Runs `init` as the root stack program under the already configured (mock) runtime, as `pulumi up` would, and resolves to its outputs. */
export function runInStack(init: () => Promise<Record<string, unknown>>): Promise<unknown> {
  const stack = require("@pulumi/pulumi/runtime/stack") as {
    runInPulumiStack: (init: () => Promise<unknown>) => Promise<unknown>;
  };
  return stack.runInPulumiStack(init);
}

/** The resolved value of an Output after the program ran (undefined while unknown). */
export async function resolvedValue<T>(output: pulumi.Output<T>): Promise<T | undefined> {
  const internal = output as unknown as { promise: (withUnknowns?: boolean) => Promise<T> };
  return internal.promise();
}

/** `urn:pulumi:<stack>::<project>::<type chain>::<name>` → its parts. */
export function parseUrn(urn: string): {
  stack: string;
  project: string;
  typeChain: string[];
  type: string;
  name: string;
} {
  const match = /^urn:pulumi:([^:]+)::([^:]+)::(.+)::([^:]+)$/.exec(urn);
  if (!match) throw new Error(`not a Pulumi URN: ${urn}`);
  const typeChain = match[3]!.split("$");
  return { stack: match[1]!, project: match[2]!, typeChain, type: typeChain[typeChain.length - 1]!, name: match[4]! };
}
