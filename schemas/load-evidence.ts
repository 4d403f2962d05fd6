/**
 * The evidence loader: the same hardened parsing as specs (parse-documents.ts: YAML 1.2 core,
 * no aliases, duplicate keys refused, size and depth capped, JSON by its own strict parser),
 * then the kind check and the EvaluationEvidence schema. Evidence is an input to a gate, not a
 * document under review, so anything wrong with it — unparseable, wrong kind, a schema
 * violation, inconsistent counts — throws InputError with file:line:column (exit 2).
 */
import type { ValidateFunction } from "ajv";
import { parseDocuments, type ParsedDocument } from "../input/parse-documents.js";
import { readSourceText } from "../input/source-file.js";
import { EVIDENCE_KIND, publishedEvidenceSchema, type EvaluationEvidence } from "./evidence-schema.js";
import { checkKindAndSchema, failAt } from "./check-document.js";

export interface LoadedEvidence {
  readonly file: string;
  readonly index: number;
  /** The document with defaults applied. */
  readonly value: EvaluationEvidence;
  /** `producedAt` in seconds since the Unix epoch. */
  readonly producedAtSeconds: number;
}

let compiled: ValidateFunction | undefined;

async function validator(): Promise<ValidateFunction> {
  if (compiled) return compiled;
  const { Ajv2020 } = await import("ajv/dist/2020.js");
  // allErrors stays off: the first violation is the one reported, and evidence is refused whole.
  const ajv = new Ajv2020({
    useDefaults: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    verbose: true,
  });
  compiled = ajv.compile(publishedEvidenceSchema());
  return compiled;
}

/** Loads every document of an evidence file. @throws InputError (positioned) on anything invalid. */
export async function loadEvidenceFile(file: string): Promise<LoadedEvidence[]> {
  return loadEvidenceText(readSourceText(file), file);
}

/** Loads evidence from text already read (DSSE payloads, standard input). */
export async function loadEvidenceText(text: string, file: string): Promise<LoadedEvidence[]> {
  const validate = await validator();
  return parseDocuments(text, file).map((document) => checkEvidenceDocument(document, validate));
}

function checkEvidenceDocument(document: ParsedDocument, validate: ValidateFunction): LoadedEvidence {
  const fail = (pointer: string, message: string): never => failAt(document, pointer, message);
  checkKindAndSchema(document, EVIDENCE_KIND, validate, "evidence");
  const evidence = document.value as EvaluationEvidence;
  const producedAtSeconds = Date.parse(evidence.metadata.producedAt) / 1000;
  if (!Number.isFinite(producedAtSeconds))
    fail("/metadata/producedAt", `producedAt ${evidence.metadata.producedAt} is not a real date and time`);
  evidence.results.metrics.forEach((metric, i) => {
    if (metric.lower !== undefined && metric.lower > metric.value)
      fail(`/results/metrics/${i}/lower`, `lower bound ${metric.lower} is above the value ${metric.value}`);
    if (metric.upper !== undefined && metric.upper < metric.value)
      fail(`/results/metrics/${i}/upper`, `upper bound ${metric.upper} is below the value ${metric.value}`);
  });
  evidence.results.redTeam.forEach((result, i) => {
    if (result.successes > result.attempts)
      fail(`/results/redTeam/${i}/successes`, `${result.successes} successes out of ${result.attempts} attempts`);
  });
  evidence.results.dataQuality.forEach((result, i) => {
    if (result.rowsFailed !== undefined && result.rowsChecked !== undefined && result.rowsFailed > result.rowsChecked) {
      fail(
        `/results/dataQuality/${i}/rowsFailed`,
        `${result.rowsFailed} failed rows out of ${result.rowsChecked} checked`,
      );
    }
  });
  return { file: document.file, index: document.index, value: evidence, producedAtSeconds };
}
