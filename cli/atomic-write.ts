/**
 * Writes a file so that readers see either the old content or the whole new content:
 * a temporary file in the same directory, fsync, then rename. On any failure the
 * temporary file is removed and nothing partial is left behind.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { UserFacingError } from "../schemas/user-facing-error.js";

/** The output file could not be written (exit 2); the message names the file and the system error. */
export class OutputError extends UserFacingError {}

/**
 * Writes `content` to `file` through a temporary file in the same directory, flushed and renamed over it, so a reader sees the old file or the whole new one, never a part.
 * @throws OutputError when the directory cannot be written, the disk is full or the rename fails (the temporary file is removed)
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, "wx", 0o644);
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(descriptor, bytes, offset, bytes.length - offset);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temporary, file);
  } catch (error) {
    // Clean-up must not replace the reason: rmSync's `force` ignores ENOENT only, not ENOTDIR.
    try {
      if (descriptor !== undefined) closeSync(descriptor);
      rmSync(temporary, { force: true });
    } catch {
      // nothing was created, or it cannot be reached either
    }
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new OutputError(`cannot write ${file} (${code}); nothing was written`);
  }
}
