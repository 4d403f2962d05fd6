/**
 * Expands command-line inputs: plain paths pass through (the loader reports a missing or
 * unreadable file with its name); arguments with glob characters are expanded, sorted,
 * and must match something.
 */
import { InputError } from "../schemas/input-error.js";

const GLOB_CHARACTERS = /[*?[\]{}]/;

export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    if (!GLOB_CHARACTERS.test(input)) {
      files.push(input);
      continue;
    }
    const { glob } = await import("tinyglobby");
    const matches = (await glob(input, { onlyFiles: true, dot: false, expandDirectories: false })).sort();
    if (matches.length === 0) throw new InputError("no file matches this pattern", input);
    files.push(...matches);
  }
  return [...new Set(files)];
}
