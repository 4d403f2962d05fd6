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

/** Runtime inputs may also be directories (rendered manifests): searched for YAML and JSON files. */
export async function expandRuntimeInputs(inputs: readonly string[]): Promise<string[]> {
  const { statSync } = await import("node:fs");
  const files: string[] = [];
  for (const input of await expandInputs(inputs)) {
    let directory = false;
    try {
      directory = statSync(input).isDirectory();
    } catch {
      // Missing files are reported by the reader, with their name.
    }
    if (!directory) {
      files.push(input);
      continue;
    }
    const { glob } = await import("tinyglobby");
    const found = (await glob("**/*.{yaml,yml,json}", { cwd: input, absolute: false, onlyFiles: true })).sort().map((file) => `${input.replace(/\/$/, "")}/${file}`);
    if (found.length === 0) throw new InputError("directory holds no .yaml, .yml or .json file", input);
    files.push(...found);
  }
  return [...new Set(files)];
}
