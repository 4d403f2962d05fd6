/**
 * Where this package's own files are, from sources (schemas/) and from dist (dist/schemas/)
 * alike: the nearest directory above this module that holds a package.json.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root, found by walking up to package.json (works from sources and from dist). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/**
 * The published JSON Schema of the spec (committed, and what `llmops schema` prints), as an
 * absolute path inside the package: what `llmops init` points editors at.
 */
export function publishedSchemaFile(): string {
  return join(packageRoot(), "schemas", "llmops-v1alpha1.schema.json");
}

let cachedVersion: string | undefined;

/**
 * This package's version, read once from its package.json (`version`): what SARIF's
 * `tool.driver.semanticVersion` and evidence's `producer.version` report. Throws when
 * package.json cannot be read or has no string `version`, which only a broken install does.
 */
export function packageVersion(): string {
  if (cachedVersion === undefined) {
    const manifest = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version?: unknown };
    if (typeof manifest.version !== "string") throw new Error(`${join(packageRoot(), "package.json")} has no version`);
    cachedVersion = manifest.version;
  }
  return cachedVersion;
}
