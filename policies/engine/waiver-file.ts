/**
 * A waiver file applied to findings: the reusable entry point for `llmops check`, and for any
 * other consumer of findings (a report, an admission webhook). Loading is
 * schemas/load-waivers.ts; the waiver logic itself (expiry, unknown ids, marking, unused
 * waivers) is the one in waivers.ts that spec exceptions use. This module adds what a waiver
 * file can say beyond a spec exception:
 *
 * - `path` is a JSON Pointer inside the finding's resource (`/spec/template/spec/hostNetwork`)
 *   for findings about a resource, since a resource's index in a run is not stable;
 * - `resource` matches the finding's resource by kind, namespace, name and URN globs;
 * - `file` matches the input file, as a glob relative to the waiver file's directory.
 *
 * Globs are picomatch's (the matcher behind tinyglobby and micromatch); every condition given
 * must hold. A waiver file always reports its unused waivers (LLM-WAIVER-002, low).
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
import { loadWaiverFile, type LoadedWaivers } from "../../schemas/load-waivers.js";
import type { WaiverEntry } from "../../schemas/waiver-schema.js";
import { compareFindings, type Finding } from "./finding.js";
import type { Report, RuleMetadata, WaiverSummary } from "./report.js";
import { EXPIRED_WAIVER_RULE, UNUSED_WAIVER_RULE, applyWaivers, todayUtc } from "./waivers.js";

export { loadWaiverFile, type LoadedWaivers };
export { defaultWaiverFile, repositoryRoot } from "./waiver-location.js";

/** The rules a waiver file adds to a run (for SARIF rules and JUnit test cases). */
export const WAIVER_RULES: readonly RuleMetadata[] = [EXPIRED_WAIVER_RULE, UNUSED_WAIVER_RULE];

/** The part of a runtime resource a waiver's resource match reads (RuntimeResource fits). */
export interface WaivableResource {
  readonly urn: string;
  /** Pulumi type token (kubernetes:apps/v1:Deployment, aws:s3/bucketV2:BucketV2). */
  readonly type: string;
  /** Pulumi name, or metadata.name of a manifest. */
  readonly name: string;
  readonly props: Readonly<Record<string, unknown>>;
}

export interface WaiverFileOptions {
  /** Every check id the bundle knows (`engine.catalog.keys()`); a waiver naming another id is an error. */
  readonly knownIds: ReadonlySet<string>;
  /**
   * The resources the findings were evaluated over, in evaluation order: a finding at
   * `/resources/N/…` is about resources[N], else the resource whose URN it names.
   * @default none (resource matches then see only the finding's URN)
   */
  readonly resources?: readonly WaivableResource[];
  /** YYYY-MM-DD (UTC). @default today */
  readonly today?: string;
  /** Directory that relative file names in findings are relative to. @default process.cwd() */
  readonly cwd?: string;
}

/**
 * Applies a loaded waiver file to findings. Returns the findings, waived ones marked, followed
 * by one LLM-WAIVER-001 finding per expired waiver and one LLM-WAIVER-002 finding per current
 * waiver that matched nothing, each pointing at its entry in the waiver file.
 * @throws InputError (file:line:column of the policyId) for a waiver naming an unknown check id.
 */
export function applyWaiverFile(
  findings: readonly Finding[],
  waivers: LoadedWaivers,
  options: WaiverFileOptions,
): Finding[] {
  const cwd = options.cwd ?? process.cwd();
  const resources = options.resources ?? [];
  const byUrn = new Map(resources.map((resource) => [resource.urn, resource]));
  const conditions = waivers.entries.map((entry) => compileConditions(entry, waivers.dir, cwd));
  return applyWaivers(findings, waivers.entries, {
    file: waivers.file,
    knownIds: options.knownIds,
    today: options.today ?? todayUtc(),
    locate: waivers.locate,
    listPointer: "/waivers",
    pointerOf: pointerInResource,
    matches: (index, finding) => conditions[index]!(finding, subjectOf(finding, resources, byUrn)),
    reportUnused: true,
  });
}

/**
 * Applies a waiver file to a report: findings as applyWaiverFile returns them (in report
 * order), the waiver rules added to the report's rules, and a `waivers` summary.
 */
export function waiveReport(report: Report, waivers: LoadedWaivers, options: WaiverFileOptions): Report {
  const applied = applyWaiverFile(report.findings, waivers, options);
  // applyWaiverFile keeps the findings in place and appends the waiver findings.
  const extra = applied.slice(report.findings.length);
  const summary: WaiverSummary = {
    file: waivers.file,
    entries: waivers.entries.length,
    waived: applied
      .slice(0, report.findings.length)
      .filter((finding, index) => finding.waiver !== undefined && report.findings[index]!.waiver === undefined).length,
    expired: extra.filter((finding) => finding.id === EXPIRED_WAIVER_RULE.id).length,
    unused: extra.filter((finding) => finding.id === UNUSED_WAIVER_RULE.id).length,
  };
  const findings = applied.sort(compareFindings);
  const known = new Set(report.rules.map((rule) => rule.id));
  return {
    ...report,
    rules: [...report.rules, ...WAIVER_RULES.filter((rule) => !known.has(rule.id))],
    findings,
    waivers: summary,
  };
}

/**
 * Loads `file` and applies it to `findings` in one call (for callers that hold findings, not a
 * report). @throws InputError for an unreadable or invalid file or an unknown check id.
 */
export async function applyWaiverFileAt(
  file: string,
  findings: readonly Finding[],
  options: WaiverFileOptions,
): Promise<Finding[]> {
  return applyWaiverFile(findings, await loadWaiverFile(file), options);
}

interface Subject {
  readonly urn?: string;
  readonly resource?: WaivableResource;
}

/** The pointer a waiver file's `path` is compared with: inside the resource when there is one. */
function pointerInResource(finding: Finding): string {
  const match = /^\/resources\/\d+\/props(\/.*)?$/.exec(finding.path);
  return match ? (match[1] ?? "") : finding.path;
}

function subjectOf(
  finding: Finding,
  resources: readonly WaivableResource[],
  byUrn: ReadonlyMap<string, WaivableResource>,
): Subject {
  const index = /^\/resources\/(\d+)(?:\/|$)/.exec(finding.path)?.[1];
  const resource =
    (index === undefined ? undefined : resources[Number(index)]) ??
    (finding.resource === undefined ? undefined : byUrn.get(finding.resource));
  const urn = resource?.urn ?? finding.resource;
  return { ...(urn === undefined ? {} : { urn }), ...(resource ? { resource } : {}) };
}

type Condition = (finding: Finding, subject: Subject) => boolean;

function compileConditions(entry: WaiverEntry, waiverDir: string, cwd: string): Condition {
  const checks: Condition[] = [];
  const match = entry.resource;
  if (match?.urn !== undefined) {
    // URNs hold '/' inside type tokens: * crosses it (bash-style), as a URN is not a path.
    const urn = picomatch(match.urn, { bash: true, dot: true });
    checks.push((_finding, subject) => subject.urn !== undefined && urn(subject.urn));
  }
  if (match?.kind !== undefined) {
    const kind = picomatch(match.kind, { dot: true });
    checks.push(
      (_finding, { resource }) => resource !== undefined && (kind(kindOf(resource.type)) || kind(resource.type)),
    );
  }
  if (match?.namespace !== undefined) {
    const namespace = picomatch(match.namespace, { dot: true });
    checks.push((_finding, { resource }) => {
      const value = metadataField(resource, "namespace");
      return value !== undefined && namespace(value);
    });
  }
  if (match?.name !== undefined) {
    const name = picomatch(match.name, { dot: true });
    checks.push((_finding, { resource }) => {
      if (resource === undefined) return false;
      const metadataName = metadataField(resource, "name");
      return name(resource.name) || (metadataName !== undefined && name(metadataName));
    });
  }
  if (entry.file !== undefined) {
    const file = picomatch(entry.file, { dot: true });
    checks.push((finding) => {
      if (finding.file === undefined) return false;
      const path = relative(waiverDir, resolve(cwd, finding.file));
      if (path === "" || path === ".." || path.startsWith(`..${sep}`) || isAbsolute(path)) return false;
      return file(path.split(sep).join("/"));
    });
  }
  return (finding, subject) => checks.every((check) => check(finding, subject));
}

/** `kubernetes:apps/v1:Deployment` → `Deployment`; `aws:s3/bucketV2:BucketV2` → `BucketV2`. */
function kindOf(type: string): string {
  return type.slice(type.lastIndexOf(":") + 1);
}

function metadataField(resource: WaivableResource | undefined, field: "name" | "namespace"): string | undefined {
  const metadata = resource?.props.metadata;
  if (metadata === null || typeof metadata !== "object" || Array.isArray(metadata)) return undefined;
  const value = (metadata as Record<string, unknown>)[field];
  return typeof value === "string" ? value : undefined;
}
