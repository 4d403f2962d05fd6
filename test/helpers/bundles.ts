/** Bundle tampering for fault tests: the forger's move is to make the manifest match the change. */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bundleRevision } from "../../policies/engine/bundle-layout.js";

/** Rewrites the manifest's digest and revision so they match a tampered `file`. */
export function rehash(dir: string, file: string): void {
  const manifestFile = join(dir, "manifest.json");
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as {
    files: Record<string, string>;
    revision: string;
  };
  manifest.files[file] = createHash("sha256")
    .update(readFileSync(join(dir, file)))
    .digest("hex");
  manifest.revision = bundleRevision(manifest.files);
  writeFileSync(manifestFile, JSON.stringify(manifest));
}
