/**
 * The catalogue `policy list` and `policy explain` show: from the policy sources when --policy or
 * --data is given (built-in plus organisation checks, through `opa inspect`, no WebAssembly
 * compiled), else from a built bundle's catalog.json, checked against its manifest digest and,
 * with a trusted key, its signature (readBundleCatalog): policy.wasm is neither read nor compiled.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CatalogEntry } from "../../../policies/engine/catalog-entry.js";

export interface CatalogSourceArguments {
  readonly policy: readonly string[];
  readonly data: readonly string[];
  readonly bundle?: string | undefined;
}

/**
 * The catalogue `llmops policy list`/`explain` show: read from the built bundle (`--bundle`, or the
 * default one) when no `--policy` or `--data` is given, otherwise compiled from the built-in sources
 * plus those (staged in a temporary directory, removed afterwards). Throws EngineError (bundle
 * missing or unreadable), InputError (a data file), PolicyBuildError, CatalogError or ToolError
 * (OPA could not inspect the sources).
 */
export async function loadCatalog(argv: CatalogSourceArguments): Promise<CatalogEntry[]> {
  const { defaultBundleDir, packageRoot } = await import("../../../policies/engine/spec-policies.js");
  if (argv.policy.length === 0 && argv.data.length === 0) {
    const { readBundleCatalog } = await import("../../../policies/engine/engine.js");
    return readBundleCatalog(argv.bundle ?? defaultBundleDir()).catalog;
  }
  const { catalogOfSources, stagePolicySources } = await import("../../../policies/engine/build-bundle.js");
  const { defaultToolsDir } = await import("../../../policies/engine/opa-tools.js");
  const work = mkdtempSync(join(tmpdir(), "llmops-policy-catalog-"));
  try {
    return catalogOfSources(stagePolicySources(packageRoot(), work, argv.policy, argv.data), defaultToolsDir());
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** "builtin" or the organisation directory. */
export function originOf(entry: CatalogEntry): string {
  return entry.origin ?? "builtin";
}

/** One line about an override, or undefined. */
export function overrideNote(entry: CatalogEntry): string | undefined {
  const override = entry.override;
  if (!override) return undefined;
  return override.disabled
    ? `disabled by ${override.file}: ${override.reason}`
    : `severity ${override.severityFrom ?? "?"} → ${entry.severity} by ${override.file}: ${override.reason}`;
}
