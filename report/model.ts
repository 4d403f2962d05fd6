/**
 * The compliance report's model: what `llmops report` found, independent of output format.
 * collect.ts builds it (spec checks, offline plan, runtime checks, evidence, waivers); crosswalk.ts
 * turns findings into a status per framework control; architecture.ts draws the planned resources
 * as components and data flows; the renderers (html, markdown, json, cyclonedx) only read it.
 */
import type { Finding, Severity } from "../policies/engine/finding.js";
import type { BundleInfo, EvidenceReport } from "../policies/engine/report.js";
import type { RuntimeResource } from "../policies/engine/runtime-input.js";
import type { LLMOpsStack } from "../schemas/spec-schema.js";

/** A planned resource as the report reads it (collect.ts gathers them, architecture.ts draws them). */
export type ReportResource = Pick<RuntimeResource, "urn" | "type" | "name" | "props" | "parent">;

/**
 * The status of one framework control, worst first:
 * - `failed`: a check mapped to it found something that is not waived;
 * - `needs-evidence`: an evidence check mapped to it was not run (no `--evidence` given);
 * - `waived`: every finding of its checks is waived;
 * - `met`: at least one check mapped to it ran, and none found anything;
 * - `not-covered`: no check maps to it, or none of those that do applies to what was built.
 */
export const CONTROL_STATUSES = ["failed", "needs-evidence", "waived", "met", "not-covered"] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

/** Whether one check ran in this report, and why not when it did not. */
export interface CheckRun {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  /** `spec`: spec policies; `evidence`: spec policies that read input.evidence; `runtime`: over the planned resources. */
  readonly kind: "spec" | "evidence" | "runtime";
  readonly ran: boolean;
  /** Why the check did not run (absent when it ran). */
  readonly reason?: string;
}

export interface ControlResult {
  readonly framework: string;
  readonly id: string;
  readonly title: string;
  readonly status: ControlStatus;
  /** Ids of the checks mapped to this control (sorted). */
  readonly checks: readonly string[];
  /** Active (unwaived) findings of those checks. */
  readonly findings: readonly Finding[];
  /** Waived findings of those checks, each with its waiver. */
  readonly waived: readonly Finding[];
  /** Evidence checks mapped here that did not run. */
  readonly needsEvidence: readonly string[];
}

export type StatusCounts = Readonly<Record<ControlStatus, number>>;

export interface FrameworkResult {
  readonly key: string;
  readonly name: string;
  readonly version: string;
  readonly source: string;
  /** Every control of the catalogue, failing first (status order, then catalogue order). */
  readonly controls: readonly ControlResult[];
  readonly counts: StatusCounts;
  /**
   * Kubescape-style score: met controls as a percentage of covered controls (all but `not-covered`),
   * rounded to one decimal; null when no control is covered. Waived and needs-evidence controls are
   * covered but not met, so a waiver never raises the score.
   */
  readonly score: number | null;
}

/** A waiver as the report shows it, whatever its source. */
export interface WaiverRecord {
  /** Where it came from: "spec" (spec.exceptions) or a waivers file name. */
  readonly source: string;
  readonly policyId: string;
  readonly reason: string;
  readonly approver: string;
  readonly expires: string;
  readonly path?: string;
  readonly expired: boolean;
  /** Findings it waives in this report. */
  readonly matched: number;
}

export type FlowKind = "request" | "retrieval" | "records" | "egress";

/** One component of the architecture picture: a planned component or a party outside the plan (the user). */
export interface ArchitectureNode {
  readonly id: string;
  readonly label: string;
  /** What the node does in the data flows, e.g. "gateway", "model-server", "vector-store"; "component" otherwise. */
  readonly role: string;
  /** Pulumi type of the component resource; "external" for the user and egress destinations. */
  readonly type: string;
  /** Resources planned under it (all descendants). */
  readonly resources: number;
  /** Worst severity of its active findings; undefined when it has none. */
  readonly worst?: Severity;
  readonly findings: number;
}

export interface ArchitectureEdge {
  readonly from: string;
  readonly to: string;
  readonly flow: FlowKind;
  readonly label: string;
}

export interface Architecture {
  readonly nodes: readonly ArchitectureNode[];
  readonly edges: readonly ArchitectureEdge[];
}

/** A control the spec declares, beside the components that build it and the checks that verify it. */
export interface DeclaredControl {
  readonly name: string;
  /** The declaration as the spec states it, e.g. "input: promptInjection, pii". */
  readonly declared: string;
  /** Planned components whose role builds it. */
  readonly builtBy: readonly string[];
  /** Ids of the checks in its category, and how they came out. */
  readonly checks: readonly string[];
  readonly status: "failed" | "waived" | "met" | "not-built" | "not-declared";
}

/** How the plan behind the runtime checks was obtained. */
export interface PlanSummary {
  /** "offline": planned now under Pulumi mocks; a file name: read from --plan; "none": planning failed. */
  readonly source: string;
  readonly target: string;
  readonly resources: number;
  /** Why there is no plan (runtime checks did not run). */
  readonly error?: string;
}

/** The metric values of one evidence document, for the ML-BOM's quantitative analysis. */
export interface EvidenceResult {
  readonly file: string;
  readonly modelDigest: string;
  readonly dataset: { readonly name: string; readonly version: string };
  readonly metrics: ReadonlyArray<{ readonly name: string; readonly value: number; readonly sampleSize?: number }>;
}

export interface ReportModel {
  readonly file: string;
  readonly spec: LLMOpsStack;
  readonly bundle?: BundleInfo;
  readonly plan: PlanSummary;
  readonly checks: readonly CheckRun[];
  /** Every finding: spec, evidence and runtime, with waivers applied. */
  readonly findings: readonly Finding[];
  readonly frameworks: readonly FrameworkResult[];
  readonly evidence: EvidenceReport;
  /** Metric values of the candidate evidence documents (baselines excluded). */
  readonly evidenceResults: readonly EvidenceResult[];
  readonly waivers: readonly WaiverRecord[];
  readonly architecture: Architecture;
  readonly declared: readonly DeclaredControl[];
  /** Container images of the plan (repository@digest), for the BOM. */
  readonly images: readonly string[];
}
