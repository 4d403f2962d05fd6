/**
 * Output on a pipe must be complete. Writes to a pipe are asynchronous in Node: bytes past the
 * pipe's buffer (64 KiB on Linux) wait in the stream, and process.exit() drops them (a 194 KB
 * SARIF report arrived as 131,072 bytes). The entry point awaits this before it exits.
 */

/** Resolves once everything written so far to `stream` has been handed to the OS. */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.destroyed || !stream.writable) return Promise.resolve();
  return new Promise((resolve) => {
    // Writes complete in order: the callback of an empty write runs after all earlier ones.
    stream.write("", () => resolve());
  });
}

/** Waits until stdout and stderr have drained (a reader that went away counts as drained). */
export async function flushStandardStreams(): Promise<void> {
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
}

/**
 * A reader that closes early (`llmops check … | head`) makes writes fail with EPIPE: the output
 * is no longer wanted, so that ends the run quietly instead of with an unhandled error.
 */
export function ignoreClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
  }
}
