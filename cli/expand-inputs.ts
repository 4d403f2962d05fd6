/**
 * Expands command-line inputs: plain paths pass through (the loader reports a missing or
 * unreadable file with its name); `-` is standard input (named `<stdin>`); arguments with glob
 * characters are expanded, sorted, and must match something. An input list that expands to no
 * file at all is refused (exit 2), never "0 files checked".
 */
import { InputError } from "../input/input-error.js";
import { STDIN_NAME, inputName } from "../input/source-file.js";
import { UsageError } from "./errors.js";

const GLOB_CHARACTERS = /[*?[\]{}]/;

/** The files the command arguments name, in argument order: a plain path or `-` (standard input) as given, a glob (`*`, `?`, `[`, `{`) expanded by tinyglobby to the files it matches, sorted. A glob that matches nothing gives nothing; the caller reports an empty list. */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const argument of inputs) {
    const input = inputName(argument);
    if (input === STDIN_NAME || !GLOB_CHARACTERS.test(input)) {
      files.push(input);
      continue;
    }
    const { glob } = await import("tinyglobby");
    const matches = (await glob(input, { onlyFiles: true, dot: false, expandDirectories: false })).sort();
    if (matches.length === 0) throw new InputError("no file matches this pattern", input);
    files.push(...matches);
  }
  if (files.length === 0) throw new UsageError("no input files given");
  return [...new Set(files)];
}

/** Runtime inputs after expansion: every file, and which of them were found inside a directory. */
export interface RuntimeInputFiles {
  readonly files: string[];
  /** Files found by searching a directory (not named on the command line, nor matched by a glob). */
  readonly discovered: ReadonlySet<string>;
}

/** Runtime inputs may also be directories (rendered manifests, a chart repository): searched for YAML and JSON files. */
export async function expandRuntimeInputs(inputs: readonly string[]): Promise<RuntimeInputFiles> {
  const { statSync } = await import("node:fs");
  const files: string[] = [];
  const discovered = new Set<string>();
  for (const input of await expandInputs(inputs)) {
    let directory = false;
    try {
      directory = input !== STDIN_NAME && statSync(input).isDirectory();
    } catch {
      // Missing files are reported by the reader, with their name.
    }
    if (!directory) {
      files.push(input);
      continue;
    }
    const { glob } = await import("tinyglobby");
    const found = (await glob("**/*.{yaml,yml,json}", { cwd: input, absolute: false, onlyFiles: true }))
      .sort()
      .map((file) => `${input.replace(/\/$/, "")}/${file}`);
    if (found.length === 0) throw new InputError("directory holds no .yaml, .yml or .json file", input);
    for (const file of found) {
      if (!files.includes(file)) discovered.add(file);
    }
    files.push(...found);
  }
  return { files: [...new Set(files)], discovered };
}
