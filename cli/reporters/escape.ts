/**
 * Text that comes from inputs (file names, resource and container names, messages that quote
 * them) reaches terminals and CI logs. A control character there could recolour or rewrite the
 * terminal (ESC sequences), end a line early (CR, LF) or reorder what is shown (bidirectional
 * overrides). Each such character is shown as a visible \u escape instead.
 */

/** C0 and C1 controls, DEL, line/paragraph separators, and bidirectional embeddings, overrides and isolates. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character written as `\uXXXX`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
