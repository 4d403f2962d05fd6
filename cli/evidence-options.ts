/**
 * The evaluation-evidence options `validate`, `plan` and `report` take (--evidence, --baseline,
 * --evidence-key, --as-of), declared once so their names, types and shared help stay the same.
 */
import type { Argv } from "yargs";

/** The help lines that differ per command; the ones left out take the shared wording. */
export interface EvidenceOptionHelp {
  /** Help of --evidence: what the command does with the files. */
  readonly evidence: string;
  /** Help of --baseline. @default "Evidence of the model now in production, for regression checks" */
  readonly baseline?: string;
  /** Help of --as-of. @default "Measure evidence ages at this RFC 3339 time instead of now" */
  readonly asOf?: string;
}

/**
 * Adds --evidence and --baseline (string arrays), --evidence-key and --as-of (strings), in that
 * order, to a yargs builder and returns it, typed. Throws nothing; yargs validates at parse time.
 */
export function withEvidenceOptions<T>(yargs: Argv<T>, help: EvidenceOptionHelp) {
  return yargs
    .option("evidence", { type: "string", array: true, describe: help.evidence })
    .option("baseline", {
      type: "string",
      array: true,
      describe: help.baseline ?? "Evidence of the model now in production, for regression checks",
    })
    .option("evidence-key", {
      type: "string",
      describe: "PEM public key: accept only DSSE-signed evidence that verifies with it",
    })
    .option("as-of", {
      type: "string",
      describe: help.asOf ?? "Measure evidence ages at this RFC 3339 time instead of now",
    });
}
