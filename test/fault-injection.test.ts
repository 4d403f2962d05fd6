/**
 * Fault injection: every fault ends in exit 2 (or a blocking finding), never exit 0.
 * Bundle tampering (corrupted wasm, digest mismatch, tampered data, missing files) and
 * waivers are covered in reporting.test.ts; output-directory faults in cli.test.ts.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, hasStackTrace, runCli, tempDir } from "./helpers/cli.js";
import { BUNDLE_DIR, bundleBuilt, requireTool } from "./helpers/tools.js";
import { rehash } from "./helpers/bundles.js";
import { derivedCapabilities } from "../policies/engine/build-bundle.js";

const ready = bundleBuilt();
const opa = requireTool("opa");
const AIRPORT = join(ROOT, "examples/airport-assistant.rag.yaml");

/** A bundle whose policy.wasm is built from `rego` (entrypoint llmops/main/spec_findings), digests valid. */
function bundleFrom(rego: string, capabilities = false): string {
  const work = tempDir("llmops-fault-");
  mkdirSync(join(work, "src"));
  writeFileSync(join(work, "src", "main.rego"), rego);
  const args = [
    "build",
    "-t",
    "wasm",
    "-e",
    "llmops/main/spec_findings",
    "-o",
    join(work, "bundle.tar.gz"),
    join(work, "src"),
  ];
  if (capabilities) {
    // The same capabilities the policy gate builds with: the SDK's, plus rego_v1.
    writeFileSync(join(work, "capabilities.json"), JSON.stringify(derivedCapabilities()));
    args.splice(1, 0, "--capabilities", join(work, "capabilities.json"));
  }
  const built = spawnSync(opa!, args, { encoding: "utf8" });
  if (built.status !== 0) throw new Error(`${built.stdout}${built.stderr}`);
  const dir = join(work, "bundle");
  cpSync(BUNDLE_DIR, dir, { recursive: true });
  spawnSync("tar", ["-xzf", join(work, "bundle.tar.gz"), "-C", work, "/policy.wasm"], { encoding: "utf8" });
  cpSync(join(work, "policy.wasm"), join(dir, "policy.wasm"));
  rehash(dir, "policy.wasm");
  return dir;
}

describe.skipIf(!ready)("fault injection", () => {
  it("a finding id missing from the catalog fails closed (exit 2), even with valid digests", () => {
    const dir = join(tempDir(), "bundle");
    cpSync(BUNDLE_DIR, dir, { recursive: true });
    const catalog = (JSON.parse(readFileSync(join(dir, "catalog.json"), "utf8")) as Array<{ id: string }>).filter(
      (entry) => entry.id !== "LLM-EXPL-001",
    );
    writeFileSync(join(dir, "catalog.json"), JSON.stringify(catalog));
    rehash(dir, "catalog.json");
    const spec = join(tempDir(), "spec.yaml");
    writeFileSync(spec, readFileSync(AIRPORT, "utf8").replace("citations: true", "citations: false"));
    const result = runCli(["validate", spec, "--bundle", dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/LLM-EXPL-001, which has no catalog entry/);
  });

  it("an evaluation over its time budget is discarded and fails closed", () => {
    const result = runCli(["validate", AIRPORT], { env: { LLMOPS_EVAL_BUDGET_MS: "0.000001" } });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/over its 0.000001 ms budget/);
  });

  it.skipIf(!opa)("a policy that raises a runtime error fails closed", () => {
    const bundle = bundleFrom(`package llmops.main

conflict := 1 if input.apiVersion
conflict := 2 if input.kind

spec_findings contains {"id": "LLM-EXPL-001", "msg": "x", "path": ""} if conflict
`);
    const result = runCli(["validate", AIRPORT, "--bundle", bundle]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/policy evaluation failed/);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it.skipIf(!opa)(
    "a builtin the WebAssembly SDK lacks fails at build time with the SDK capabilities, and closed at evaluation without them",
    () => {
      const rego = `package llmops.main

spec_findings contains {"id": "LLM-EXPL-001", "msg": "x", "path": ""} if semver.compare("1.0.0", "2.0.0") < 0
`;
      expect(() => bundleFrom(rego, true)).toThrow(/undefined function semver.compare|semver/);
      const result = runCli(["validate", AIRPORT, "--bundle", bundleFrom(rego)]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/policy evaluation failed: .*semver/i);
    },
  );

  it.skipIf(!opa)("a malformed finding from a policy fails closed", () => {
    const bundle = bundleFrom(`package llmops.main

spec_findings contains {"id": 42, "msg": "x"} if input.kind
`);
    const result = runCli(["validate", AIRPORT, "--bundle", bundle]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/malformed finding/);
  });
});

describe.skipIf(!ready)("secrets never reach a report", () => {
  it.each(["pretty", "json", "sarif", "junit", "github"])(
    "%s output of a manifest with literal secrets prints none of them",
    (format) => {
      const result = runCli(["check", "examples/runtime/naive-vllm.helm-template.yaml", "-f", format]);
      expect(result.status).toBe(1);
      const output = `${result.stdout}${result.stderr}`;
      expect(output).toMatch(/LLM-K8S-010/);
      expect(output).not.toContain("hf_live_token_do_not_commit");
      expect(output).not.toContain("sk-local-1234567890");
    },
  );
});
