/**
 * One-line error messages for everything that ends a run with exit 2. A stack trace is
 * printed only with --debug.
 */
import { InputError } from "../input/input-error.js";
import { describeThrown, isUserFacing } from "../schemas/user-facing-error.js";

/** Bad usage (a flag missing, contradicting another, or naming nothing): exit 2 with a pointer to --help. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/**
 * The text printed on stderr for anything that ends a run with exit 2:
 * - InputError: `file:line:column: message`;
 * - UsageError: the message and a pointer to `llmops --help`;
 * - UserFacingError (engine, bundle, output, cluster, evidence, spec gate): `llmops: message`;
 * - any other Error: `llmops: internal error: message`, the stack only with `debug`;
 * - anything else thrown (plain objects): its JSON, cut at 500 characters.
 */
export function describeError(error: unknown, debug: boolean): string {
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : "";
  if (error instanceof InputError) return `${error.format()}${stack}`;
  if (error instanceof UsageError) return `llmops: ${error.message}\nRun 'llmops --help' for usage.`;
  if (isUserFacing(error)) return `llmops: ${error.message}${stack}`;
  if (error instanceof Error)
    return `llmops: internal error: ${error.message}${debug ? stack : " (run with --debug for details)"}`;
  // Some libraries (the opa-wasm SDK among them) throw plain objects.
  return `llmops: internal error: ${describeThrown(error, 500)}`;
}
