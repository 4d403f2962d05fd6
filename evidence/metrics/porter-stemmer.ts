/**
 * The Porter stemmer as NLTK's `PorterStemmer()` applies it by default (mode NLTK_EXTENSIONS),
 * which is the stemmer Google's rouge-score uses for `use_stemmer=True` (rouge/tokenizers.py:
 * `nltk.stem.porter.PorterStemmer()`; rouge/tokenize.py stems only tokens longer than 3 characters).
 *
 * Algorithm: M. F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980, pp. 130–137,
 * with NLTK's extensions (nltk/stem/porter.py, NLTK Project, Apache-2.0), each marked below:
 * - a pool of irregular forms (skies → sky, dying → die …) looked up before stemming;
 * - words of one or two letters are left alone;
 * - 1a/1b: four-letter `-ies`/`-ied` keep the `ie` (dies → die, died → die; flies → fli);
 * - 1c: y → i only after a consonant that is not the first letter (happy → happi, enjoy stays);
 * - 2: `-alli` → `-al` then step 2 again; `-bli` → `-ble` (Martin Porter's departure); `-fulli` →
 *   `-ful`; `-logi` → `-log` with the `l` counted in the stem;
 * - the cvc test also holds for a two-letter vowel–consonant stem.
 *
 * Written here because no npm stemmer applies NLTK's extensions: `stemmer` (wooorm) and `natural`
 * implement Martin Porter's reference version, which stems dies → di, enjoy → enjoi,
 * skies → ski, so rouge-score's stemmed figures would not be reproduced. Proven in
 * test/evidence-metrics.test.ts against NLTK's own doctest (nltk/test/stem.doctest) and rouge-score's
 * stemmed test cases (rouge/rouge_scorer_test.py).
 */

const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ["sky", "sky"],
  ["skies", "sky"],
  ["dying", "die"],
  ["lying", "lie"],
  ["tying", "tie"],
  ["news", "news"],
  ["innings", "inning"],
  ["inning", "inning"],
  ["outings", "outing"],
  ["outing", "outing"],
  ["cannings", "canning"],
  ["canning", "canning"],
  ["howe", "howe"],
  ["proceed", "proceed"],
  ["exceed", "exceed"],
  ["succeed", "succeed"],
]);

function isConsonant(word: string, i: number): boolean {
  const ch = word[i];
  if (ch === "a" || ch === "e" || ch === "i" || ch === "o" || ch === "u") return false;
  if (ch === "y") return i === 0 ? true : !isConsonant(word, i - 1);
  return true;
}

/** Porter's m: the number of vowel–consonant sequences in the stem. */
function measure(stem: string): number {
  let sequence = "";
  for (let i = 0; i < stem.length; i += 1) sequence += isConsonant(stem, i) ? "c" : "v";
  return sequence.split("vc").length - 1;
}

const positive = (stem: string) => measure(stem) > 0;

function containsVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i += 1) if (!isConsonant(stem, i)) return true;
  return false;
}

function endsDoubleConsonant(word: string): boolean {
  return word.length >= 2 && word[word.length - 1] === word[word.length - 2] && isConsonant(word, word.length - 1);
}

function endsCvc(word: string): boolean {
  const n = word.length;
  if (
    n >= 3 &&
    isConsonant(word, n - 3) &&
    !isConsonant(word, n - 2) &&
    isConsonant(word, n - 1) &&
    !"wxy".includes(word[n - 1]!)
  )
    return true;
  return n === 2 && !isConsonant(word, 0) && isConsonant(word, 1); // NLTK extension
}

type Rule = readonly [suffix: string, replacement: string, condition: ((stem: string) => boolean) | null];

/** The first rule whose suffix the word ends with decides: applied if its condition holds, else the word is kept. */
function applyRules(word: string, rules: readonly Rule[]): string {
  for (const [suffix, replacement, condition] of rules) {
    if (suffix === "*d") {
      if (endsDoubleConsonant(word)) {
        const stem = word.slice(0, -2);
        return condition === null || condition(stem) ? stem + replacement : word;
      }
      continue;
    }
    if (word.endsWith(suffix)) {
      const stem = word.slice(0, word.length - suffix.length);
      return condition === null || condition(stem) ? stem + replacement : word;
    }
  }
  return word;
}

function step1a(word: string): string {
  if (word.endsWith("ies") && word.length === 4) return `${word.slice(0, -3)}ie`; // NLTK extension
  return applyRules(word, [
    ["sses", "ss", null],
    ["ies", "i", null],
    ["ss", "ss", null],
    ["s", "", null],
  ]);
}

function step1b(word: string): string {
  if (word.endsWith("ied")) return word.length === 4 ? `${word.slice(0, -3)}ie` : `${word.slice(0, -3)}i`; // NLTK extension
  if (word.endsWith("eed")) {
    const stem = word.slice(0, -3);
    return measure(stem) > 0 ? `${stem}ee` : word;
  }
  let stem: string | undefined;
  for (const suffix of ["ed", "ing"]) {
    if (word.endsWith(suffix) && containsVowel(word.slice(0, -suffix.length))) {
      stem = word.slice(0, -suffix.length);
      break;
    }
  }
  if (stem === undefined) return word;
  const last = stem[stem.length - 1] ?? "";
  return applyRules(stem, [
    ["at", "ate", null],
    ["bl", "ble", null],
    ["iz", "ize", null],
    ["*d", last, () => !"lsz".includes(last)],
    ["", "e", (s) => measure(s) === 1 && endsCvc(s)],
  ]);
}

function step1c(word: string): string {
  return applyRules(word, [["y", "i", (stem) => stem.length > 1 && isConsonant(stem, stem.length - 1)]]); // NLTK extension
}

function step2(word: string): string {
  if (word.endsWith("alli") && positive(word.slice(0, -4))) return step2(`${word.slice(0, -4)}al`); // NLTK extension
  return applyRules(word, [
    ["ational", "ate", positive],
    ["tional", "tion", positive],
    ["enci", "ence", positive],
    ["anci", "ance", positive],
    ["izer", "ize", positive],
    ["bli", "ble", positive], // Martin Porter's departure from the paper's "abli"
    ["alli", "al", positive],
    ["entli", "ent", positive],
    ["eli", "e", positive],
    ["ousli", "ous", positive],
    ["ization", "ize", positive],
    ["ation", "ate", positive],
    ["ator", "ate", positive],
    ["alism", "al", positive],
    ["iveness", "ive", positive],
    ["fulness", "ful", positive],
    ["ousness", "ous", positive],
    ["aliti", "al", positive],
    ["iviti", "ive", positive],
    ["biliti", "ble", positive],
    ["fulli", "ful", positive], // NLTK extension
    ["logi", "log", () => positive(word.slice(0, -3))], // NLTK extension: the l stays with the stem
  ]);
}

function step3(word: string): string {
  return applyRules(word, [
    ["icate", "ic", positive],
    ["ative", "", positive],
    ["alize", "al", positive],
    ["iciti", "ic", positive],
    ["ical", "ic", positive],
    ["ful", "", positive],
    ["ness", "", positive],
  ]);
}

function step4(word: string): string {
  const gt1 = (stem: string) => measure(stem) > 1;
  return applyRules(word, [
    ["al", "", gt1],
    ["ance", "", gt1],
    ["ence", "", gt1],
    ["er", "", gt1],
    ["ic", "", gt1],
    ["able", "", gt1],
    ["ible", "", gt1],
    ["ant", "", gt1],
    ["ement", "", gt1],
    ["ment", "", gt1],
    ["ent", "", gt1],
    ["ion", "", (stem) => measure(stem) > 1 && (stem.endsWith("s") || stem.endsWith("t"))],
    ["ou", "", gt1],
    ["ism", "", gt1],
    ["ate", "", gt1],
    ["iti", "", gt1],
    ["ous", "", gt1],
    ["ive", "", gt1],
    ["ize", "", gt1],
  ]);
}

function step5a(word: string): string {
  if (!word.endsWith("e")) return word;
  const stem = word.slice(0, -1);
  const m = measure(stem);
  return m > 1 || (m === 1 && !endsCvc(stem)) ? stem : word;
}

function step5b(word: string): string {
  return applyRules(word, [["ll", "l", () => measure(word.slice(0, -1)) > 1]]);
}

/**
 * Stems one word as `nltk.stem.porter.PorterStemmer().stem(word)` does (lowercasing first).
 * Meant for the [a-z0-9] tokens of rouge-score's tokeniser; other characters count as consonants.
 */
export function porterStem(word: string): string {
  const lower = word.toLowerCase();
  const irregular = IRREGULAR.get(lower);
  if (irregular !== undefined) return irregular;
  if (lower.length <= 2) return lower;
  return step5b(step5a(step4(step3(step2(step1c(step1b(step1a(lower))))))));
}
