/** Shared pieces of the components' argument-validator tests (test/components/). */
import { expect } from "vitest";

/** A well-formed image or weights digest (sha256 and 64 hex digits). */
export const DIGEST = `sha256:${"a".repeat(64)}`;

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
