/**
 * Waivers from the spec's `exceptions`: a valid waiver marks matching findings as waived
 * (they stay in every report, but no longer decide the exit code); an expired waiver
 * leaves them active and adds a finding of its own; a waiver for an unknown id is an
 * input error, because a typo would otherwise silently waive nothing.
 */
import { InputError } from "../../schemas/input-error.js";
import type { Finding } from "./finding.js";
import type { RuleMetadata } from "./report.js";

export interface Exception {
  readonly policyId: string;
  readonly reason: string;
  readonly approver: string;
  readonly expires: string;
  readonly path?: string;
}

export const EXPIRED_WAIVER_RULE: RuleMetadata = {
  id: "LLM-WAIVER-001",
  title: "Waivers are current",
  description: "A waiver past its expiry date no longer applies; the finding it covered is active again.",
  severity: "high",
  remediation: "Fix the waived finding, or renew the waiver with a new expiry date and approval.",
  frameworks: { "nist-ai-rmf": ["GOVERN 1.5"] },
};

export interface WaiverContext {
  readonly file?: string;
  readonly knownIds: ReadonlySet<string>;
  /** Today as YYYY-MM-DD (UTC); injectable for tests. */
  readonly today: string;
  readonly locate?: (pointer: string) => { line: number; column: number } | undefined;
}

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function applyWaivers(findings: readonly Finding[], exceptions: readonly Exception[], context: WaiverContext): Finding[] {
  const result = [...findings];
  const extra: Finding[] = [];
  exceptions.forEach((exception, index) => {
    const pointer = `/spec/exceptions/${index}`;
    if (!context.knownIds.has(exception.policyId)) {
      const position = context.locate?.(`${pointer}/policyId`);
      throw new InputError(`waiver names unknown policy id ${exception.policyId}; see \`llmops policy list\``, context.file ?? "(spec)", position?.line, position?.column);
    }
    const expired = exception.expires < context.today;
    if (expired) {
      const position = context.locate?.(`${pointer}/expires`);
      extra.push({
        id: EXPIRED_WAIVER_RULE.id,
        title: EXPIRED_WAIVER_RULE.title,
        severity: EXPIRED_WAIVER_RULE.severity,
        message: `waiver for ${exception.policyId} expired on ${exception.expires}`,
        ...(context.file === undefined ? {} : { file: context.file }),
        path: `${pointer}/expires`,
        ...(position ? { line: position.line, column: position.column } : {}),
        remediation: EXPIRED_WAIVER_RULE.remediation,
        frameworks: EXPIRED_WAIVER_RULE.frameworks,
      });
      return;
    }
    for (let i = 0; i < result.length; i++) {
      const finding = result[i]!;
      if (finding.id !== exception.policyId || finding.waiver) continue;
      if (exception.path !== undefined && !(finding.path === exception.path || finding.path.startsWith(`${exception.path}/`))) continue;
      result[i] = { ...finding, waiver: { reason: exception.reason, approver: exception.approver, expires: exception.expires } };
    }
  });
  return [...result, ...extra];
}
