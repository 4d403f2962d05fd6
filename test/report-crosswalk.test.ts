/**
 * The crosswalk's rules on a small catalogue, without a bundle: the status precedence
 * (failed > needs evidence > waived > met > not covered), the score (met of covered, waivers not
 * counted as met), failing controls first, and an unknown --framework key refused.
 */
import { describe, expect, it } from "vitest";
import type { FrameworkCatalogue } from "../policies/engine/frameworks.js";
import type { Finding } from "../policies/engine/finding.js";
import { UnknownFrameworkError, crosswalk, type MappedCheck } from "../report/crosswalk.js";

const catalogue: FrameworkCatalogue = {
  key: "demo",
  name: "Demo framework",
  version: "1",
  source: "https://example.com/demo",
  checked: "test",
  controls: {
    "C-1": "met",
    "C-2": "failed",
    "C-3": "waived",
    "C-4": "needs evidence",
    "C-5": "uncovered",
    "C-6": "not applicable",
  },
};
const catalogues = new Map([["demo", catalogue]]);

const check = (
  id: string,
  controls: string[],
  ran: boolean,
  kind: MappedCheck["run"]["kind"] = "spec",
): MappedCheck => ({
  run: { id, title: id, severity: "high", kind, ran, ...(ran ? {} : { reason: "not run" }) },
  frameworks: { demo: controls },
});
const finding = (id: string, waived = false): Finding => ({
  id,
  title: id,
  severity: "high",
  message: `${id} found`,
  path: "/spec",
  remediation: "fix",
  frameworks: { demo: [] },
  ...(waived ? { waiver: { reason: "accepted", approver: "a@example.com", expires: "2099-01-01" } } : {}),
});

describe("crosswalk", () => {
  const checks = [
    check("LLM-A-001", ["C-1", "C-2"], true),
    check("LLM-B-001", ["C-2"], true),
    check("LLM-C-001", ["C-3"], true),
    check("LLM-EVID-001", ["C-4"], false, "evidence"),
    check("LLM-D-001", ["C-4"], true),
    check("LLM-K8S-001", ["C-6"], false, "runtime"),
  ];
  const [result] = crosswalk(catalogues, checks, [finding("LLM-B-001"), finding("LLM-C-001", true)]);

  it("gives each control the worst status of its checks", () => {
    const status = Object.fromEntries(result!.controls.map((control) => [control.id, control.status]));
    expect(status).toEqual({
      "C-1": "met",
      "C-2": "failed",
      "C-3": "waived",
      "C-4": "needs-evidence",
      "C-5": "not-covered",
      "C-6": "not-covered",
    });
    const c3 = result!.controls.find((control) => control.id === "C-3")!;
    expect(c3.waived[0]!.waiver).toEqual({ reason: "accepted", approver: "a@example.com", expires: "2099-01-01" });
    expect(result!.controls.find((control) => control.id === "C-4")!.needsEvidence).toEqual(["LLM-EVID-001"]);
  });

  it("lists failing controls first and scores met of covered", () => {
    expect(result!.controls.map((control) => control.id)).toEqual(["C-2", "C-4", "C-3", "C-1", "C-5", "C-6"]);
    expect(result!.counts).toEqual({ failed: 1, "needs-evidence": 1, waived: 1, met: 1, "not-covered": 2 });
    expect(result!.score).toBe(25);
  });

  it("scores null when nothing is covered, and refuses an unknown framework", () => {
    expect(crosswalk(catalogues, [], [])[0]!.score).toBeNull();
    expect(() => crosswalk(catalogues, checks, [], ["nope"])).toThrow(UnknownFrameworkError);
  });
});
