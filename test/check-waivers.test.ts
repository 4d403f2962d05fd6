/**
 * `llmops check` with a waiver file, through the built CLI, in every output format: a waived
 * finding is kept and marked (pretty, json, junit, github, SARIF suppressions), an expired
 * waiver gives LLM-WAIVER-001, an unused one LLM-WAIVER-002 (low), an unknown id exits 2 with
 * file:line:column; the file is found at the repository root or named with --waivers.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { ROOT, hasStackTrace, runCli, tempDir } from "./helpers/cli.js";
import { bundleBuilt } from "./helpers/tools.js";

const ready = bundleBuilt();
const MULTITOOL = join(ROOT, "node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");
const FORMATS = ["pretty", "json", "junit", "github", "sarif"] as const;

/** Entry 0 waives LLM-K8S-001 on the Deployment (current), entry 1 has expired, entry 2 matches nothing. */
const WAIVERS = `apiVersion: llmops/v1alpha1
kind: Waivers
waivers:
  - policyId: LLM-K8S-001
    reason: vendor chart runs as root until 2.0
    approver: ciso@example.com
    expires: "2099-01-31"
    resource: { kind: Deployment, namespace: llm, name: vllm }
    file: "deploy/**"
  - policyId: LLM-K8S-009
    reason: tag pinned for the pilot
    approver: ciso@example.com
    expires: "2020-01-01"
  - policyId: LLM-K8S-001
    reason: written for a StatefulSet that is gone
    approver: ciso@example.com
    expires: "2099-01-31"
    resource: { kind: StatefulSet }
`;
// Positions in WAIVERS: entry 1's expires (line 13, column 14), entry 2 (line 14, column 5).
const EXPIRED_AT = { line: 13, column: 14 };
const UNUSED_AT = { line: 14, column: 5 };

/** A git repository with the naive vLLM chart output in deploy/ and, optionally, a root waiver file. */
function repository(waivers?: string): string {
  const dir = tempDir("llmops-waivers-");
  spawnSync("git", ["init", "-q", dir]);
  mkdirSync(join(dir, "deploy"));
  copyFileSync(join(ROOT, "examples/runtime/naive-vllm.helm-template.yaml"), join(dir, "deploy/vllm.yaml"));
  if (waivers !== undefined) writeFileSync(join(dir, ".llmops-waivers.yaml"), waivers);
  return dir;
}

interface JsonFinding {
  id: string;
  severity: string;
  file?: string;
  line?: number;
  column?: number;
  path: string;
  waiver?: { reason: string; approver: string; expires: string };
}

describe.skipIf(!ready)("llmops check with a waiver file", () => {
  it("--help says where the default waiver file is looked for", () => {
    const result = runCli(["check", "--help"]);
    expect(result.stdout.replace(/\s+/g, " ")).toMatch(
      /--waivers .*Default: \.llmops-waivers\.yaml at the repository root — the git root of the working directory, else the working directory/,
    );
  });

  it("llmops schema --kind waivers prints the waiver file's JSON Schema", () => {
    const result = runCli(["schema", "--kind", "waivers"]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      $id: "https://llmops.dev/schemas/llmops-v1alpha1-waivers.json",
      title: "Waivers",
      required: ["apiVersion", "kind", "waivers"],
    });
  });

  it("json: the waived finding is kept with its waiver, LLM-WAIVER-001 and -002 point into the waiver file, a summary says what the file did", () => {
    const dir = repository(WAIVERS);
    const result = runCli(["check", "deploy/vllm.yaml", "-f", "json"], { cwd: dir });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      findings: JsonFinding[];
      summary: { waived: number };
      waivers: unknown;
      files: string[];
    };
    const waived = report.findings.filter((finding) => finding.waiver);
    expect(waived.map((finding) => [finding.id, finding.file, finding.waiver])).toEqual([
      [
        "LLM-K8S-001",
        "deploy/vllm.yaml",
        { reason: "vendor chart runs as root until 2.0", approver: "ciso@example.com", expires: "2099-01-31" },
      ],
    ]);
    expect(report.findings.find((finding) => finding.id === "LLM-K8S-009")?.waiver).toBeUndefined();
    expect(report.findings.find((finding) => finding.id === "LLM-WAIVER-001")).toMatchObject({
      severity: "high",
      file: ".llmops-waivers.yaml",
      path: "/waivers/1/expires",
      ...EXPIRED_AT,
    });
    expect(report.findings.find((finding) => finding.id === "LLM-WAIVER-002")).toMatchObject({
      severity: "low",
      file: ".llmops-waivers.yaml",
      path: "/waivers/2",
      ...UNUSED_AT,
    });
    expect(report.summary.waived).toBe(1);
    expect(report.waivers).toEqual({ file: ".llmops-waivers.yaml", entries: 3, waived: 1, expired: 1, unused: 1 });
    expect(report.files).toEqual(["deploy/vllm.yaml"]);
  });

  it("pretty: the waived finding is marked with its expiry and reason; the waiver findings and the file are named", () => {
    const result = runCli(["check", "deploy/vllm.yaml"], { cwd: repository(WAIVERS) });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /^deploy\/vllm\.yaml:\d+:\d+ high LLM-K8S-001 .* \(waived until 2099-01-31: vendor chart runs as root until 2\.0\)$/m,
    );
    expect(result.stdout).toMatch(
      new RegExp(
        `^\\.llmops-waivers\\.yaml:${EXPIRED_AT.line}:${EXPIRED_AT.column} high LLM-WAIVER-001 waiver for LLM-K8S-009 expired on 2020-01-01$`,
        "m",
      ),
    );
    expect(result.stdout).toMatch(
      new RegExp(
        `^\\.llmops-waivers\\.yaml:${UNUSED_AT.line}:${UNUSED_AT.column} low LLM-WAIVER-002 waiver for LLM-K8S-001 matches no finding; it waives nothing$`,
        "m",
      ),
    );
    expect(result.stdout).toMatch(
      /; 1 waived; .*waivers: \.llmops-waivers\.yaml \(3 entries, 1 finding waived, 1 expired, 1 unused\)$/m,
    );
  });

  it("junit: the waived check is skipped with its reason; the waiver file has a suite of the waiver rules", () => {
    const result = runCli(["check", "deploy/vllm.yaml", "-f", "junit"], { cwd: repository(WAIVERS) });
    expect(result.status).toBe(1);
    type Case = {
      "@_name": string;
      failure?: { "#text": string };
      skipped?: { "@_message": string };
      "system-out"?: string;
    };
    type Suite = { "@_name": string; "@_tests": string; "@_failures": string; testcase: Case[] };
    const parsed = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === "testsuite" || name === "testcase",
    }).parse(result.stdout) as { testsuites: { testsuite: Suite[] } };
    const [inputs, waivers] = parsed.testsuites.testsuite;
    expect(inputs!["@_name"]).toBe("deploy/vllm.yaml");
    const runAsRoot = inputs!.testcase.find((testcase) => testcase["@_name"].startsWith("LLM-K8S-001 "))!;
    expect(runAsRoot.skipped?.["@_message"]).toBe("waived: vendor chart runs as root until 2.0");
    expect(runAsRoot["system-out"]).toMatch(/waived until 2099-01-31, approved by ciso@example\.com/);
    expect(inputs!.testcase.find((testcase) => testcase["@_name"].startsWith("LLM-K8S-009 "))?.failure).toBeDefined();
    expect(waivers!["@_name"]).toBe(".llmops-waivers.yaml");
    expect(waivers!.testcase.map((testcase) => testcase["@_name"])).toEqual([
      "LLM-WAIVER-001 Waivers are current",
      "LLM-WAIVER-002 Waivers are in use",
    ]);
    expect(waivers!.testcase[0]!.failure?.["#text"]).toMatch(/expired on 2020-01-01/);
    // Low: below --fail-on, reported as output, not as a failure.
    expect(waivers!.testcase[1]!.failure).toBeUndefined();
    expect(waivers!.testcase[1]!["system-out"]).toMatch(/matches no finding/);
  });

  it("github: the waived finding is a notice that says so; the expired waiver an error and the unused one a notice, at their lines", () => {
    const result = runCli(["check", "deploy/vllm.yaml", "-f", "github"], { cwd: repository(WAIVERS) });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /^::notice file=deploy\/vllm\.yaml,line=\d+,col=\d+,title=LLM-K8S-001 [^:]* \(waived\)::.*Waived until 2099-01-31, approved by ciso@example\.com: vendor chart runs as root until 2\.0$/m,
    );
    expect(result.stdout).toMatch(
      new RegExp(
        `^::error file=\\.llmops-waivers\\.yaml,line=${EXPIRED_AT.line},col=${EXPIRED_AT.column},title=LLM-WAIVER-001 Waivers are current::waiver for LLM-K8S-009 expired on 2020-01-01`,
        "m",
      ),
    );
    expect(result.stdout).toMatch(
      new RegExp(
        `^::notice file=\\.llmops-waivers\\.yaml,line=${UNUSED_AT.line},col=${UNUSED_AT.column},title=LLM-WAIVER-002 Waivers are in use::`,
        "m",
      ),
    );
    expect(result.stdout).toMatch(/^::error file=deploy\/vllm\.yaml,line=\d+,col=\d+,title=LLM-K8S-009 /m);
  });

  it("sarif: the waived finding is suppressed (accepted, with approver and expiry); the waiver rules are in the run", () => {
    const dir = repository(WAIVERS);
    const sarif = join(dir, "check.sarif");
    const result = runCli(["check", "deploy/vllm.yaml", "-f", "sarif", "-o", sarif], { cwd: dir });
    expect(result.status).toBe(1);
    type Result = {
      ruleId: string;
      level: string;
      suppressions?: Array<{ kind: string; status: string; justification: string }>;
      locations: Array<{
        physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number } };
      }>;
    };
    const log = JSON.parse(readFileSync(sarif, "utf8")) as {
      runs: Array<{
        results: Result[];
        tool: { driver: { rules: Array<{ id: string }> } };
        properties: Record<string, unknown>;
      }>;
    };
    const run = log.runs[0]!;
    const suppressed = run.results.filter((item) => item.suppressions);
    expect(suppressed.map((item) => [item.ruleId, item.suppressions])).toEqual([
      [
        "LLM-K8S-001",
        [
          {
            kind: "external",
            status: "accepted",
            justification: "vendor chart runs as root until 2.0 (approved by ciso@example.com, expires 2099-01-31)",
          },
        ],
      ],
    ]);
    const expired = run.results.find((item) => item.ruleId === "LLM-WAIVER-001")!;
    expect(expired.level).toBe("error");
    expect(expired.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: ".llmops-waivers.yaml", uriBaseId: "%SRCROOT%" },
      region: { startLine: EXPIRED_AT.line, startColumn: EXPIRED_AT.column },
    });
    expect(run.results.find((item) => item.ruleId === "LLM-WAIVER-002")?.level).toBe("note");
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(
      expect.arrayContaining(["LLM-WAIVER-001", "LLM-WAIVER-002"]),
    );
    expect(run.properties.waivers).toEqual({
      file: ".llmops-waivers.yaml",
      entries: 3,
      waived: 1,
      expired: 1,
      unused: 1,
    });
    if (!existsSync(MULTITOOL)) {
      console.warn(
        "SKIP (part): Sarif.Multitool is not installed; the SARIF was not validated against the official schema",
      );
      return;
    }
    // As sarif-locations.test.ts runs it: exit 0 only when the log is valid against the official schema.
    spawnSync("chmod", ["u+x", MULTITOOL]);
    const validation = spawnSync(MULTITOOL, ["validate", sarif, "-o", `${sarif}.validation.sarif`], {
      encoding: "utf8",
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1" },
    });
    expect(validation.status, validation.stdout + validation.stderr).toBe(0);
  });

  it("waivers decide the exit code: the critical findings waived, --fail-on critical passes", () => {
    const waivers = `apiVersion: llmops/v1alpha1
kind: Waivers
waivers:
  - { policyId: LLM-K8S-010, reason: rotated dummy keys in the lab, approver: ciso@example.com, expires: "2099-01-31", resource: { kind: Deployment } }
  - { policyId: LLM-CTRL-006, reason: lab load balancer behind the VPN, approver: ciso@example.com, expires: "2099-01-31", resource: { kind: Service, urn: "k8s:llm:*" } }
  - { policyId: LLM-K8S-013, reason: lab load balancer behind the VPN, approver: ciso@example.com, expires: "2099-01-31", resource: { kind: Service, name: vllm } }
`;
    expect(runCli(["check", "deploy/vllm.yaml", "--fail-on", "critical"], { cwd: repository() }).status).toBe(1);
    const result = runCli(["check", "deploy/vllm.yaml", "--fail-on", "critical", "-f", "json"], {
      cwd: repository(waivers),
    });
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { findings: JsonFinding[] };
    expect(
      report.findings
        .filter((finding) => finding.severity === "critical")
        .every((finding) => finding.waiver !== undefined),
    ).toBe(true);
    expect(
      report.findings
        .filter((finding) => finding.waiver)
        .map((finding) => finding.id)
        .sort(),
    ).toEqual(["LLM-CTRL-006", "LLM-K8S-010", "LLM-K8S-010", "LLM-K8S-013"]);
  });

  it.each(FORMATS)(
    "an unknown check id exits 2 with the waiver file's line and column, and no report (%s)",
    (format) => {
      const dir = repository(WAIVERS.replace("policyId: LLM-K8S-009", "policyId: LLM-K8S-999"));
      const output = join(dir, `report.${format}`);
      const result = runCli(["check", "deploy/vllm.yaml", "-f", format, "-o", output], { cwd: dir });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(
        /^\.llmops-waivers\.yaml:10:15: waiver names unknown policy id LLM-K8S-999; see `llmops policy list`$/m,
      );
      expect(hasStackTrace(result.stderr)).toBe(false);
      expect(existsSync(output)).toBe(false);
      expect(result.stdout).toBe("");
    },
  );

  it("a bad entry is refused with file:line:column (exit 2)", () => {
    const dir = repository(WAIVERS.replace('    file: "deploy/**"\n', '    files: "deploy/**"\n'));
    const result = runCli(["check", "deploy/vllm.yaml"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /\.llmops-waivers\.yaml:9:5: waiver file unknown property "files"; expected one of: policyId, reason, approver, expires, path, resource, file/,
    );
  });

  it("the root file is found from a subdirectory; --waivers names another file instead, whose file globs are relative to it", () => {
    const dir = repository(WAIVERS);
    const fromSubdirectory = runCli(["check", "vllm.yaml", "-f", "json"], { cwd: join(dir, "deploy") });
    const found = JSON.parse(fromSubdirectory.stdout) as { waivers: { file: string; waived: number } };
    expect(found.waivers).toMatchObject({ file: "../.llmops-waivers.yaml", waived: 1 });
    const other = join(dir, "deploy", "waivers.yaml");
    writeFileSync(
      other,
      WAIVERS.replace('file: "deploy/**"', 'file: "*.yaml"').replace(/ {2}- policyId: LLM-K8S-009[\s\S]*$/, ""),
    );
    const named = runCli(["check", "deploy/vllm.yaml", "--waivers", other, "-f", "json"], { cwd: dir });
    expect(named.status).toBe(1);
    const report = JSON.parse(named.stdout) as { findings: JsonFinding[]; waivers: unknown };
    expect(report.waivers).toEqual({ file: other, entries: 1, waived: 1, expired: 0, unused: 0 });
    expect(report.findings.some((finding) => finding.id.startsWith("LLM-WAIVER-"))).toBe(false);
  });

  it("without a waiver file the report has no waiver section", () => {
    const result = runCli(["check", "deploy/vllm.yaml", "-f", "json"], { cwd: repository() });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).not.toHaveProperty("waivers");
  });
});
