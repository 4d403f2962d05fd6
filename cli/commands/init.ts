/** `llmops init --pattern <p> [--out file]`: writes a starter spec that passes every policy. */
import type { Argv } from "yargs";
import { InputError } from "../../input/input-error.js";
import { STDIN_ARGUMENT } from "../../input/source-file.js";
import { UsageError } from "../errors.js";
import { PATTERNS as PATTERN_CHOICES } from "../../schemas/spec-constants.js";

export const command = "init";
export const describe = "Write a starter spec for an architecture pattern";

export function builder(yargs: Argv) {
  return yargs
    .option("pattern", { alias: "p", choices: PATTERN_CHOICES, demandOption: true, describe: "Architecture pattern" })
    .option("name", { type: "string", describe: "Stack name (DNS label)", default: undefined as string | undefined })
    .option("out", { type: "string", default: "llmops.yaml", describe: "Where to write the spec ('-' for stdout)" })
    .option("force", { type: "boolean", default: false, describe: "Overwrite an existing file" });
}

interface Arguments {
  pattern: (typeof PATTERN_CHOICES)[number];
  name?: string | undefined;
  out: string;
  force: boolean;
}

export async function handler(parsed: Arguments): Promise<void> {
  // The entry point passes a lone `-` as STDIN_ARGUMENT (yargs drops a bare `-`); here it is stdout.
  const argv = parsed.out === STDIN_ARGUMENT ? { ...parsed, out: "-" } : parsed;
  if (argv.out === "") throw new UsageError("--out needs a file name, or - for standard output");
  const { starterSpecText } = await import("../starter-specs.js");
  const name = argv.name ?? `${argv.pattern.toLowerCase()}-stack`;
  if (!/^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/.test(name)) {
    throw new InputError("stack name must be a DNS label (lowercase letters, digits, '-')", "--name");
  }
  // Editors resolve the modeline relative to the spec file (stdout: relative to the working directory).
  const [{ publishedSchemaFile }, path] = await Promise.all([
    import("../../schemas/package-root.js"),
    import("node:path"),
  ]);
  const from = argv.out === "-" ? process.cwd() : path.dirname(path.resolve(argv.out));
  const schemaRef = path.relative(from, publishedSchemaFile()).split(path.sep).join("/");
  const text = await starterSpecText(argv.pattern, name, schemaRef.startsWith(".") ? schemaRef : `./${schemaRef}`);
  if (argv.out === "-") {
    process.stdout.write(text);
    return;
  }
  const { existsSync } = await import("node:fs");
  if (existsSync(argv.out) && !argv.force) {
    throw new InputError("already exists; pass --force to overwrite it", argv.out);
  }
  const { writeFileAtomic } = await import("../atomic-write.js");
  writeFileAtomic(argv.out, text);
  process.stderr.write(`wrote ${argv.out} (${argv.pattern}); next: npx llmops validate ${argv.out}\n`);
}
