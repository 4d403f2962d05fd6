/** `llmops policy new <spec|runtime>/<category>/<name>`: scaffold an organisation check and its tests. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ArgumentsCamelCase, Argv } from "yargs";

export const command = "new <check>";
export const describe =
  "Write a new check (METADATA, rule) and its test file (denied and allowed tables) that pass the gate as written";

export function builder(yargs: Argv) {
  return yargs
    .positional("check", {
      type: "string",
      demandOption: true,
      describe: "<spec|runtime>/<category>/<name>, e.g. spec/data/rag_refresh_hourly",
    })
    .option("dir", {
      type: "string",
      default: ".",
      describe: "Organisation policy directory to write into (give it to policy build/test --policy)",
    })
    .option("id", { type: "string", describe: "Check id (default: ORG-<CATEGORY>-<next free number>)" })
    .example(
      "$0 policy new spec/data/rag_refresh_hourly --dir org-policies --id ORG-DATA-001",
      "Scaffold a spec check",
    );
}

type Arguments = ArgumentsCamelCase<Awaited<ReturnType<typeof builder>["argv"]>>;

export async function handler(argv: Arguments): Promise<void> {
  const { defaultCheckId, parseScaffoldPath, scaffoldCheck, ScaffoldError } =
    await import("../../../policies/engine/scaffold.js");
  const request = parseScaffoldPath(argv.check);
  let id = argv.id;
  if (id === undefined) {
    // The first ORG-<CATEGORY>-<n> no .rego file in the directory already uses.
    const used = existsSync(argv.dir)
      ? readdirSync(argv.dir, { recursive: true, encoding: "utf8" })
          .filter((file) => file.endsWith(".rego"))
          .map((file) => readFileSync(join(argv.dir, file), "utf8"))
          .join("\n")
      : "";
    let number = 1;
    while (used.includes(`"${defaultCheckId(request.category, number)}"`)) number++;
    id = defaultCheckId(request.category, number);
  }
  const files = scaffoldCheck({ ...request, id });
  for (const file of files) {
    if (existsSync(join(argv.dir, file.path)))
      throw new ScaffoldError(`${join(argv.dir, file.path)} already exists; not overwritten`);
  }
  for (const file of files) {
    mkdirSync(dirname(join(argv.dir, file.path)), { recursive: true });
    writeFileSync(join(argv.dir, file.path), file.content, { flag: "wx" });
    process.stdout.write(`wrote ${join(argv.dir, file.path)}\n`);
  }
  process.stdout.write(
    `check ${id}: edit the rule and its tables, then run: llmops policy test --policy ${argv.dir}\n`,
  );
}
