/** Shared pieces of the components' argument-validator tests (test/components/). */
import { describe, expect, it } from "vitest";
import type { GatewayArgs } from "../../components/kubernetes/gateway.js";

/** A well-formed image or weights digest (sha256 and 64 hex digits). */
export const DIGEST = `sha256:${"a".repeat(64)}`;

/** The fewest gateway arguments the validator accepts: one namespace, no routes, no exposure, no egress. */
export const MINIMAL_GATEWAY_ARGS: GatewayArgs = {
  stack: "s",
  namespace: "n",
  image: { repository: "r", digest: DIGEST },
  edgeImage: { repository: "e", digest: DIGEST },
  routes: [],
  serviceAccountName: "sa",
  masterKeySecret: "k",
  internalIssuer: "ca",
  egressTo: [],
};

/**
 * Asserts that `run` throws an error (an InputPropertyError from a component's validator) whose
 * `propertyPath: message` matches `expected`, so a refusal names the argument it refuses.
 */
export function expectRefusal(run: () => void, expected: RegExp): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  const error = thrown as { propertyPath?: string; message: string } | undefined;
  expect(error, "expected an InputPropertyError").toBeDefined();
  expect(`${error!.propertyPath ?? ""}: ${error!.message}`).toMatch(expected);
}

/** One refusal: the case's name, the call that must throw, and what its `propertyPath: message` must match. */
export type RefusalCase = readonly [name: string, run: () => void, expected: RegExp];

/**
 * The validator-refusal suite of a component's test file: one test per case, named by the case,
 * each asserting with expectRefusal.
 */
export function describeRefusals(cases: readonly RefusalCase[]): void {
  describe("the validator refuses insecure or inconsistent arguments with a property path", () => {
    it.each(cases.map((refusal) => [...refusal] as [string, () => void, RegExp]))("%s", (_name, run, expected) =>
      expectRefusal(run, expected),
    );
  });
}
