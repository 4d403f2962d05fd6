/**
 * Python's `str.split()` with no argument, for the metric ports: both reference
 * implementations (sacreBLEU, rouge-score) split on Python whitespace, which is JavaScript's
 * `\s` without U+FEFF and with U+001C–U+001F and U+0085 (the characters `str.isspace()` accepts).
 */
const PYTHON_WHITESPACE = /[\t\n\v\f\r \u001c-\u001f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;

/** Splits like Python's `text.split()`: runs of whitespace separate, no empty tokens. */
export function pythonSplit(text: string): string[] {
  return text.split(PYTHON_WHITESPACE).filter((token) => token !== "");
}

/** Python's `str.rstrip()` with no argument. */
export function pythonRstrip(text: string): string {
  let end = text.length;
  while (end > 0 && PYTHON_WHITESPACE.test(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}
