/**
 * Exit codes of every command, and the one place a handler records its result.
 * Only the entry point (bin/llmops.js via main) turns it into process.exit.
 */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_CANNOT_EVALUATE = 2;

let recorded = EXIT_OK;

/** Records a command's result; the highest code recorded in the run wins (2 over 1 over 0). */
export function recordExit(code: number): void {
  recorded = Math.max(recorded, code);
}

/** The highest exit code recorded since the last call, and resets it to 0 (so tests can run commands one after another in one process). */
export function takeExit(): number {
  const code = recorded;
  recorded = EXIT_OK;
  return code;
}
