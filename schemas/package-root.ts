/**
 * Where this package's own files are, from sources (schemas/) and from dist (dist/schemas/)
 * alike: the nearest directory above this module that holds a package.json.
 */
import { existsSync } from "node:fs";
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
