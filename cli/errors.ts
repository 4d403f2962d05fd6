/**
 * One-line error messages for everything that ends a run with exit 2. A stack trace is
 * printed only with --debug.
 */
import { InputError } from "../schemas/input-error.js";

export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Errors whose message is already written for the user (engine, bundle, output). */
export interface UserFacingError {
  readonly userFacing: true;
  readonly message: string;
}

function isUserFacing(error: unknown): error is UserFacingError & Error {
  return error instanceof Error && (error as Partial<UserFacingError>).userFacing === true;
}

export function describeError(error: unknown, debug: boolean): string {
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : "";
  if (error instanceof InputError) return `${error.format()}${stack}`;
  if (error instanceof UsageError) return `llmops: ${error.message}\nRun 'llmops --help' for usage.`;
  if (isUserFacing(error)) return `llmops: ${error.message}${stack}`;
  if (error instanceof Error) return `llmops: internal error: ${error.message}${debug ? stack : " (run with --debug for details)"}`;
  // Some libraries (the opa-wasm SDK among them) throw plain objects.
  let rendered: string;
  try {
    rendered = JSON.stringify(error) ?? String(error);
  } catch {
    rendered = String(error);
  }
  return `llmops: internal error: ${rendered.slice(0, 500)}`;
}
