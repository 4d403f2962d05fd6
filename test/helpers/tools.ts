/** Locates the pinned Go tools; tests that need one skip with a printed reason when it is absent. */
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./cli.js";

export function findTool(name: string): string | undefined {
  const local = join(ROOT, ".tools", "bin", name);
  if (existsSync(local)) return local;
  const which = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  return which.status === 0 ? which.stdout.trim() : undefined;
}

export function requireTool(name: string): string | undefined {
  const path = findTool(name);
  if (!path)
    console.warn(`SKIP: ${name} is not installed (run bash scripts/install-tools.sh); tests that need it are skipped`);
  return path;
}

export const BUNDLE_DIR = join(ROOT, "dist", "bundle");

export function bundleBuilt(): boolean {
  const built = existsSync(join(BUNDLE_DIR, "manifest.json"));
  if (!built) console.warn("SKIP: dist/bundle is not built (run npm run policy:build); policy tests are skipped");
  return built;
}
