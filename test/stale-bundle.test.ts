/**
 * Issue 14, item 7: a stale bundle is named, never silently used and never rebuilt implicitly.
 * The manifest records the policies directory and a digest of its sources; when the bundle in
 * use was built from this checkout's policies/ and they changed since, one stderr line says so
 * with the rebuild command. The digest and the decision are unit-tested on a scratch policies
 * directory; the CLI is tested on a copy of the built bundle whose manifest records this
 * checkout's policies/ with a digest that no longer matches (the manifest is outside the
 * verified file digests, so the copy still loads).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { policySources, staleBundleNote } from "../policies/engine/policy-sources.js";
import { ROOT, runCli, tempDir } from "./helpers/cli.js";
import { BUNDLE_DIR, bundleBuilt } from "./helpers/tools.js";

function scratchPolicies(): string {
  const dir = join(tempDir("llmops-sources-"), "policies");
  mkdirSync(join(dir, "spec/a"), { recursive: true });
  mkdirSync(join(dir, "engine"), { recursive: true });
  writeFileSync(join(dir, "spec/a/check.rego"), "package llmops.spec.a\n");
  writeFileSync(join(dir, "spec/a/check_test.rego"), "package llmops.spec.a_test\n");
  writeFileSync(join(dir, "data.yaml"), "llmops: {params: {x: 1}}\n");
  writeFileSync(join(dir, "engine/engine.ts"), "export {};\n");
  return dir;
}

describe("the policy sources digest", () => {
  it("changes with a check or data.yaml, not with a test or the engine's code", () => {
    const dir = scratchPolicies();
    const built = policySources(dir);
    expect(built.digest).toMatch(/^[a-f0-9]{64}$/);
    writeFileSync(join(dir, "spec/a/check_test.rego"), "package llmops.spec.a_test\n# more\n");
    writeFileSync(join(dir, "engine/engine.ts"), "export const x = 1;\n");
    expect(policySources(dir).digest).toBe(built.digest);
    writeFileSync(join(dir, "data.yaml"), "llmops: {params: {x: 2}}\n");
    expect(policySources(dir).digest).not.toBe(built.digest);
  });

  it("names a stale bundle built from this directory, with the rebuild command, and nothing else", () => {
    const dir = scratchPolicies();
    const built = policySources(dir);
    expect(staleBundleNote(built, dir, "b")).toBeUndefined();
    writeFileSync(join(dir, "spec/a/check.rego"), "package llmops.spec.a\n\nx := 1\n");
    const note = staleBundleNote(built, dir, "dist/bundle");
    expect(note).toMatch(
      /policy bundle dist\/bundle was built from .* before its latest changes.*Rebuild it with: npm run policy:build$/,
    );
    expect(note).not.toMatch(/\n/);
    // Another checkout's bundle, or one without a record, is not judged.
    expect(staleBundleNote(built, scratchPolicies(), "b")).toBeUndefined();
    expect(staleBundleNote(undefined, dir, "b")).toBeUndefined();
  });
});

describe.skipIf(!bundleBuilt())("llmops with a stale bundle", () => {
  const copyWith = (sources: unknown) => {
    const bundle = join(tempDir("llmops-stale-"), "bundle");
    cpSync(BUNDLE_DIR, bundle, { recursive: true });
    const manifestFile = join(bundle, "manifest.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, unknown>;
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, sources }));
    return bundle;
  };

  it("warns once on stderr, uses the bundle as built (exit 0), and rebuilds nothing", () => {
    const current = policySources(join(ROOT, "policies"));
    const stale = copyWith({ dir: current.dir, digest: "0".repeat(64) });
    const before = readFileSync(join(stale, "policy.wasm"));
    const result = runCli(["validate", "examples/airport-assistant.rag.yaml", "--bundle", stale]);
    expect(result.status).toBe(0);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/warning: the policy bundle .* before its latest changes.*npm run policy:build/);
    expect(readFileSync(join(stale, "policy.wasm")).equals(before)).toBe(true);
  });

  it("is silent for a bundle that matches the sources, or was built elsewhere", () => {
    const current = policySources(join(ROOT, "policies"));
    for (const sources of [current, { dir: "/somewhere/else/policies", digest: "0".repeat(64) }]) {
      const result = runCli(["validate", "examples/airport-assistant.rag.yaml", "--bundle", copyWith(sources)]);
      expect(result.status).toBe(0);
      expect(result.stderr).toBe("");
    }
  });
});
