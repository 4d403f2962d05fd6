/**
 * The shapes a document reader returns (a parsed document that can locate a JSON Pointer, its
 * positions) and the limits it takes. Their own module so that the YAML and JSON readers
 * (parse-documents.ts, parse-json.ts, locate-block-yaml.ts) share them without importing each
 * other (an import cycle before); parse-documents.ts re-exports them for its callers.
 */

/** A place in the source text: 1-based line and column. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** What a reader accepts beyond the grammar (DEFAULT_PARSE_LIMITS in parse-documents.ts). */
export interface ParseLimits {
  /** Maximum nesting depth of collections. */
  readonly maxDepth: number;
  /**
   * Keep empty, comment-only, `null` and `~` documents (and a trailing `---`) out of the result
   * instead of failing, as kubectl does; a file of nothing else is still refused.
   */
  readonly skipEmptyDocuments: boolean;
}

/** One document of a file (a YAML stream holds several), with a locator for its findings. */
export interface ParsedDocument {
  readonly file: string;
  /** 0-based index in a multi-document stream. */
  readonly index: number;
  readonly value: unknown;
  /** Maps a JSON Pointer to the position of its value (or key), or the nearest existing ancestor. */
  readonly locate: (pointer: string, at?: "key" | "value") => Position | undefined;
}
