/**
 * Corpus BLEU exactly as sacreBLEU 2.x computes it with its defaults (`BLEU()`: 13a
 * tokenisation, mixed case, `smooth_method="exp"`, max n-gram order 4, no effective order),
 * reported on 0–1 instead of sacreBLEU's 0–100.
 *
 * Written here rather than taken from npm: the npm BLEU packages (bleu-score, bleu, natural's
 * helpers …) use their own whitespace or word tokenisers, sentence-level averaging or no
 * exp smoothing, so none reproduces sacreBLEU's numbers. Ported from mjpost/sacrebleu
 * (Apache-2.0): sacrebleu/metrics/bleu.py (`compute_bleu`, `_get_closest_ref_len`,
 * `_extract_reference_info`, `_compute_segment_statistics`) and
 * sacrebleu/tokenizers/tokenizer_13a.py + tokenizer_re.py. Proven in test/evidence-metrics.test.ts
 * against the sacreBLEU README's corpus example (BLEU = 48.53, 82.4/50.0/45.5/37.5, BP 0.943).
 */
import { pythonRstrip, pythonSplit } from "./python-whitespace.js";

const MAX_NGRAM_ORDER = 4;

/** The mteval-v13a tokeniser (sacreBLEU `Tokenizer13a`). */
export function tokenize13a(text: string): string {
  let line = text
    .replaceAll("<skipped>", "")
    .replaceAll("-\n", "")
    .replaceAll("\n", " ")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">");
  line = ` ${line} `;
  // TokenizerRegexp: the same four substitutions, in the same order (Python re.sub and a
  // global JavaScript replace both scan left to right without overlap).
  line = line.replace(/([{-~[-` -&(-+:-@/])/g, " $1 ");
  line = line.replace(/([^0-9])([.,])/g, "$1 $2 ");
  line = line.replace(/([.,])([^0-9])/g, " $1 $2");
  line = line.replace(/([0-9])(-)/g, "$1 $2 ");
  return pythonSplit(line).join(" ");
}

/** Sufficient statistics of one segment: lengths, then matched and total n-grams for n = 1..4. */
interface SegmentStats {
  hypLen: number;
  refLen: number;
  correct: number[];
  total: number[];
}

/** Counts every n-gram of order 1..4 of a tokenised line, keyed by its tokens joined with a space. */
function ngramCounts(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let n = 1; n <= MAX_NGRAM_ORDER; n += 1) {
    for (let i = 0; i + n <= tokens.length; i += 1) {
      // The order prefix keeps n-grams of different orders apart even if a token held a space.
      const key = `${n}\u0000${tokens.slice(i, i + n).join("\u0000")}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** The reference length closest to the hypothesis length; ties go to the shorter reference. */
export function closestRefLen(hypLen: number, refLens: readonly number[]): number {
  let closestDiff = -1;
  let closestLen = -1;
  for (const refLen of refLens) {
    const diff = Math.abs(hypLen - refLen);
    if (closestDiff === -1 || diff < closestDiff) {
      closestDiff = diff;
      closestLen = refLen;
    } else if (diff === closestDiff && refLen < closestLen) {
      closestLen = refLen;
    }
  }
  return closestLen;
}

function segmentStats(hypothesis: string, references: readonly string[]): SegmentStats {
  const preprocess = (sentence: string) => pythonSplit(tokenize13a(pythonRstrip(sentence)));
  const refNgrams = new Map<string, number>();
  const refLens: number[] = [];
  for (const reference of references) {
    const tokens = preprocess(reference);
    refLens.push(tokens.length);
    for (const [ngram, count] of ngramCounts(tokens)) refNgrams.set(ngram, Math.max(refNgrams.get(ngram) ?? 0, count));
  }
  const hypTokens = preprocess(hypothesis);
  const correct = new Array<number>(MAX_NGRAM_ORDER).fill(0);
  const total = new Array<number>(MAX_NGRAM_ORDER).fill(0);
  for (const [ngram, count] of ngramCounts(hypTokens)) {
    const n = Number(ngram.slice(0, ngram.indexOf("\u0000"))) - 1;
    total[n]! += count;
    correct[n]! += Math.min(count, refNgrams.get(ngram) ?? 0);
  }
  return { hypLen: hypTokens.length, refLen: closestRefLen(hypTokens.length, refLens), correct, total };
}

/** BLEU with its parts, as sacreBLEU's `BLEUScore` holds them (precisions on 0–100 there; 0–1 here). */
export interface BleuResult {
  /** Corpus BLEU on 0–1 (sacreBLEU's score / 100). */
  readonly score: number;
  /** Modified n-gram precisions for n = 1..4, on 0–1, after exp smoothing. */
  readonly precisions: readonly number[];
  readonly brevityPenalty: number;
  readonly hypLen: number;
  readonly refLen: number;
}

/** sacreBLEU's `my_log`: log(0) is a very large negative number rather than -Infinity. */
function myLog(value: number): number {
  return value === 0 ? -9999999999 : Math.log(value);
}

/**
 * Corpus BLEU of `hypotheses[i]` against `references[i]` (one or more strings each).
 * An empty string among a segment's references is skipped, as sacreBLEU skips its
 * placeholders for a variable number of references.
 * @throws RangeError when the two lists differ in length or a segment has no reference.
 */
export function corpusBleu(hypotheses: readonly string[], references: readonly (readonly string[])[]): BleuResult {
  if (hypotheses.length !== references.length) {
    throw new RangeError(`${hypotheses.length} hypotheses but ${references.length} reference sets`);
  }
  let hypLen = 0;
  let refLen = 0;
  const correct = new Array<number>(MAX_NGRAM_ORDER).fill(0);
  const total = new Array<number>(MAX_NGRAM_ORDER).fill(0);
  hypotheses.forEach((hypothesis, index) => {
    const refs = references[index]!.filter((reference) => reference !== "");
    if (refs.length === 0) throw new RangeError(`segment ${index} has no reference`);
    const stats = segmentStats(hypothesis, refs);
    hypLen += stats.hypLen;
    refLen += stats.refLen;
    for (let n = 0; n < MAX_NGRAM_ORDER; n += 1) {
      correct[n]! += stats.correct[n]!;
      total[n]! += stats.total[n]!;
    }
  });
  return computeBleu(correct, total, hypLen, refLen);
}

/** sacreBLEU `BLEU.compute_bleu` with smooth_method="exp", effective_order=False. */
function computeBleu(correct: readonly number[], total: readonly number[], sysLen: number, refLen: number): BleuResult {
  const brevityPenalty = sysLen < refLen ? (sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0) : 1;
  const precisions = new Array<number>(MAX_NGRAM_ORDER).fill(0);
  // Early stop if there are no matches (sacreBLEU #141).
  if (!correct.some((count) => count > 0)) return { score: 0, precisions, brevityPenalty, hypLen: sysLen, refLen };
  let smoothMteval = 1;
  for (let n = 0; n < MAX_NGRAM_ORDER; n += 1) {
    if (total[n] === 0) break;
    if (correct[n] === 0) {
      smoothMteval *= 2;
      precisions[n] = 100 / (smoothMteval * total[n]!);
    } else {
      precisions[n] = (100 * correct[n]!) / total[n]!;
    }
  }
  const logMean = precisions.reduce((sum, precision) => sum + myLog(precision), 0) / MAX_NGRAM_ORDER;
  // exp(log(100)) is 100.00000000000004 in IEEE doubles (in Python too); BLEU cannot exceed 1.
  const score = Math.min(1, (brevityPenalty * Math.exp(logMean)) / 100);
  return { score, precisions: precisions.map((p) => p / 100), brevityPenalty, hypLen: sysLen, refLen };
}
