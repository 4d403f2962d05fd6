/**
 * The metric ports against the reference implementations' own published values:
 *  - sacreBLEU README ("Using SacreBLEU from Python", mjpost/sacrebleu): the three-sentence
 *    corpus with two reference streams gives
 *    `BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)`;
 *  - rouge-score README (google-research/google-research, rouge/README.md): the pair
 *    'The quick brown fox jumps over the lazy dog' / 'The quick brown dog jumps on the log.'.
 *    The README prints no numbers; rouge-score returns rouge1 P 0.75 R 0.6667 F 0.7059 and
 *    rougeL P 0.625 R 0.5556 F 0.5882 (with or without its stemmer: no token of this pair
 *    changes its match under Porter stemming); rouge2 is derived by hand in the test (2 shared
 *    bigrams of 7 predicted and 8 target).
 * Then invariants with fast-check.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { corpusBleu, tokenize13a } from "../evidence/metrics/bleu.js";
import { porterStem } from "../evidence/metrics/porter-stemmer.js";
import { corpusRouge, lcsLength, rougeScore, rougeTokenize } from "../evidence/metrics/rouge.js";

const SYS = ["The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."];
const REF_STREAMS = [
  ["The dog bit the man.", "It was not unexpected.", "The man bit him first."],
  ["The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."],
];
/** sacreBLEU takes reference streams; our files hold references per segment. */
const REFS_PER_SEGMENT = SYS.map((_, i) => REF_STREAMS.map((stream) => stream[i]!));

describe("BLEU (sacreBLEU port)", () => {
  it("reproduces the sacreBLEU README corpus example", () => {
    const result = corpusBleu(SYS, REFS_PER_SEGMENT);
    expect((result.score * 100).toFixed(2)).toBe("48.53");
    expect(result.precisions.map((p) => (p * 100).toFixed(1))).toEqual(["82.4", "50.0", "45.5", "37.5"]);
    expect(result.brevityPenalty.toFixed(3)).toBe("0.943");
    expect(result.hypLen).toBe(17);
    expect(result.refLen).toBe(18);
  });

  it("tokenises like mteval-v13a", () => {
    // 13a splits symbols but not the apostrophe (0x27 lies outside its ranges).
    expect(tokenize13a("It wasn't surprising.")).toBe("It wasn't surprising .");
    expect(tokenize13a("1,000.5 and 3-4 &amp; x")).toBe("1,000.5 and 3 - 4 & x");
  });

  it("gives 1 for identical and 0 for disjoint predictions", () => {
    expect(
      corpusBleu(
        SYS,
        SYS.map((s) => [s]),
      ).score,
    ).toBe(1);
    expect(corpusBleu(["alpha beta gamma delta"], [["one two three four"]]).score).toBe(0);
  });

  it("refuses mismatched corpora", () => {
    expect(() => corpusBleu(["a"], [])).toThrow(RangeError);
    expect(() => corpusBleu(["a"], [[""]])).toThrow(/no reference/);
  });
});

/**
 * rouge-score's stemmed cases (google-research/google-research rouge/rouge_scorer_test.py,
 * testRouge1AgainstRouge155WithStemming and testRouge2AgainstRouge155WithStemming, values from
 * ROUGE-1.5.5) on the first two lines of its rouge/testdata/target.txt and prediction.txt,
 * scored as `scorer.score(target, prediction)`. Stemming moves the second pair's ROUGE-1 from
 * R 0.40476 P 0.65385 F 0.50000 to R 0.42857 P 0.69231 F 0.52941; ROUGE-2 does not move.
 */
const ROUGE_TARGETS = [
  "ZfbCUIUuePaiLVUlCaUXxkpu XPeWing tUHfPMuZ',-Xd Y BrUgVJing M-HV.-DgdDaY.rFDJCRing Ht-LM EKBDXkME,yz'RBr q'wtion wIojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxer tKM L",
  "KsJdPByEtAor fE-Qg Dpdbring cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMtion psing sbKao Q m qiing LMmer HqqLFXe,XPY,J XsurkMer ,ed nB'wH'bWVHjWFEing tQ.saefZwJtKrTlixYpMMsJing UCAPwNHeYVjDing c T BUySKtion gMPfJpwGw p'NvxAoping eu pBwMBKV'I DNxqelhu,PHPxDEq,mtion SN",
];
const ROUGE_PREDICTIONS = [
  "rFDJCRtion Ht-LM EKtDXkME,yz'RBr q'wer wrojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxi",
  "n cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMer pstion sbKao Q m qier LMmed HqqLFXe,XPY,J XsurkMeo ,ed nB'wH'bWVHjWFEer tQ.saefZwJtKrTlixYpMMNJtion UCAPwNHeYVjD",
];

describe("ROUGE stemming (rouge-score use_stemmer=True, NLTK's Porter stemmer)", () => {
  const expectScore = (
    score: { recall: number; precision: number; fmeasure: number },
    [recall, precision, fmeasure]: [number, number, number],
  ) => {
    // assertAlmostEqual(..., 5): equal when rounded to 5 places.
    expect(Math.abs(score.recall - recall)).toBeLessThan(5e-6);
    expect(Math.abs(score.precision - precision)).toBeLessThan(5e-6);
    expect(Math.abs(score.fmeasure - fmeasure)).toBeLessThan(5e-6);
  };

  it("reproduces rouge-score's ROUGE-1.5.5 cases with and without stemming", () => {
    const [t0, t1] = ROUGE_TARGETS as [string, string];
    const [p0, p1] = ROUGE_PREDICTIONS as [string, string];
    expectScore(rougeScore("rouge1", t0, p0), [0.40741, 0.6875, 0.51163]);
    expectScore(rougeScore("rouge1", t1, p1), [0.40476, 0.65385, 0.5]);
    expectScore(rougeScore("rouge1", t0, p0, { stem: true }), [0.40741, 0.6875, 0.51163]);
    expectScore(rougeScore("rouge1", t1, p1, { stem: true }), [0.42857, 0.69231, 0.52941]);
    expectScore(rougeScore("rouge2", t0, p0), [0.30769, 0.53333, 0.39024]);
    expectScore(rougeScore("rouge2", t1, p1), [0.29268, 0.48, 0.36364]);
    expectScore(rougeScore("rouge2", t0, p0, { stem: true }), [0.30769, 0.53333, 0.39024]);
    expectScore(rougeScore("rouge2", t1, p1, { stem: true }), [0.29268, 0.48, 0.36364]);
    expectScore(rougeScore("rougeL", t0, p0), [0.40741, 0.6875, 0.51163]);
    expectScore(rougeScore("rougeL", t1, p1), [0.40476, 0.65385, 0.5]);
  });

  it("stems as NLTK's PorterStemmer() in its doctest (nltk/test/stem.doctest)", () => {
    const plurals = [
      "caresses",
      "flies",
      "dies",
      "mules",
      "denied",
      "died",
      "agreed",
      "owned",
      "humbled",
      "sized",
      "meeting",
      "stating",
      "siezing",
      "itemization",
      "sensational",
      "traditional",
      "reference",
      "colonizer",
      "plotted",
    ];
    expect(plurals.map(porterStem).join(" ")).toBe(
      "caress fli die mule deni die agre own humbl size meet state siez item sensat tradit refer colon plot",
    );
  });

  it("applies NLTK's extensions where Martin Porter's reference version differs", () => {
    // nltk/stem/porter.py docstrings and its unit test (nltk/test/unit/test_stem.py test_oed_bug).
    expect(porterStem("oed")).toBe("o");
    expect(porterStem("happy")).toBe("happi");
    expect(porterStem("enjoy")).toBe("enjoy");
    expect(porterStem("spied")).toBe("spi");
    expect(porterStem("skies")).toBe("sky");
    expect(porterStem("dying")).toBe("die");
    expect(porterStem("proceed")).toBe("proceed");
    expect(porterStem("is")).toBe("is");
  });

  it("stems only tokens longer than 3 characters, and only when asked", () => {
    expect(rougeTokenize("The cats were running", { stem: true })).toEqual(["the", "cat", "were", "run"]);
    expect(rougeTokenize("dies ties", { stem: true })).toEqual(["die", "tie"]);
    expect(rougeTokenize("The cats were running")).toEqual(["the", "cats", "were", "running"]);
    expect(corpusRouge("rouge1", ["the cats ran"], [["the cat ran"]], { stem: true })).toBe(1);
    expect(corpusRouge("rouge1", ["the cats ran"], [["the cat ran"]])).toBeCloseTo(2 / 3, 12);
  });
});

describe("ROUGE (rouge-score port)", () => {
  const target = "The quick brown fox jumps over the lazy dog";
  const prediction = "The quick brown dog jumps on the log.";

  it("reproduces rouge-score on its README pair", () => {
    const r1 = rougeScore("rouge1", target, prediction);
    expect(r1.precision).toBeCloseTo(0.75, 12);
    expect(r1.recall).toBeCloseTo(0.6666666666666666, 12);
    expect(r1.fmeasure).toBeCloseTo(0.7058823529411765, 12);
    const rl = rougeScore("rougeL", target, prediction);
    expect(rl.precision).toBeCloseTo(0.625, 12);
    expect(rl.recall).toBeCloseTo(0.5555555555555556, 12);
    expect(rl.fmeasure).toBeCloseTo(0.5882352941176471, 12);
    // Bigrams: prediction has 7, target 8; shared: "the quick", "quick brown" → P 2/7, R 2/8.
    const r2 = rougeScore("rouge2", target, prediction);
    expect(r2.precision).toBeCloseTo(2 / 7, 12);
    expect(r2.recall).toBeCloseTo(2 / 8, 12);
  });

  it("tokenises like rouge-score's default tokenizer", () => {
    expect(rougeTokenize("The log. It's ÉTÉ-2026!")).toEqual(["the", "log", "it", "s", "t", "2026"]);
  });

  it("gives 1 for identical and 0 for disjoint predictions", () => {
    for (const type of ["rouge1", "rouge2", "rougeL"] as const) {
      expect(corpusRouge(type, [target], [[target]])).toBe(1);
      expect(corpusRouge(type, ["alpha beta gamma"], [["one two three"]])).toBe(0);
    }
  });

  it("takes the best reference and averages over the corpus", () => {
    expect(corpusRouge("rouge1", ["a b", "c d"], [["x y", "a b"], ["c z"]])).toBeCloseTo((1 + 0.5) / 2, 12);
  });
});

describe("metric invariants (fast-check)", () => {
  const word = fc.stringMatching(/^[a-z]{1,6}$/);
  const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(" "));
  const corpus = fc.array(fc.tuple(sentence, fc.array(sentence, { minLength: 1, maxLength: 3 })), {
    minLength: 1,
    maxLength: 6,
  });

  it("BLEU and ROUGE stay within [0, 1]", () => {
    fc.assert(
      fc.property(corpus, (pairs) => {
        const hyps = pairs.map(([h]) => h);
        const refs = pairs.map(([, r]) => r);
        const bleu = corpusBleu(hyps, refs).score;
        expect(bleu).toBeGreaterThanOrEqual(0);
        expect(bleu).toBeLessThanOrEqual(1);
        for (const type of ["rouge1", "rouge2", "rougeL"] as const) {
          const value = corpusRouge(type, hyps, refs);
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("a prediction equal to one of its references scores 1 on ROUGE-1 and ROUGE-L", () => {
    fc.assert(
      fc.property(sentence, fc.array(sentence, { maxLength: 2 }), (text, others) => {
        expect(corpusRouge("rouge1", [text], [[...others, text]])).toBe(1);
        expect(corpusRouge("rougeL", [text], [[...others, text]])).toBe(1);
      }),
    );
  });

  it("identical corpora score BLEU 1 whenever every segment has 4 tokens or more", () => {
    const long = fc.array(word, { minLength: 4, maxLength: 12 }).map((words) => words.join(" "));
    fc.assert(
      fc.property(fc.array(long, { minLength: 1, maxLength: 5 }), (hyps) => {
        expect(
          corpusBleu(
            hyps,
            hyps.map((h) => [h]),
          ).score,
        ).toBe(1);
      }),
    );
  });

  it("LCS is symmetric and bounded by the shorter sequence", () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 15 }), fc.array(word, { maxLength: 15 }), (a, b) => {
        const length = lcsLength(a, b);
        expect(length).toBe(lcsLength(b, a));
        expect(length).toBeLessThanOrEqual(Math.min(a.length, b.length));
      }),
    );
  });

  it("adding a reference never lowers a segment's BLEU statistics-based score", () => {
    fc.assert(
      fc.property(sentence, sentence, sentence, (hyp, ref, extra) => {
        // More references can only add matches; with an equal closest length the score cannot fall.
        const one = corpusBleu([hyp], [[ref]]);
        const two = corpusBleu([hyp], [[ref, extra]]);
        if (two.refLen === one.refLen) expect(two.score).toBeGreaterThanOrEqual(one.score - 1e-12);
      }),
    );
  });
});
