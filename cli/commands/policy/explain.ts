/** `llmops policy explain <id>`: one check in full, each mapped control with its catalogue title. */
import { join } from "node:path";
import type { ArgumentsCamelCase, Argv } from "yargs";
import { withBundle, withInspectFormat, withOrganisationSources } from "./shared-options.js";

export const command = "explain <id>";
export const describe = "Show one check in full: metadata, framework controls, origin and any override";

export function builder(yargs: Argv) {
  return withInspectFormat(withOrganisationSources(withBundle(yargs, "read")))
    .positional("id", { type: "string", demandOption: true, describe: "Check id, e.g. LLM-PRIV-001" })
    .example("$0 policy explain LLM-PRIV-001", "One check in full");
}

type Arguments = ArgumentsCamelCase<Awaited<ReturnType<typeof builder>["argv"]>>;

export async function handler(argv: Arguments): Promise<void> {
  const { loadCatalog, originOf, overrideNote } = await import("./catalog-source.js");
  const entries = await loadCatalog(argv);
  const entry = entries.find((candidate) => candidate.id === argv.id);
  if (!entry) {
    const { UsageError } = await import("../../errors.js");
    throw new UsageError(`no check with id ${argv.id}; see llmops policy list`);
  }
  // Each mapped control id is shown with its title from the framework catalogue.
  const { controlTitle, loadFrameworkCatalogues } = await import("../../../policies/engine/frameworks.js");
  const { packageRoot } = await import("../../../policies/engine/spec-policies.js");
  const catalogues = loadFrameworkCatalogues(join(packageRoot(), "policies", "frameworks"));
  const controls = Object.entries(entry.frameworks).map(([name, ids]) => ({
    framework: name,
    name: catalogues.get(name)?.name ?? name,
    controls: ids.map((control) => ({
      id: control,
      title: controlTitle(catalogues, name, control) ?? "(not in the framework catalogue)",
    })),
  }));
  if (argv.format === "json") {
    process.stdout.write(`${JSON.stringify({ ...entry, origin: originOf(entry), controls }, null, 2)}\n`);
    return;
  }
  const frameworks = controls
    .map((framework) =>
      [
        `  ${framework.framework} (${framework.name})`,
        ...framework.controls.map((control) => `    ${control.id}: ${control.title}`),
      ].join("\n"),
    )
    .join("\n");
  const note = overrideNote(entry);
  process.stdout.write(
    `${entry.id} (${entry.severity}) ${entry.title}\n\n${entry.description}\n\nRemediation: ${entry.remediation}\n\nFrameworks:\n${frameworks}\n\n` +
      `Source: ${entry.source} (package ${entry.package})\nOrigin: ${originOf(entry)}\n${note ? `Override: ${note}\n` : ""}`,
  );
}
