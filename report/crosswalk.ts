/**
 * The crosswalk: from checks and findings to a status per framework control, in the manner of
 * `trivy --compliance` and kubescape's framework scores, but honest about what was not run. The
 * status rules are documented on ControlStatus (model.ts); the score on FrameworkResult.score.
 */
import type { FrameworkCatalogue } from "../policies/engine/frameworks.js";
import type { Finding, FrameworkMappings } from "../policies/engine/finding.js";
import {
  CONTROL_STATUSES,
  type CheckRun,
  type ControlResult,
  type ControlStatus,
  type FrameworkResult,
} from "./model.js";
import { UserFacingError } from "../schemas/user-facing-error.js";

/** A check and the framework controls its METADATA maps it to. */
export interface MappedCheck {
  readonly run: CheckRun;
  readonly frameworks: FrameworkMappings;
}

/**
 * One FrameworkResult per catalogue (in `keys` order when given, else catalogue order).
 * @param checks every check of the bundle with whether it ran
 * @param findings all findings, waived ones carrying their waiver
 * @param keys framework keys to report (--framework); an unknown key throws an Error naming the known ones
 */
export function crosswalk(
  catalogues: ReadonlyMap<string, FrameworkCatalogue>,
  checks: readonly MappedCheck[],
  findings: readonly Finding[],
  keys?: readonly string[],
): FrameworkResult[] {
  const selected = keys && keys.length > 0 ? keys : [...catalogues.keys()];
  const unknown = selected.filter((key) => !catalogues.has(key));
  if (unknown.length > 0)
    throw new UnknownFrameworkError(
      `unknown framework ${unknown.join(", ")}; known: ${[...catalogues.keys()].join(", ")}`,
    );
  const findingsById = new Map<string, Finding[]>();
  for (const finding of findings) findingsById.set(finding.id, [...(findingsById.get(finding.id) ?? []), finding]);
  return selected.map((key) => frameworkResult(catalogues.get(key)!, checks, findingsById));
}

/** --framework names a framework the catalogue does not list (exit 2). */
export class UnknownFrameworkError extends UserFacingError {}

function frameworkResult(
  catalogue: FrameworkCatalogue,
  checks: readonly MappedCheck[],
  findingsById: ReadonlyMap<string, readonly Finding[]>,
): FrameworkResult {
  const order = Object.keys(catalogue.controls);
  const controls = order.map((id) =>
    controlResult(
      catalogue,
      id,
      checks.filter((check) => check.frameworks[catalogue.key]?.includes(id)),
      findingsById,
    ),
  );
  controls.sort(
    (a, b) =>
      CONTROL_STATUSES.indexOf(a.status) - CONTROL_STATUSES.indexOf(b.status) ||
      order.indexOf(a.id) - order.indexOf(b.id),
  );
  const counts = Object.fromEntries(
    CONTROL_STATUSES.map((status) => [status, controls.filter((control) => control.status === status).length]),
  ) as Record<ControlStatus, number>;
  const covered = controls.length - counts["not-covered"];
  return {
    key: catalogue.key,
    name: catalogue.name,
    version: catalogue.version,
    source: catalogue.source,
    controls,
    counts,
    score: covered === 0 ? null : Math.round((counts.met / covered) * 1000) / 10,
  };
}

function controlResult(
  catalogue: FrameworkCatalogue,
  id: string,
  mapped: readonly MappedCheck[],
  findingsById: ReadonlyMap<string, readonly Finding[]>,
): ControlResult {
  const all = mapped.flatMap((check) => findingsById.get(check.run.id) ?? []);
  const active = all.filter((finding) => finding.waiver === undefined);
  const waived = all.filter((finding) => finding.waiver !== undefined);
  const needsEvidence = mapped
    .filter((check) => !check.run.ran && check.run.kind === "evidence")
    .map((check) => check.run.id)
    .sort();
  const anyRan = mapped.some((check) => check.run.ran);
  const status: ControlStatus =
    active.length > 0
      ? "failed"
      : needsEvidence.length > 0
        ? "needs-evidence"
        : waived.length > 0
          ? "waived"
          : anyRan
            ? "met"
            : "not-covered";
  return {
    framework: catalogue.key,
    id,
    title: catalogue.controls[id]!,
    status,
    checks: mapped.map((check) => check.run.id).sort(),
    findings: active,
    waived,
    needsEvidence,
  };
}
