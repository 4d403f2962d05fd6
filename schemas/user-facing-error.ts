/**
 * The error base every layer throws when its message is already written for the person at the
 * terminal, and the one renderer of anything thrown. This module imports nothing, so the CLI's
 * error path (and `--help`) never loads the engine, the schema or Pulumi to print a message.
 */

/**
 * An error whose message is meant for the user as it stands: the CLI prints
 * `llmops: <message>` and exits 2, with no "internal error" wording and a stack trace only under
 * --debug. `name` is the subclass's own name (`EngineError`, `ToolError`, …), set once here
 * rather than by each subclass.
 */
export class UserFacingError extends Error {
  /** Brand kept on every instance, so a check still works across two copies of this module. */
  readonly userFacing = true as const;

  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** True when `error` is a UserFacingError (from this copy of the module or another one). */
export function isUserFacing(error: unknown): error is UserFacingError {
  return (
    error instanceof UserFacingError ||
    (error instanceof Error && (error as Partial<UserFacingError>).userFacing === true)
  );
}

/**
 * Renders anything thrown as one string: an Error's message, otherwise its JSON (some libraries,
 * the opa-wasm SDK among them, throw plain objects), otherwise `String(value)`; the non-Error
 * forms are cut to `maxLength` characters (default 300). Never throws.
 */
export function describeThrown(error: unknown, maxLength = 300): string {
  if (error instanceof Error) return error.message;
  try {
    return (JSON.stringify(error) ?? String(error)).slice(0, maxLength);
  } catch {
    return String(error).slice(0, maxLength);
  }
}
