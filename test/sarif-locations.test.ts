/**
 * SARIF for GitHub code scanning (issue 15): percent-encoded artifact URIs relative to %SRCROOT%
 * (the git root or --sarif-base), files outside the base, and GitHub's 25,000-result limit per
 * run with the highest severities kept. Logs are checked with the official validator
 * (Sarif.Multitool, which carries the sarif-2.1.0 schema) as test/reporting.test.ts does.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { render, MAX_RESULTS_PER_RUN, artifactLocation } from "../cli/reporters/sarif.js";
import type { Finding, Severity } from "../policies/engine/finding.js";
import type { Report } from "../policies/engine/report.js";
import { ROOT, runCli, tempDir } from "./helpers/cli.js";
import { bundleBuilt } from "./helpers/tools.js";

const MULTITOOL = join(ROOT, "node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");

interface SarifLog {
  runs: Array<{
    originalUriBaseIds: Record<string, { uri: string }>;
    results: Array<{
      level: string;
      properties: { severity: Severity };
      locations: Array<{ physicalLocation?: { artifactLocation: { uri: string; uriBaseId?: string } } }>;
    }>;
    invocations: Array<{ toolExecutionNotifications?: Array<{ message: { text: string } }> }>;
    properties: Record<string, unknown>;
  }>;
}

function validateWithMultitool(file: string): void {
  execFileSync("chmod", ["u+x", MULTITOOL]);
  const output = `${file}.validation.sarif`;
  const result = spawnSync(MULTITOOL, ["validate", file, "-o", output], {
    encoding: "utf8",
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1" },
  });
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
}

describe("SARIF artifact locations", () => {
  it("percent-encodes each segment relative to the base", () => {
    expect(artifactLocation("/repo/charts/my chart/a#1%.yaml", "/repo")).toEqual({
      uri: "charts/my%20chart/a%231%25.yaml",
      uriBaseId: "%SRCROOT%",
    });
  });

  it("gives a file outside the base an absolute file: URI that resolves", () => {
    const location = artifactLocation("/elsewhere/dir with space/x.yaml", "/repo");
    expect(location.uriBaseId).toBeUndefined();
    expect(fileURLToPath(location.uri)).toBe("/elsewhere/dir with space/x.yaml");
  });
});

describe.skipIf(!bundleBuilt())("SARIF from llmops check", () => {
  it.skipIf(!existsSync(MULTITOOL))(
    "a path with spaces resolves against %SRCROOT% (--sarif-base) and the log validates",
    () => {
      const base = tempDir();
      mkdirSync(join(base, "rendered charts"));
      const input = join(base, "rendered charts", "serving 1.yaml");
      copyFileSync(join(ROOT, "test/fixtures/inputs/empty-documents.yaml"), input);
      const sarif = join(base, "out.sarif");
      const result = runCli(["check", input, "-f", "sarif", "--sarif-base", base, "-o", sarif], { cwd: tempDir() });
      expect(result.status, result.stderr).toBe(1);
      const log = JSON.parse(execFileSync("cat", [sarif], { encoding: "utf8" })) as SarifLog;
      const run = log.runs[0]!;
      const location = run.results[0]!.locations[0]!.physicalLocation!.artifactLocation;
      expect(location).toEqual({ uri: "rendered%20charts/serving%201.yaml", uriBaseId: "%SRCROOT%" });
      // The reference resolves, against the base URI, to the file that was checked.
      expect(fileURLToPath(new URL(location.uri, run.originalUriBaseIds["%SRCROOT%"]!.uri))).toBe(input);
      validateWithMultitool(sarif);
    },
  );
});

describe("SARIF result limit", () => {
  const severities: Severity[] = ["low", "medium", "high", "critical"];
  const finding = (index: number): Finding => {
    const severity = severities[index % 4]!;
    return {
      id: `LLM-T-${severity}`,
      title: `${severity} check`,
      severity,
      message: `finding ${index}`,
      file: join(ROOT, "x.yaml"),
      path: `/resources/${index}`,
      line: 1,
      column: 1,
      remediation: "fix it",
      frameworks: {},
    };
  };

  it("keeps 25,000 results, highest severity first, and says how many were left out", () => {
    const findings = Array.from({ length: MAX_RESULTS_PER_RUN + 1 }, (_, index) => finding(index));
    const report: Report = { command: "check", files: [join(ROOT, "x.yaml")], rules: [], findings };
    const log = JSON.parse(render(report, { failOn: "high", color: false, sarifBase: ROOT })) as SarifLog;
    const run = log.runs[0]!;
    expect(run.results).toHaveLength(25_000);
    expect(run.results.filter((result) => result.properties.severity === "low")).toHaveLength(6_250);
    expect(run.results.filter((result) => result.properties.severity === "critical")).toHaveLength(6_250);
    expect(run.properties).toMatchObject({ resultsOmitted: 1, resultsOmittedBySeverity: { low: 1 } });
    expect(run.invocations[0]!.toolExecutionNotifications![0]!.message.text).toMatch(
      /^1 of 25001 results left out \(1 low\).*higher severities are kept first/,
    );
  });

  // The validator takes minutes on a 20 MB log; the same shape, cut at 25 of 41 results, is checked instead.
  it.skipIf(!existsSync(MULTITOOL))("a cut log is valid SARIF 2.1.0, lower severities left out first", () => {
    const findings = Array.from({ length: 41 }, (_, index) => finding(index));
    const text = render(
      { command: "check", files: [join(ROOT, "x.yaml")], rules: [], findings },
      { failOn: "high", color: false, sarifBase: ROOT },
      25,
    );
    const run = (JSON.parse(text) as SarifLog).runs[0]!;
    expect(
      run.results.map((result) => result.properties.severity).filter((severity) => severity === "low"),
    ).toHaveLength(0);
    expect(run.properties).toMatchObject({ resultsOmitted: 16, resultsOmittedBySeverity: { medium: 5, low: 11 } });
    const file = join(tempDir(), "limit.sarif");
    writeFileSync(file, text);
    validateWithMultitool(file);
  });
});
