/**
 * What the YAML and the JSON parser both enforce and both say, so the two paths cannot drift:
 * keys that would reach an object's prototype, and the wording of the shared refusals.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export const REFUSALS = {
  duplicateKey: "duplicate key; each key may appear once in a mapping",
  forbiddenKey: (key: string) => `key "${key}" is not allowed`,
  tooDeep: (maxDepth: number) => `nesting deeper than ${maxDepth} levels`,
} as const;

/** The decoded segments of a JSON Pointer (RFC 6901); "" is the whole document. */
export function pointerSegments(pointer: string): string[] {
  return pointer === ""
    ? []
    : pointer
        .replace(/^\//, "")
        .split("/")
        .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The JSON Pointer of these segments: pointerSegments' inverse. */
export function pointerOf(segments: readonly string[]): string {
  return segments.map((segment) => `/${segment.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}
