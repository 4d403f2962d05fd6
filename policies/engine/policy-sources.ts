/**
 * Is the bundle in use older than this checkout's policies? (issue 14, item 7)
 *
 * `llmops policy build` records in manifest.json the directory it built from and a digest of
 * its sources (every file OPA reads there: .rego other than tests, and the data files). When the
 * bundle being loaded was built from this checkout's policies/ and those sources have changed
 * since, the caller says so on stderr, one line, with the rebuild command. Nothing rebuilds
 * implicitly, and a bundle built elsewhere (another checkout, a release) is never judged.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, realpathSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** What manifest.json records about the sources of a bundle. */
export interface PolicySources {
  /** Absolute (real) path of the policies directory the bundle was built from. */
  readonly dir: string;
  /** sha256 (hex) over the sorted relative paths and contents of the source files. */
  readonly digest: string;
}

/** Directories under policies/ that are not policy sources (the same as the build ignores). */
const NOT_SOURCES = new Set(["engine", "pack", "node_modules"]);
const SOURCE_FILE = /\.(rego|ya?ml|json)$/;

function sourceFiles(dir: string, root: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!NOT_SOURCES.has(entry.name) && !entry.name.startsWith(".")) sourceFiles(path, root, out);
    } else if (SOURCE_FILE.test(entry.name) && !entry.name.endsWith("_test.rego")) {
      out.push(relative(root, path).split(sep).join("/"));
    }
  }
  return out;
}

/** The sources record of a policies directory. Throws when the directory cannot be read. */
export function policySources(policiesDir: string): PolicySources {
  const dir = realpathSync(policiesDir);
  const hash = createHash("sha256");
  for (const file of sourceFiles(dir, dir, []).sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(dir, file)));
    hash.update("\0");
  }
  return { dir, digest: hash.digest("hex") };
}

/**
 * One line for stderr when `recorded` (from a bundle's manifest) names `checkoutPolicies` and its
 * sources have changed since the build; undefined otherwise (no record, another directory, no
 * change, or a directory that cannot be read: this is advice, never a failure).
 */
export function staleBundleNote(
  recorded: PolicySources | undefined,
  checkoutPolicies: string,
  bundleDir: string,
): string | undefined {
  if (!recorded || typeof recorded.dir !== "string" || !existsSync(checkoutPolicies)) return undefined;
  try {
    const current = policySources(checkoutPolicies);
    if (current.dir !== recorded.dir || current.digest === recorded.digest) return undefined;
  } catch {
    return undefined;
  }
  return `llmops: warning: the policy bundle ${bundleDir} was built from ${recorded.dir} before its latest changes; it is used as built. Rebuild it with: npm run policy:build`;
}
