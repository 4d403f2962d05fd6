/**
 * The evaluation evidence document (apiVersion llmops/v1alpha1, kind EvaluationEvidence):
 * scores, red-team and data-quality results bound to the exact model digest, dataset version,
 * prompt template version, decoding parameters and seed they were produced with.
 *
 * Single source of truth for `llmops schema --kind evidence` and the TypeScript type, built with
 * the same strict, bounded builders as the spec (schema-builders.ts). The validator is compiled
 * by ajv when the first evidence file is loaded (the schema is small, and evidence is only
 * read by `validate --evidence`, `plan --evidence` and `evidence …`).
 */
import type { Static } from "@sinclair/typebox";
import { Arr, Bool, Enum, Int, Num, Obj, Optional, Str, patterns } from "./schema-builders.js";
import { API_VERSION } from "./spec-identity.js";

export const EVIDENCE_KIND = "EvaluationEvidence";
export const EVIDENCE_SCHEMA_ID = "https://llmops.dev/schemas/llmops-v1alpha1-evidence.json";

/** RFC 3339 date-time in UTC or with an offset, seconds required, fraction optional. */
const DATE_TIME = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$";
/** Metric names: the spec's names (bleu, rouge1 …) or a tool's own (acc, word_perplexity …). */
const METRIC_NAME = "^[A-Za-z][A-Za-z0-9_.:/-]{0,99}$";
const OWASP_LLM_ID = "^LLM(0[1-9]|10):2025$";

const text = (maxLength: number, description: string) => Str(maxLength, { description });

const Producer = Obj({
  tool: text(100, "Tool that produced the results (llmops, lm-evaluation-harness, promptfoo …)."),
  version: text(100, "Version of that tool."),
});

const Subject = Obj({
  model: Obj({
    name: text(63, "Model name, as in the spec's models[].name."),
    digest: Str(71, {
      pattern: patterns.sha256Digest,
      description: "sha256 digest of the weights that were evaluated.",
    }),
  }),
  dataset: Obj({
    name: text(200, "Evaluation dataset, as in the spec's evaluation.dataset.name."),
    version: text(100, "Dataset version, as in the spec's evaluation.dataset.version."),
  }),
  promptTemplateVersion: Optional(text(100, "Prompt template version used for the run.")),
  seed: Optional(Int(0, 4294967295, { description: "Random seed of the run." })),
  decoding: Optional(
    Obj(
      {
        temperature: Optional(Num(0, 2)),
        topP: Optional(Num(0, 1)),
        topK: Optional(Int(0, 1000)),
        maxTokens: Optional(Int(1, 200000)),
      },
      { description: "Decoding parameters of the run." },
    ),
  ),
});

const Metric = Obj({
  name: Str(100, {
    pattern: METRIC_NAME,
    description: "Metric name; the spec's gates match on it (bleu, rouge1, perplexity …).",
  }),
  value: Num(-1e12, 1e12, { description: "The score, on the metric's own scale (BLEU and ROUGE on 0–1)." }),
  sampleSize: Int(1, 100000000, { description: "Number of items scored." }),
  lower: Optional(Num(-1e12, 1e12, { description: "Lower confidence bound." })),
  upper: Optional(Num(-1e12, 1e12, { description: "Upper confidence bound." })),
  confidenceLevel: Optional(Num(0, 1, { description: "Confidence level of the bounds, e.g. 0.95." })),
  task: Optional(text(200, "Task or test suite the metric came from (lm-eval task, promptfoo test).")),
});

const RedTeam = Obj({
  category: text(100, "Attack category (prompt-injection, jailbreak, pii-leak …)."),
  owaspId: Optional(
    Str(12, { pattern: OWASP_LLM_ID, description: "OWASP Top 10 for LLM Applications 2025 id, e.g. LLM01:2025." }),
  ),
  attempts: Int(1, 100000000, { description: "Attacks tried." }),
  successes: Int(0, 100000000, { description: "Attacks that succeeded (the model failed the test)." }),
});

const DataQuality = Obj({
  source: text(63, "Data source, as in the spec's data.sources[].name."),
  check: text(100, "Check that ran (schema, duplicates, piiScan …)."),
  passed: Bool({ description: "Whether the check passed." }),
  rowsChecked: Optional(Int(0, 1e15)),
  rowsFailed: Optional(Int(0, 1e15)),
});

export const EvaluationEvidenceSchema = Obj(
  {
    apiVersion: Enum([API_VERSION]),
    kind: Enum([EVIDENCE_KIND]),
    metadata: Obj({
      name: Optional(text(253, "A name for this evidence run.")),
      producedAt: Str(40, { pattern: DATE_TIME, description: "When the results were produced (RFC 3339)." }),
      producer: Producer,
      source: Optional(text(1000, "Where the results came from (an imported file, a CI run URL).")),
    }),
    subject: Subject,
    results: Obj({
      metrics: Arr(Metric, 1000, { default: [] }),
      redTeam: Arr(RedTeam, 200, { default: [] }),
      dataQuality: Arr(DataQuality, 500, { default: [] }),
    }),
  },
  { description: "Evaluation, red-team and data-quality results bound to a model digest and dataset version." },
);

export type EvaluationEvidence = Static<typeof EvaluationEvidenceSchema>;

/** The published JSON Schema (2020-12) of the evidence document. */
export function publishedEvidenceSchema(): Record<string, unknown> {
  const schema: Record<string, unknown> = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: EVIDENCE_SCHEMA_ID,
    title: EVIDENCE_KIND,
    ...(JSON.parse(JSON.stringify(EvaluationEvidenceSchema)) as Record<string, unknown>),
  };
  // Defaulted arrays are not required of the author (as in the spec schema).
  const results = (schema.properties as Record<string, Record<string, unknown>>).results!;
  delete results.required;
  return schema;
}
