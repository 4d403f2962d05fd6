/**
 * Escaping for the HTML report (text and attribute values, in HTML and inline SVG) and for the
 * markdown summary. Every string that comes from an input (spec, plan, evidence, findings) passes
 * through one of these before it reaches an output.
 */

const HTML: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for an HTML/SVG text node or a quoted attribute value; control characters become U+FFFD. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/[&<>"']/g, (character) => HTML[character]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "\ufffd");
}

/**
 * Escapes text for a markdown table cell or line (GitHub-flavoured): HTML-significant characters,
 * markdown punctuation that would format or link, the cell separator, and line breaks.
 */
export function escapeMarkdown(value: unknown): string {
  return escapeHtml(value)
    .replace(/[\\`*_[\]|#~!]/g, (character) => `\\${character}`)
    .replace(/\r?\n|\r/g, " ");
}
