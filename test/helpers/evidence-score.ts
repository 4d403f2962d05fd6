/** `llmops evidence score` as the evidence tests run it, on the campaign summariser's committed files. */

/** The campaign summariser's reference answers (relative to the repository root, the CLI's cwd in tests). */
export const CAMPAIGN_REFERENCES = "examples/evidence/campaign-summaries.references.jsonl";
/** The digest of the campaign summariser's model in its spec. */
export const CAMPAIGN_DIGEST = "sha256:d159a752b502c829cbe4c0ed5857099e3581701541432e9671d4b253d9b34c02";
/** The subject flags binding scored evidence to the campaign summariser's spec (all but --model-digest). */
export const CAMPAIGN_BINDING = [
  "--model",
  "mistral-7b",
  "--dataset",
  "campaign-summaries-reference@2026-09",
  "--prompt-template-version",
  "campaign-summary-v5",
  "--seed",
  "2026",
];
/** BLEU and ROUGE-1/2/L: the metrics the campaign summariser's evaluation gate reads. */
export const CAMPAIGN_METRICS = ["bleu", "rouge1", "rouge2", "rougeL"];

/** The argv of `llmops evidence score --metric <metrics…> --predictions P --references R`, then `rest`. */
export function scoreArgs(
  metrics: readonly string[],
  predictions: string,
  references: string,
  ...rest: string[]
): string[] {
  return [
    "evidence",
    "score",
    "--metric",
    ...metrics,
    "--predictions",
    predictions,
    "--references",
    references,
    ...rest,
  ];
}

/** `rest` for scoreArgs: the campaign summariser's binding with `digest`, written as evidence to `out`. */
export function campaignEvidenceFlags(out: string, digest = CAMPAIGN_DIGEST): string[] {
  return [...CAMPAIGN_BINDING, "--model-digest", digest, "-o", out];
}
