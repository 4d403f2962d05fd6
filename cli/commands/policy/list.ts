/** `llmops policy list`: every check a bundle (or a set of policy sources) holds, with its origin. */
import type { ArgumentsCamelCase, Argv } from "yargs";
import { withBundle, withInspectFormat, withOrganisationSources } from "./shared-options.js";

export const command = "list";
export const describe =
  "List the checks of the bundle, or of the built-in library plus --policy dirs (no WebAssembly compiled)";

export function builder(yargs: Argv) {
  return withInspectFormat(withOrganisationSources(withBundle(yargs, "read")))
    .example("$0 policy list --format json", "Every check with all metadata")
    .example("$0 policy list --policy org-policies", "Built-in and organisation checks, from the sources");
}

type Arguments = ArgumentsCamelCase<Awaited<ReturnType<typeof builder>["argv"]>>;

export async function handler(argv: Arguments): Promise<void> {
  const { loadCatalog, originOf, overrideNote } = await import("./catalog-source.js");
  const entries = await loadCatalog(argv);
  if (argv.format === "json") {
    process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
    return;
  }
  for (const entry of entries) {
    const origin = originOf(entry);
    const note = overrideNote(entry);
    process.stdout.write(
      `${entry.id.padEnd(15)} ${entry.severity.padEnd(8)} ${entry.title}${origin === "builtin" ? "" : `  [${origin}]`}${note ? `  (${note})` : ""}\n`,
    );
  }
}
