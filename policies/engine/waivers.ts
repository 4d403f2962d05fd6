/**
 * Waivers, one logic for every source: a spec's `exceptions` (validate, plan) and a waiver
 * file (`llmops check --waivers`, waiver-file.ts). A valid waiver marks matching findings as
 * waived (they stay in every report, but no longer decide the exit code); an expired waiver
 * leaves them active and adds a finding of its own (LLM-WAIVER-001); a waiver for an unknown
 * id is an input error, because a typo would otherwise silently waive nothing. A waiver that
 * matches no finding can be reported as unused (LLM-WAIVER-002, low).
 */
import { InputError } from "../../input/input-error.js";
import { SCHEMA_RULE, type Finding } from "./finding.js";
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

export const UNUSED_WAIVER_RULE: RuleMetadata = {
  id: "LLM-WAIVER-002",
  title: "Waivers are in use",
  description:
    "A waiver that matches no finding waives nothing: what it was written for is fixed or gone, or its conditions never match. Left in place, it would silently accept the finding if it came back.",
  severity: "low",
  remediation: "Remove the waiver, or correct its policy id, path, resource or file match.",
  frameworks: { "nist-ai-rmf": ["GOVERN 1.5"] },
};

export interface WaiverContext {
  /** The file the waivers come from (the spec, or the waiver file); findings about a waiver point into it. */
  readonly file?: string;
  readonly knownIds: ReadonlySet<string>;
  /** Today as YYYY-MM-DD (UTC); injectable for tests. */
  readonly today: string;
  readonly locate?: (pointer: string) => { line: number; column: number } | undefined;
  /** JSON Pointer of the waiver list in its file. @default "/spec/exceptions" */
  readonly listPointer?: string;
  /**
   * The pointer a waiver's `path` is compared with. @default the finding's own path. A waiver
   * file compares it with the pointer inside the finding's resource (waiver-file.ts).
   */
  readonly pointerOf?: (finding: Finding) => string;
  /** Conditions a waiver places on a finding beyond its id and path (resource and file matches). */
  readonly matches?: (waiverIndex: number, finding: Finding) => boolean;
  /** Report a current waiver that matches no finding as LLM-WAIVER-002 (low). @default false */
  readonly reportUnused?: boolean;
}

/** The UTC calendar date of `now` as YYYY-MM-DD: the day waivers' `expires` is compared with. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Applies `exceptions` to `findings`, in order: a finding takes the first current waiver that
 * matches it. Returns the findings (waived ones carry `waiver`) followed by any LLM-WAIVER-001
 * and LLM-WAIVER-002 findings, which point into `context.file` at the waiver.
 * @throws InputError (positioned at the waiver's policyId when `locate` is given) for an id
 *   not in `context.knownIds`.
 */
export function applyWaivers(
  findings: readonly Finding[],
  exceptions: readonly Exception[],
  context: WaiverContext,
): Finding[] {
  const result = [...findings];
  const extra: Finding[] = [];
  const listPointer = context.listPointer ?? "/spec/exceptions";
  const pointerOf = context.pointerOf ?? ((finding: Finding) => finding.path);
  const waiverFinding = (rule: RuleMetadata, pointer: string, message: string): Finding => {
    const position = context.locate?.(pointer);
    return {
      id: rule.id,
      title: rule.title,
      severity: rule.severity,
      message,
      ...(context.file === undefined ? {} : { file: context.file }),
      path: pointer,
      ...(position ? { line: position.line, column: position.column } : {}),
      remediation: rule.remediation,
      frameworks: rule.frameworks,
    };
  };
  exceptions.forEach((exception, index) => {
    const pointer = `${listPointer}/${index}`;
    if (!context.knownIds.has(exception.policyId)) {
      const position = context.locate?.(`${pointer}/policyId`);
      throw new InputError(
        `waiver names unknown policy id ${exception.policyId}; see \`llmops policy list\``,
        context.file ?? "(spec)",
        position?.line,
        position?.column,
      );
    }
    if (exception.expires < context.today) {
      extra.push(
        waiverFinding(
          EXPIRED_WAIVER_RULE,
          `${pointer}/expires`,
          `waiver for ${exception.policyId} expired on ${exception.expires}`,
        ),
      );
      return;
    }
    let matched = false;
    for (let i = 0; i < result.length; i++) {
      const finding = result[i]!;
      if (finding.id !== exception.policyId) continue;
      if (exception.path !== undefined) {
        const at = pointerOf(finding);
        if (!(at === exception.path || at.startsWith(`${exception.path}/`))) continue;
      }
      if (context.matches && !context.matches(index, finding)) continue;
      matched = true;
      if (finding.waiver) continue;
      result[i] = {
        ...finding,
        waiver: { reason: exception.reason, approver: exception.approver, expires: exception.expires },
      };
    }
    if (!matched && context.reportUnused === true) {
      extra.push(
        waiverFinding(
          UNUSED_WAIVER_RULE,
          pointer,
          `waiver for ${exception.policyId} matches no finding; it waives nothing`,
        ),
      );
    }
  });
  return [...result, ...extra];
}

/**
 * The `exceptions` of a spec document (`{ spec: { exceptions } }`), or none when it has no such
 * list. The schema has validated their shape wherever a spec reaches here.
 */
export function specExceptions(spec: unknown): Exception[] {
  const body = (spec as { spec?: { exceptions?: unknown } } | undefined)?.spec;
  return Array.isArray(body?.exceptions) ? (body.exceptions as Exception[]) : [];
}

/**
 * Applies a spec's current `exceptions` to runtime findings, as `llmops plan`, `llmops check
 * --spec`, `llmops report` and the admission webhook do, so one waiver gives one decision at
 * every point. Expired ones are left out: the spec pipeline (validate, the plan's gate) reports
 * them as LLM-WAIVER-001 against the spec, and a runtime finding they covered stays active.
 * `checkIds` are the bundle's check ids (the catalog's keys); the schema rule's id is known too,
 * as in validate. Returns the findings, waived ones carrying `waiver`.
 * @throws InputError for a waiver naming an id that is neither.
 */
export function waiveBySpec(
  findings: readonly Finding[],
  spec: unknown,
  checkIds: Iterable<string>,
  today: string = todayUtc(),
): Finding[] {
  const current = specExceptions(spec).filter((exception) => exception.expires >= today);
  return applyWaivers(findings, current, { knownIds: new Set([...checkIds, SCHEMA_RULE.id]), today });
}
