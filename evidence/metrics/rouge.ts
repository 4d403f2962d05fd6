/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F-measure exactly as Google's `rouge-score` package computes
 * them (google-research/google-research, rouge/: tokenize.py, rouge_scorer.py, scoring.py;
 * Apache-2.0) with its default tokeniser: lowercase, every run of characters other than [a-z0-9]
 * becomes a space, split on whitespace, keep tokens matching ^[a-z0-9]+$; with `stem` (rouge-score's
 * `use_stemmer=True`) tokens longer than 3 characters go through NLTK's Porter stemmer first
 * (porter-stemmer.ts).
 * Several references: `score_multi`, the best F-measure over the references.
 * The corpus value is the arithmetic mean of the per-example F-measures (what rouge-score's
 * BootstrapAggregator reports as `mid`, without its resampling noise).
 *
 * Written here rather than taken from npm: the npm ROUGE packages (rouge, js-rouge …) keep
 * punctuation or case in their tokenisers, or report recall only, so their numbers differ
 * from rouge-score's.
 * Proven in test/evidence-metrics.test.ts against the rouge-score README's example pair and
 * rouge-score's own test cases against ROUGE-1.5.5, with and without stemming.
 */
import { porterStem } from "./porter-stemmer.js";
import { pythonSplit } from "./python-whitespace.js";

export type RougeType = "rouge1" | "rouge2" | "rougeL";

/** Precision, recall and F-measure of one prediction against one target, each on 0–1. */
export interface RougeScore {
  readonly precision: number;
  readonly recall: number;
  readonly fmeasure: number;
}

/** Scoring options. */
export interface RougeOptions {
  /** Porter-stem tokens longer than 3 characters, as rouge-score's `use_stemmer=True`. @default false */
  readonly stem?: boolean;
}

/** rouge-score's default tokenizer (tokenize.tokenize; with `stem`, its Porter stemmer). */
export function rougeTokenize(text: string, options: RougeOptions = {}): string[] {
  const replaced = text.toLowerCase().replace(/[^a-z0-9]+/g, " ");
  const tokens = pythonSplit(replaced);
  const stemmed = options.stem ? tokens.map((token) => (token.length > 3 ? porterStem(token) : token)) : tokens;
  return stemmed.filter((token) => /^[a-z0-9]+$/.test(token));
}

/** scoring.fmeasure: the harmonic mean, 0 when both parts are 0. */
function fmeasure(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

function ngrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i += 1) {
    const key = tokens.slice(i, i + n).join(" ");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** rouge_scorer._score_ngrams. */
function scoreNgrams(target: readonly string[], prediction: readonly string[], n: number): RougeScore {
  const targetNgrams = ngrams(target, n);
  const predictionNgrams = ngrams(prediction, n);
  let intersection = 0;
  for (const [ngram, count] of targetNgrams) intersection += Math.min(count, predictionNgrams.get(ngram) ?? 0);
  const targetCount = Math.max(0, target.length - n + 1);
  const predictionCount = Math.max(0, prediction.length - n + 1);
  const precision = intersection / Math.max(predictionCount, 1);
  const recall = intersection / Math.max(targetCount, 1);
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

/** Length of the longest common subsequence (rouge_scorer._lcs_table's last cell), in O(n·m) time, O(m) space. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** rouge_scorer._score_lcs. */
function scoreLcs(target: readonly string[], prediction: readonly string[]): RougeScore {
  if (target.length === 0 || prediction.length === 0) return { precision: 0, recall: 0, fmeasure: 0 };
  const lcs = lcsLength(target, prediction);
  const precision = lcs / prediction.length;
  const recall = lcs / target.length;
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

/** RougeScorer([type]).score(target, prediction)[type]. */
export function rougeScore(
  type: RougeType,
  target: string,
  prediction: string,
  options: RougeOptions = {},
): RougeScore {
  const targetTokens = rougeTokenize(target, options);
  const predictionTokens = rougeTokenize(prediction, options);
  switch (type) {
    case "rouge1":
      return scoreNgrams(targetTokens, predictionTokens, 1);
    case "rouge2":
      return scoreNgrams(targetTokens, predictionTokens, 2);
    case "rougeL":
      return scoreLcs(targetTokens, predictionTokens);
  }
}

/** RougeScorer.score_multi: the score with the highest F-measure over the targets (the first on ties). */
export function rougeScoreMulti(
  type: RougeType,
  targets: readonly string[],
  prediction: string,
  options: RougeOptions = {},
): RougeScore {
  if (targets.length === 0) throw new RangeError("rouge needs at least one reference");
  let best: RougeScore | undefined;
  for (const target of targets) {
    const score = rougeScore(type, target, prediction, options);
    if (best === undefined || score.fmeasure > best.fmeasure) best = score;
  }
  return best!;
}

/**
 * Mean F-measure over the corpus (0–1).
 * @throws RangeError when the lists differ in length, are empty, or a segment has no reference.
 */
export function corpusRouge(
  type: RougeType,
  predictions: readonly string[],
  references: readonly (readonly string[])[],
  options: RougeOptions = {},
): number {
  if (predictions.length !== references.length)
    throw new RangeError(`${predictions.length} predictions but ${references.length} reference sets`);
  if (predictions.length === 0) throw new RangeError("rouge needs at least one prediction");
  const sum = predictions.reduce(
    (total, prediction, index) => total + rougeScoreMulti(type, references[index]!, prediction, options).fmeasure,
    0,
  );
  return sum / predictions.length;
}
