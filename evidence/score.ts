/**
 * `llmops evidence score`: joins predictions and references by id, computes BLEU (sacreBLEU)
 * and ROUGE (rouge-score) with the ports in metrics/, and builds a native evidence document
 * bound to the model digest, dataset version, prompt template version and seed given.
 */
import { InputError } from "../input/input-error.js";
import { API_VERSION } from "../schemas/spec-identity.js";
import { EVIDENCE_KIND, type EvaluationEvidence } from "../schemas/evidence-schema.js";
import { corpusBleu } from "./metrics/bleu.js";
import { corpusRouge } from "./metrics/rouge.js";
import { readKeyed } from "./jsonl.js";

export const SCORE_METRICS = ["bleu", "rouge1", "rouge2", "rougeL"] as const;
export type ScoreMetric = (typeof SCORE_METRICS)[number];

export interface MetricValue {
  readonly metric: ScoreMetric;
  /** ROUGE computed with the Porter stemmer (rouge-score `use_stemmer=True`). */
  readonly stemmed?: boolean;
  /** On 0–1. */
  readonly value: number;
  /** Number of prediction/reference pairs scored. */
  readonly sampleSize: number;
}

/** Predictions and their references, joined by id in the predictions file's order. */
export interface ScoringSet {
  readonly predictions: string[];
  readonly references: string[][];
}

const isString = (value: unknown): value is string => typeof value === "string";
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every(isString);

/**
 * Reads `{"id","prediction"}` and `{"id","references":[…]}` lines. Every prediction needs
 * references and every reference set a prediction: a partial join would score a subset silently.
 * @throws InputError
 */
export function readScoringSet(predictionsFile: string, referencesFile: string): ScoringSet {
  const predictions = readKeyed(predictionsFile, "prediction", isString, "a string");
  const references = readKeyed(referencesFile, "references", isStringList, "a non-empty list of strings");
  for (const id of predictions.keys()) {
    if (!references.has(id))
      throw new InputError(`prediction ${JSON.stringify(id)} has no references in ${referencesFile}`, predictionsFile);
  }
  for (const id of references.keys()) {
    if (!predictions.has(id))
      throw new InputError(`references ${JSON.stringify(id)} have no prediction in ${predictionsFile}`, referencesFile);
  }
  const ids = [...predictions.keys()];
  return { predictions: ids.map((id) => predictions.get(id)!), references: ids.map((id) => references.get(id)!) };
}

/**
 * One metric over the whole set. `stem` applies to ROUGE only (rouge-score's `use_stemmer=True`);
 * sacreBLEU has no stemming.
 */
export function scoreMetric(metric: ScoreMetric, set: ScoringSet, options: { stem?: boolean } = {}): MetricValue {
  if (metric === "bleu")
    return { metric, value: corpusBleu(set.predictions, set.references).score, sampleSize: set.predictions.length };
  const stem = options.stem === true;
  return {
    metric,
    value: corpusRouge(metric, set.predictions, set.references, { stem }),
    sampleSize: set.predictions.length,
    ...(stem ? { stemmed: true } : {}),
  };
}

/** What a stemmed ROUGE metric records in its evidence `task`, so the figure is never read as unstemmed. */
export const STEMMED_TASK = "rouge-score use_stemmer=True (Porter stemmer, tokens longer than 3 characters)";

export interface Binding {
  readonly model: string;
  readonly modelDigest: string;
  /** NAME@VERSION */
  readonly dataset: string;
  readonly promptTemplateVersion?: string | undefined;
  readonly seed?: number | undefined;
}

/** Splits NAME@VERSION at its last "@". @throws RangeError */
export function parseDatasetRef(ref: string): { name: string; version: string } {
  const at = ref.lastIndexOf("@");
  if (at <= 0 || at === ref.length - 1) throw new RangeError(`--dataset ${ref} is not NAME@VERSION`);
  return { name: ref.slice(0, at), version: ref.slice(at + 1) };
}

/** A native evidence document (validated by the caller through the loader before it is written). */
export function evidenceDocument(
  binding: Binding,
  metrics: readonly { name: string; value: number; sampleSize: number; task?: string }[],
  producer: { tool: string; version: string; source?: string },
  producedAt: Date,
  redTeam: readonly { category: string; owaspId?: string; attempts: number; successes: number }[] = [],
): EvaluationEvidence {
  return {
    apiVersion: API_VERSION,
    kind: EVIDENCE_KIND,
    metadata: {
      producedAt: producedAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
      producer: { tool: producer.tool, version: producer.version },
      ...(producer.source ? { source: producer.source } : {}),
    },
    subject: {
      model: { name: binding.model, digest: binding.modelDigest },
      dataset: parseDatasetRef(binding.dataset),
      ...(binding.promptTemplateVersion === undefined ? {} : { promptTemplateVersion: binding.promptTemplateVersion }),
      ...(binding.seed === undefined ? {} : { seed: binding.seed }),
    },
    results: {
      metrics: metrics.map((metric) => ({ ...metric })),
      redTeam: redTeam.map((result) => ({ ...result })),
      dataQuality: [],
    },
  };
}
