/**
 * What one command run produced, independent of output format. Reporters render it;
 * the CLI derives the exit code from it.
 */
import type { CheckOverride, Finding, FrameworkMappings, Severity } from "./finding.js";

/** A rule that was evaluated, with its metadata (for SARIF rules and JUnit test cases). */
export interface RuleMetadata {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly remediation: string;
  readonly frameworks: FrameworkMappings;
  /** Repository-relative source of the rule, when it is a Rego check. */
  readonly source?: string;
  /**
   * Where the check comes from: "builtin", or the organisation directory given to
   * `llmops policy build --policy`. Absent in bundles built before it was recorded (= builtin).
   */
  readonly origin?: string;
  /** An organisation's override of this built-in check (`llmops.check_overrides` in a --data file). */
  readonly override?: CheckOverride;
}

export interface BundleInfo {
  readonly revision: string;
  /** Digests in the manifest matched every file. */
  readonly digestsVerified: boolean;
  /** A signature was checked against a configured public key. */
  readonly signatureVerified: boolean;
}

/** A resource some of whose values were unknown (Pulumi preview): checks on them are undetermined. */
export interface Undetermined {
  readonly resource: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** JSON Pointers, relative to the resource's props, of the unknown values. */
  readonly paths: readonly string[];
}

/** What a report says about one evaluation evidence document (llmops validate/plan --evidence). */
export interface EvidenceRecord {
  readonly role: "evidence" | "baseline";
  readonly file: string;
  /** sha256 (hex) of the file's bytes as read. */
  readonly sha256: string;
  /** "<tool> <version>" from the document's metadata.producer. */
  readonly producer: string;
  readonly producedAt: string;
  readonly model: string;
  readonly modelDigest: string;
  /** "<name>@<version>". */
  readonly dataset: string;
  /** The document came out of a DSSE envelope that verified with the configured key. */
  readonly signed: boolean;
}

/** The evidence section of a report: `evaluated: false` when no evidence flag was given. */
export interface EvidenceReport {
  readonly evaluated: boolean;
  readonly documents: readonly EvidenceRecord[];
}

/** What a waiver file did in one run (llmops check --waivers or .llmops-waivers.yaml). */
export interface WaiverSummary {
  /** The waiver file, as named on the command line or found at the repository root. */
  readonly file: string;
  /** Entries in the file. */
  readonly entries: number;
  /** Findings the file's current waivers marked waived. */
  readonly waived: number;
  /** Entries past their expiry (each reported as LLM-WAIVER-001). */
  readonly expired: number;
  /** Current entries that matched no finding (each reported as LLM-WAIVER-002). */
  readonly unused: number;
}

export interface Report {
  readonly command: string;
  /** Every input file that was evaluated, in the order given. */
  readonly files: readonly string[];
  readonly rules: readonly RuleMetadata[];
  readonly findings: readonly Finding[];
  readonly bundle?: BundleInfo;
  /** Resources with unknown values, reported as CrossGuard's could-not-evaluate policy does. */
  readonly undetermined?: readonly Undetermined[];
  /** The evidence evaluated beside the bundle (validate and plan; absent for other commands). */
  readonly evidence?: EvidenceReport;
  /** The waiver file applied to the findings (absent when none was). */
  readonly waivers?: WaiverSummary;
}
