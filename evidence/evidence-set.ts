/**
 * The evidence a gate evaluates: files read with the hardened loader (or, with a key
 * configured, DSSE envelopes verified first), turned into the policy input (`input.evidence`,
 * `input.baseline`) and into the record every report carries.
 *
 * Time: opa-wasm has no time.* builtins, so ages are computed here from `producedAt` and the
 * evaluation clock (`now`, injectable for tests) and handed to Rego as `loaded.ageSeconds`.
 */
import { sha256 } from "../policies/engine/digest.js";
import type { EvidenceRecord, EvidenceReport } from "../policies/engine/report.js";
import { InputError } from "../input/input-error.js";
import { loadEvidenceText, type LoadedEvidence } from "../schemas/load-evidence.js";
import { parseDocuments } from "../input/parse-documents.js";
import { readSourceText } from "../input/source-file.js";
export type { EvidenceRecord, EvidenceReport };
import {
  EVIDENCE_PREDICATE_TYPE,
  EvidenceSignatureError,
  IN_TOTO_STATEMENT_TYPE,
  isEnvelope,
  verifyEnvelope,
} from "./dsse.js";

export const EVIDENCE_NOT_EVALUATED: EvidenceReport = { evaluated: false, documents: [] };

export interface EvidenceDocument {
  readonly record: EvidenceRecord;
  readonly loaded: LoadedEvidence;
}

export interface EvidenceOptions {
  /** PEM public key: every document must be a DSSE envelope that verifies with it. */
  readonly publicKeyPem?: string;
}

/**
 * Reads evidence files. Each file may hold several YAML documents, or one JSON document, or
 * (always, when a key is configured) one DSSE envelope.
 * @throws InputError for unreadable or invalid evidence, EvidenceSignatureError for an unsigned
 * document under a key or a signature that does not verify (both exit 2).
 */
export async function readEvidence(
  files: readonly string[],
  role: EvidenceRecord["role"],
  options: EvidenceOptions = {},
): Promise<EvidenceDocument[]> {
  const documents: EvidenceDocument[] = [];
  for (const file of files) {
    const text = readSourceText(file);
    const digest = sha256(Buffer.from(text, "utf8"));
    const parsed = parseDocuments(text, file);
    const envelope = parsed.length === 1 && isEnvelope(parsed[0]!.value) ? parsed[0]!.value : undefined;
    let loaded: LoadedEvidence[];
    if (envelope) {
      if (!options.publicKeyPem)
        throw new EvidenceSignatureError(`${file} is a signed DSSE envelope; pass --evidence-key to verify it`);
      loaded = await loadEvidenceText(
        statementPredicate(verifyEnvelope(envelope, options.publicKeyPem, file), file),
        `${file}#predicate`,
      );
    } else {
      if (options.publicKeyPem)
        throw new EvidenceSignatureError(
          `${file} is not signed (not a DSSE envelope), and an evidence key is configured; refusing unsigned evidence`,
        );
      loaded = await loadEvidenceText(text, file);
    }
    for (const document of loaded) {
      const value = document.value;
      documents.push({
        loaded: { ...document, file },
        record: {
          role,
          file,
          sha256: digest,
          producer: `${value.metadata.producer.tool} ${value.metadata.producer.version}`,
          producedAt: value.metadata.producedAt,
          model: value.subject.model.name,
          modelDigest: value.subject.model.digest,
          dataset: `${value.subject.dataset.name}@${value.subject.dataset.version}`,
          signed: envelope !== undefined,
        },
      });
    }
  }
  return documents;
}

/** The evidence document inside a verified statement, as JSON text; the statement's subject must match it. */
function statementPredicate(payload: Buffer, file: string): string {
  let statement: Record<string, unknown>;
  try {
    statement = JSON.parse(payload.toString("utf8")) as Record<string, unknown>;
  } catch {
    throw new InputError("signed payload is not JSON", file);
  }
  if (statement?._type !== IN_TOTO_STATEMENT_TYPE)
    throw new InputError(`signed payload is not an in-toto Statement (${IN_TOTO_STATEMENT_TYPE})`, file);
  if (statement.predicateType !== EVIDENCE_PREDICATE_TYPE)
    throw new InputError(
      `predicateType ${JSON.stringify(statement.predicateType)} is not ${EVIDENCE_PREDICATE_TYPE}`,
      file,
    );
  const predicate = statement.predicate as { subject?: { model?: { digest?: unknown } } } | undefined;
  const subjects = Array.isArray(statement.subject)
    ? (statement.subject as Array<{ digest?: { sha256?: unknown } }>)
    : [];
  const digest = predicate?.subject?.model?.digest;
  if (
    typeof digest !== "string" ||
    !subjects.some((subject) => `sha256:${String(subject?.digest?.sha256)}` === digest)
  ) {
    throw new InputError("the statement's subject does not name the model digest of its predicate", file);
  }
  return JSON.stringify(predicate);
}

/** One document as Rego sees it: the document plus `loaded` (file, sha256, ageSeconds at `nowSeconds`). */
export function policyDocuments(documents: readonly EvidenceDocument[], nowSeconds: number): unknown[] {
  return documents.map(({ loaded, record }) => ({
    ...loaded.value,
    loaded: { file: record.file, sha256: record.sha256, ageSeconds: Math.floor(nowSeconds - loaded.producedAtSeconds) },
  }));
}

/** The report section for the documents evaluated. */
export function evidenceReport(documents: readonly EvidenceDocument[]): EvidenceReport {
  return { evaluated: true, documents: documents.map((document) => document.record) };
}
