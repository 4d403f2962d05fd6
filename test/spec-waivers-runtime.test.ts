/**
 * A spec's `exceptions` give one decision at every point: the runtime findings of what the spec
 * builds are waived by `llmops plan` and by `llmops check --spec` (or the spec a plan carries),
 * as `llmops report` and the admission webhook waive them. The case is a real one: the claims
 * explainer on `kubernetes` calls Bedrock, whose invocation logging (LLM-AWS-037) the stack can
 * only configure on `aws`; a team whose account logs Bedrock centrally waives it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import type { Finding } from "../policies/engine/finding.js";
import { runCli, tempDir } from "./helpers/cli.js";
import { bundleBuilt } from "./helpers/tools.js";

const EXAMPLE = "examples/claims-explainer.blackbox.yaml";

/** The example with `exceptions` set, written to a temp dir; returns its path. */
function specWith(dir: string, name: string, exceptions: object[]): string {
  const document = parseDocument(readFileSync(EXAMPLE, "utf8"));
  document.setIn(["spec", "exceptions"], exceptions);
  const file = join(dir, name);
  writeFileSync(file, document.toString());
  return file;
}

const waiver = (expires: string) => ({
  policyId: "LLM-AWS-037",
  reason: "Bedrock invocation logging is set account-wide by the platform team",
  approver: "ciso@example.com",
  expires,
});

function planJson(spec: string, out: string) {
  const result = runCli(["plan", "--without-evidence", "--target", "kubernetes", spec, "--out", out, "-f", "json"], {
    timeoutMs: 90_000,
  });
  const summary = result.stdout === "" ? undefined : (JSON.parse(result.stdout) as { findings: Finding[] });
  return { ...result, findings: summary?.findings ?? [] };
}

describe.skipIf(!bundleBuilt())("spec exceptions waive runtime findings in plan and check", () => {
  it("plan: the unwaived spec is refused on LLM-AWS-037; the waived one passes, the findings kept and marked", () => {
    const dir = tempDir();
    const bare = planJson(specWith(dir, "bare.yaml", []), join(dir, "bare.json"));
    expect(bare.status, bare.stderr).toBe(1);
    expect(bare.findings.map((finding) => finding.id)).toEqual(["LLM-AWS-037", "LLM-AWS-037"]);
    expect(bare.findings.every((finding) => finding.waiver === undefined)).toBe(true);

    const waived = planJson(specWith(dir, "waived.yaml", [waiver("2099-12-31")]), join(dir, "waived.json"));
    expect(waived.status, waived.stderr).toBe(0);
    expect(waived.findings.map((finding) => finding.id)).toEqual(["LLM-AWS-037", "LLM-AWS-037"]);
    for (const finding of waived.findings)
      expect(finding.waiver).toEqual({
        reason: waiver("").reason,
        approver: "ciso@example.com",
        expires: "2099-12-31",
      });
  });

  it("plan: a waiver limited to one path waives that finding only", () => {
    const dir = tempDir();
    const spec = specWith(dir, "one.yaml", [{ ...waiver("2099-12-31"), path: "/spec/spec/models/0" }]);
    const result = planJson(spec, join(dir, "one.json"));
    expect(result.status, result.stderr).toBe(1);
    const byPath = new Map(result.findings.map((finding) => [finding.path, finding.waiver !== undefined]));
    expect(byPath).toEqual(
      new Map([
        ["/spec/spec/blackBoxApi/provider", false],
        ["/spec/spec/models/0/source", true],
      ]),
    );
  });

  it("check: --spec and the spec a plan carries waive as plan does; an expired waiver waives nothing", () => {
    const dir = tempDir();
    const planFile = join(dir, "bare.json");
    expect(planJson(specWith(dir, "bare.yaml", []), planFile).status).toBe(1);
    const run = (args: string[]) => {
      const result = runCli(["check", planFile, "-f", "json", ...args], { timeoutMs: 60_000 });
      return {
        status: result.status,
        stderr: result.stderr,
        findings: (JSON.parse(result.stdout) as { findings: Finding[] }).findings,
      };
    };

    const unwaived = run([]);
    expect(unwaived.status).toBe(1);
    expect(unwaived.findings.filter((finding) => finding.id === "LLM-AWS-037")).toHaveLength(2);

    const current = run(["--spec", specWith(dir, "current.yaml", [waiver("2099-12-31")])]);
    expect(current.status, current.stderr).toBe(0);
    expect(current.findings.filter((finding) => finding.id === "LLM-AWS-037" && finding.waiver)).toHaveLength(2);

    const expired = run(["--spec", specWith(dir, "expired.yaml", [waiver("2020-01-01")])]);
    expect(expired.status).toBe(1);
    expect(expired.findings.filter((finding) => finding.id === "LLM-AWS-037" && !finding.waiver)).toHaveLength(2);

    // A plan of the waived spec carries it, so a later `check plan.json` decides as the plan did.
    const carried = join(dir, "carried.json");
    expect(planJson(specWith(dir, "carried.yaml", [waiver("2099-12-31")]), carried).status).toBe(0);
    const again = runCli(["check", carried, "-f", "json"], { timeoutMs: 60_000 });
    expect(again.status, again.stderr).toBe(0);
  });

  it("check --spec: a waiver naming an unknown id is an input error (exit 2), never a silent pass", () => {
    const dir = tempDir();
    const planFile = join(dir, "bare.json");
    planJson(specWith(dir, "bare.yaml", []), planFile);
    const result = runCli(
      ["check", planFile, "--spec", specWith(dir, "typo.yaml", [{ ...waiver("2099-12-31"), policyId: "LLM-AWS-370" }])],
      { timeoutMs: 60_000 },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown policy id LLM-AWS-370/);
  });
});
