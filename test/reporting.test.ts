/**
 * Findings reach every output format with their metadata; waivers; fail-closed bundle
 * loading; the official SARIF validator; JUnit as XML; policy list/explain.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { parseDocument } from "yaml";
import { ROOT, hasStackTrace, runCli, tempDir } from "./helpers/cli.js";
import { BUNDLE_DIR, bundleBuilt } from "./helpers/tools.js";

const ready = bundleBuilt();
const AIRPORT = join(ROOT, "examples/airport-assistant.rag.yaml");
const MULTITOOL = join(ROOT, "node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");

/** The airport example with two controls turned off (two high findings). */
function nonCompliant(dir: string, extra?: (document: ReturnType<typeof parseDocument>) => void): string {
  const document = parseDocument(readFileSync(AIRPORT, "utf8"));
  document.setIn(["spec", "explainability", "citations"], false);
  document.setIn(["spec", "guardrails", "input", "promptInjection"], false);
  extra?.(document);
  const file = join(dir, "non-compliant.yaml");
  writeFileSync(file, document.toString());
  return file;
}

function withException(exception: Record<string, string>) {
  return (document: ReturnType<typeof parseDocument>) =>
    document.setIn(["spec", "exceptions"], document.createNode([exception]));
}

describe.skipIf(!ready)("findings, waivers and exit codes", () => {
  it("reports each finding with metadata in JSON and exits 1", () => {
    const file = nonCompliant(tempDir());
    const result = runCli(["validate", file, "-f", "json"]);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      bundle: { revision: string; digestsVerified: boolean };
      findings: Array<Record<string, unknown>>;
    };
    expect(report.bundle.digestsVerified).toBe(true);
    expect(report.bundle.revision).toMatch(/^[0-9a-f]{16}$/);
    expect(report.findings.map((finding) => finding.id).sort()).toEqual(["LLM-EXPL-001", "LLM-GUARD-001"]);
    for (const finding of report.findings) {
      expect(finding).toMatchObject({ severity: "high", file });
      expect(finding.title).toEqual(expect.any(String));
      expect(finding.remediation).toEqual(expect.any(String));
      expect(Object.keys(finding.frameworks as object).length).toBeGreaterThan(0);
      expect(finding.line).toEqual(expect.any(Number));
    }
  });

  it("--fail-on critical turns high findings into exit 0", () => {
    expect(runCli(["validate", nonCompliant(tempDir()), "--fail-on", "critical"]).status).toBe(0);
  });

  it("a valid waiver marks the finding waived (still reported) and no longer fails", () => {
    const file = nonCompliant(tempDir(), (document) => {
      document.setIn(["spec", "guardrails", "input", "promptInjection"], true);
      withException({
        policyId: "LLM-EXPL-001",
        reason: "Citations ship in release 2.3",
        approver: "ciso@example.com",
        expires: "2099-01-31",
      })(document);
    });
    const result = runCli(["validate", file, "-f", "json"]);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { findings: Array<{ id: string; waiver?: { approver: string } }> };
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]!.waiver?.approver).toBe("ciso@example.com");
  });

  it("an expired waiver leaves the finding active and adds LLM-WAIVER-001", () => {
    const file = nonCompliant(
      tempDir(),
      withException({ policyId: "LLM-EXPL-001", reason: "old", approver: "ciso@example.com", expires: "2020-01-01" }),
    );
    const result = runCli(["validate", file, "-f", "json"]);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: Array<{ id: string; waiver?: unknown; path: string }> };
    expect(report.findings.find((finding) => finding.id === "LLM-EXPL-001")?.waiver).toBeUndefined();
    expect(report.findings.find((finding) => finding.id === "LLM-WAIVER-001")?.path).toBe("/spec/exceptions/0/expires");
  });

  it("a waiver for an unknown id is an error (exit 2) naming the position", () => {
    const file = nonCompliant(
      tempDir(),
      withException({ policyId: "LLM-NOPE-001", reason: "typo", approver: "ciso@example.com", expires: "2099-01-01" }),
    );
    const result = runCli(["validate", file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^${file}:\\d+:\\d+: waiver names unknown policy id LLM-NOPE-001`));
  });
});

describe.skipIf(!ready)("the engine fails closed", () => {
  function tamperedBundle(mutate: (dir: string) => void): string {
    const dir = join(tempDir(), "bundle");
    cpSync(BUNDLE_DIR, dir, { recursive: true });
    mutate(dir);
    return dir;
  }

  it.each([
    [
      "a flipped byte in policy.wasm",
      (dir: string) => {
        const f = join(dir, "policy.wasm");
        const b = readFileSync(f);
        b.writeUInt8(b.readUInt8(b.length - 10) ^ 0xff, b.length - 10);
        writeFileSync(f, b);
      },
      /policy.wasm does not match its digest/,
    ],
    [
      "a tampered data.json",
      (dir: string) =>
        writeFileSync(
          join(dir, "data.json"),
          readFileSync(join(dir, "data.json"), "utf8").replace("eu-west-1", "ap-east-1"),
        ),
      /data.json does not match its digest/,
    ],
    [
      "a missing catalog",
      (dir: string) => writeFileSync(join(dir, "catalog.json"), ""),
      /catalog.json does not match its digest/,
    ],
    [
      "a missing manifest",
      (dir: string) => writeFileSync(join(dir, "manifest.json"), "{"),
      /manifest .* is not valid JSON/,
    ],
  ])("%s exits 2", (_name, mutate, expected) => {
    const bundle = tamperedBundle(mutate);
    const result = runCli(["validate", AIRPORT, "--bundle", bundle]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(expected);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it("a missing bundle exits 2 and says how to build it", () => {
    const result = runCli(["validate", AIRPORT, "--bundle", join(tempDir(), "nothing")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/llmops policy build/);
  });
});

describe.skipIf(!ready)("output formats", () => {
  it.skipIf(!existsSync(MULTITOOL))(
    "SARIF from the examples and a non-compliant spec passes Sarif.Multitool validate with zero results",
    () => {
      const dir = tempDir();
      const sarif = join(dir, "results.sarif");
      const result = runCli(["validate", "examples/*.yaml", nonCompliant(dir), "-f", "sarif", "-o", sarif]);
      expect(result.status).toBe(1);
      const log = JSON.parse(readFileSync(sarif, "utf8")) as {
        runs: Array<{
          results: Array<{
            partialFingerprints: object;
            locations: Array<{ physicalLocation: { region?: { startLine: number } } }>;
          }>;
          tool: { driver: { rules: Array<{ properties: Record<string, unknown>; help: { text: string } }> } };
        }>;
      };
      const run = log.runs[0]!;
      expect(run.results).toHaveLength(2);
      expect(run.results[0]!.locations[0]!.physicalLocation.region?.startLine).toBeGreaterThan(0);
      expect(run.tool.driver.rules.length).toBeGreaterThanOrEqual(40);
      for (const rule of run.tool.driver.rules) {
        expect(rule.properties["security-severity"]).toMatch(/^\d+\.\d$/);
        expect(rule.help.text.length).toBeGreaterThan(20);
      }
      const validation = join(dir, "validation.sarif");
      const validator = spawnMultitool(["validate", sarif, "-o", validation]);
      expect(validator.status, validator.output).toBe(0);
      const validationLog = JSON.parse(readFileSync(validation, "utf8")) as { runs: Array<{ results?: unknown[] }> };
      expect(validationLog.runs[0]!.results ?? []).toEqual([]);
    },
  );

  it("SARIF fingerprints are stable across runs", () => {
    const file = nonCompliant(tempDir());
    const first = runCli(["validate", file, "-f", "sarif"]);
    const second = runCli(["validate", file, "-f", "sarif"]);
    expect(first.status, first.stderr).toBe(1);
    expect(second.status, second.stderr).toBe(1);
    expect(first.stdout).toBe(second.stdout);
  });

  it("JUnit parses as XML with one testcase per check per file", () => {
    const file = nonCompliant(tempDir());
    const result = runCli(["validate", file, AIRPORT, "-f", "junit"]);
    expect(result.status).toBe(1);
    const xml = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ["testsuite", "testcase"].includes(name),
    }).parse(result.stdout) as {
      testsuites: { testsuite: Array<{ "@_failures": string; testcase: Array<{ failure?: unknown }> }> };
    };
    const suites = xml.testsuites.testsuite;
    expect(suites).toHaveLength(2);
    const checks = (JSON.parse(runCli(["policy", "list", "-f", "json"]).stdout) as Array<{ package: string }>).filter(
      (entry) => entry.package.startsWith("llmops.spec."),
    ).length;
    for (const suite of suites) expect(suite.testcase.length).toBe(checks + 2); // + schema and waiver rules
    expect(suites[0]!["@_failures"]).toBe("2");
    expect(suites[1]!["@_failures"]).toBe("0");
  });

  it("github annotations carry file, line, column and the check id", () => {
    const file = nonCompliant(tempDir());
    const result = runCli(["validate", file, "-f", "github"]);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^::error file=${file},line=\\d+,col=\\d+,title=LLM-`));
  });
});

describe.skipIf(!ready)("llmops policy list / explain", () => {
  it("lists every check with all metadata fields as JSON", () => {
    const result = runCli(["policy", "list", "--format", "json"]);
    expect(result.status).toBe(0);
    const entries = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(entries.length).toBeGreaterThanOrEqual(40);
    for (const entry of entries) {
      for (const field of ["id", "title", "description", "severity", "remediation", "frameworks", "package", "source"])
        expect(entry).toHaveProperty(field);
    }
  });

  it("explains one check and refuses an unknown id", () => {
    const explained = runCli(["policy", "explain", "LLM-PRIV-001"]);
    expect(explained.status).toBe(0);
    expect(explained.stdout).toMatch(/Remediation: /);
    expect(explained.stdout).toMatch(/policies\/spec\/privacy\/cmk_encryption\.rego/);
    // Each framework id comes with its control title from policies/frameworks/.
    expect(explained.stdout).toMatch(
      /nist-ai-rmf \(NIST AI 100-1[^\n]*\n\s+MEASURE 2\.10: Privacy risk of the AI system/,
    );
    expect(explained.stdout).not.toMatch(/not in the framework catalogue/);
    const unknown = runCli(["policy", "explain", "LLM-NOPE-999"]);
    expect(unknown.status).toBe(2);
  });
});

function spawnMultitool(args: string[]): { status: number | null; output: string } {
  // The npm package's postinstall (chmod +x) does not run under npm 11; invoke through the loader-free path.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { spawnSync, execFileSync } = require("node:child_process") as typeof import("node:child_process");
  execFileSync("chmod", ["u+x", MULTITOOL]);
  const result = spawnSync(MULTITOOL, args, {
    encoding: "utf8",
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1" },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
