/**
 * `llmops check --spec FILE`: the spec document the runtime checks tie declarations to (input.spec),
 * for manifests and previews that do not carry it. The spec must be one schema-valid document;
 * anything else is an InputError naming file:line:column (exit 2), because checking declared
 * controls against a spec that did not load would silently check nothing.
 */
import { InputError } from "../input/input-error.js";
import { loadSpecFile } from "../schemas/load-spec.js";

/** Loads FILE with schema defaults applied and returns the whole document (metadata and spec). Throws InputError. */
export function specDocumentForCheck(file: string): unknown {
  const documents = loadSpecFile(file);
  if (documents.length !== 1)
    throw new InputError(`--spec expects exactly one spec document, found ${documents.length}`, file);
  const document = documents[0]!;
  const violation = document.violations[0];
  if (violation)
    throw new InputError(
      `--spec is not a valid spec: ${violation.path || "/"} ${violation.message}`,
      file,
      violation.line,
      violation.column,
    );
  return document.value;
}
