/**
 * An input the toolkit cannot evaluate (unreadable, malformed, over a limit).
 * The CLI maps it to exit code 2 and prints `file:line:column: message` without a stack.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = "InputError";
  }

  /** One line: `file:line:column: message` (position parts only when known). */
  format(): string {
    const where = [this.file, this.line, this.line === undefined ? undefined : this.column]
      .filter((part) => part !== undefined)
      .join(":");
    return `${where}: ${this.message}`;
  }
}
