/** Shared pieces of the components' argument-validator tests (test/components/). */
import { expect } from "vitest";
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
