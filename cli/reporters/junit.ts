/**
 * JUnit XML: one testsuite per input file, one testcase per check. A check fails when it
 * has active findings at or above --fail-on; lower ones are printed as output, waived
 * ones make the testcase skipped (and are listed as output whatever the outcome). A waiver
 * file gets a suite of its own for the waiver rules (expired, unused).
 */
import { isAtOrAbove, type Finding } from "../../policies/engine/finding.js";
import type { Report } from "../../policies/engine/report.js";
import { EXPIRED_WAIVER_RULE, UNUSED_WAIVER_RULE } from "../../policies/engine/waivers.js";
import type { RenderContext } from "../report-options.js";
import { provenance } from "./provenance.js";

/** JUnit XML: one test suite per input file, one test case per rule, failed when a finding at or above --fail-on names it; XML-escaped, control characters removed. */
export function render(report: Report, context: RenderContext): string {
  // A waiver file is judged too (expired and unused waivers): it gets a suite of the waiver rules.
  const waiverFile = report.waivers?.file;
  const files =
    waiverFile === undefined || report.files.includes(waiverFile) ? report.files : [...report.files, waiverFile];
  const suites = files.map((file) => {
    const findings = report.findings.filter((finding) => finding.file === file);
    const rules =
      file === waiverFile && !report.files.includes(file)
        ? report.rules.filter((rule) => WAIVER_RULE_IDS.has(rule.id))
        : report.rules;
    let failures = 0;
    let skipped = 0;
    const cases = rules.map((rule) => {
      const mine = findings.filter((finding) => finding.id === rule.id);
      const active = mine.filter((finding) => !finding.waiver);
      const waived = mine.filter((finding) => finding.waiver);
      const blocking = active.filter((finding) => isAtOrAbove(finding.severity, context.failOn));
      const name = attribute(`${rule.id} ${rule.title}`);
      const open = `    <testcase classname="${attribute(file)}" name="${name}" time="0">`;
      // Waived findings are listed as output in every case, so they stay on record.
      const output = (listed: readonly Finding[]) =>
        listed.length > 0 ? `\n      <system-out>${text(listed.map(describe).join("\n"))}</system-out>` : "";
      if (blocking.length > 0) {
        failures++;
        return `${open}\n      <failure message="${attribute(`${blocking.length} ${rule.severity} finding(s)`)}" type="${rule.severity}">${text(blocking.map(describe).join("\n"))}</failure>${output(waived)}\n    </testcase>`;
      }
      if (active.length > 0) return `${open}${output([...active, ...waived])}\n    </testcase>`;
      if (mine.length > 0) {
        skipped++;
        return `${open}\n      <skipped message="${attribute(`waived: ${mine[0]!.waiver!.reason}`)}"/>${output(waived)}\n    </testcase>`;
      }
      return `${open}</testcase>`;
    });
    return `  <testsuite name="${attribute(file)}" tests="${rules.length}" failures="${failures}" errors="0" skipped="${skipped}">\n${cases.join("\n")}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="llmops ${attribute(report.command)}">\n${suites.join("\n")}\n</testsuites>\n`;
}

const WAIVER_RULE_IDS: ReadonlySet<string> = new Set([EXPIRED_WAIVER_RULE.id, UNUSED_WAIVER_RULE.id]);

function describe(finding: Finding): string {
  const where =
    finding.line === undefined ? (finding.file ?? "") : `${finding.file ?? ""}:${finding.line}:${finding.column ?? 1}`;
  const waiver = finding.waiver;
  const about = provenance(finding);
  const tail = about.length > 0 ? `\n${about.join("\n")}` : "";
  if (waiver)
    return `${where} ${finding.path} ${finding.message}\nwaived until ${waiver.expires}, approved by ${waiver.approver}: ${waiver.reason}${tail}`;
  return `${where} ${finding.path} ${finding.message}\nfix: ${finding.remediation}${tail}`;
}

/** XML 1.0 forbids most control characters even escaped; drop them. */
function clean(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
}

function text(value: string): string {
  return clean(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function attribute(value: string): string {
  return text(value).replace(/"/g, "&quot;").replace(/\n/g, "&#10;");
}
