/**
 * Where `llmops check` looks for a waiver file when --waivers is not given: `.llmops-waivers.yaml`
 * at the repository root, which is the git root of the working directory (the nearest ancestor
 * holding `.git`, a directory or a worktree's file), else the working directory itself. Kept
 * apart from waiver-file.ts so a run without a waiver file loads nothing else.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { DEFAULT_WAIVER_FILE } from "../../schemas/waiver-schema-name.js";

export { DEFAULT_WAIVER_FILE };

/** The git root of `cwd` (nearest ancestor with `.git`), else `cwd`; absolute. */
export function repositoryRoot(cwd: string = process.cwd()): string {
  const start = resolve(cwd);
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git"))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

/** `<repository root>/.llmops-waivers.yaml` when it exists as a file, else undefined. */
export function defaultWaiverFile(cwd: string = process.cwd()): string | undefined {
  const file = join(repositoryRoot(cwd), DEFAULT_WAIVER_FILE);
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}
