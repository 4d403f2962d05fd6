/**
 * The policy gate: a broken or missing METADATA block fails the build naming the file, the
 * coverage threshold is enforced, and a good build writes a verified, reproducible bundle.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildBundle } from "../policies/engine/build-bundle.js";
import { ROOT, tempDir } from "./helpers/cli.js";
import { requireTool } from "./helpers/tools.js";

const tools = requireTool("opa") !== undefined && requireTool("regal") !== undefined;
const TOOLS_DIR = join(ROOT, ".tools", "bin");

function copyOfPolicies(): string {
  const root = tempDir("llmops-gate-");
  cpSync(join(ROOT, "policies"), join(root, "policies"), {
    recursive: true,
    filter: (source) => !source.includes("/engine") && !source.includes("/pack"),
  });
  mkdirSync(join(root, ".regal"));
  cpSync(join(ROOT, ".regal", "config.yaml"), join(root, ".regal", "config.yaml"));
  return root;
}

function edit(root: string, file: string, change: (text: string) => string): string {
  const path = join(root, "policies", file);
  writeFileSync(path, change(readFileSync(path, "utf8")));
  return `policies/${file}`;
}

describe.skipIf(!tools)("llmops policy build gate", () => {
  it("builds a bundle whose revision depends on the sources only, not on where they are checked out", () => {
    const root = copyOfPolicies();
    const elsewhere = copyOfPolicies();
    const first = buildBundle({ root, outDir: join(root, "out1"), coverageThreshold: 90, toolsDir: TOOLS_DIR });
    const second = buildBundle({
      root: elsewhere,
      outDir: join(elsewhere, "out2"),
      coverageThreshold: 90,
      toolsDir: TOOLS_DIR,
    });
    expect(first.manifest.revision).toBe(second.manifest.revision);
    expect(first.coverage).toBeGreaterThanOrEqual(90);
    expect(first.catalog.length).toBeGreaterThanOrEqual(40);
    // Two full gated builds of the whole library (fmt, check, Regal, every Rego test, WebAssembly):
    // a behaviour test with a generous ceiling, not a timing assertion (build times are in bench/).
  }, 600_000);

  it("fails on a malformed METADATA block and names the file", () => {
    const root = copyOfPolicies();
    const file = edit(root, "spec/privacy/cmk_encryption.rego", (text) =>
      text.replace(/#   severity: high\n/, "#   severity: catastrophic\n"),
    );
    expect(() => buildBundle({ root, outDir: join(root, "out"), coverageThreshold: 90, toolsDir: TOOLS_DIR })).toThrow(
      new RegExp(`${file}:\\d+: malformed METADATA`),
    );
  });

  it("fails on a check without a METADATA block and names the file", () => {
    const root = copyOfPolicies();
    const file = edit(root, "spec/network/egress_control.rego", (text) => text.replace(/^(#.*\n)+/, ""));
    expect(() => buildBundle({ root, outDir: join(root, "out"), coverageThreshold: 90, toolsDir: TOOLS_DIR })).toThrow(
      new RegExp(`${file}: check has no package-scoped METADATA`),
    );
  });

  it("fails when a check emits an id other than its METADATA id", () => {
    const root = copyOfPolicies();
    edit(root, "spec/governance/prohibited_risk.rego", (text) =>
      text.replace('"id": "LLM-GOV-003"', '"id": "LLM-GOV-033"'),
    );
    expect(() => buildBundle({ root, outDir: join(root, "out"), coverageThreshold: 0, toolsDir: TOOLS_DIR })).toThrow(
      /emits id LLM-GOV-033 but its METADATA declares LLM-GOV-003|opa test failed/,
    );
  });

  it("fails below the coverage threshold", () => {
    const root = copyOfPolicies();
    expect(() => buildBundle({ root, outDir: join(root, "out"), coverageThreshold: 100, toolsDir: TOOLS_DIR })).toThrow(
      /coverage .* is below the 100% threshold/,
    );
  });

  it("fails when policies are not formatted", () => {
    const root = copyOfPolicies();
    edit(root, "spec/governance/prohibited_risk.rego", (text) =>
      text.replace("\tinput.spec.useCase.riskTier", "      input.spec.useCase.riskTier"),
    );
    expect(() => buildBundle({ root, outDir: join(root, "out"), coverageThreshold: 90, toolsDir: TOOLS_DIR })).toThrow(
      /not formatted/,
    );
  });
});
