/**
 * The runtime check pipeline shared by `llmops check`, `llmops plan` and the CrossGuard
 * pack: runtime resources in, findings with metadata and source positions out.
 */
import { compareFindings } from "./finding.js";
import type { PolicyEngine } from "./engine.js";
import type { Report, Undetermined } from "./report.js";
import type { RuntimeInput } from "./runtime-input.js";

/**
 * Evaluates the runtime policies on `input` and returns the report of `command` over `files`: findings sorted by file, line and id, the runtime rules, the bundle, and the resources with unknown values when there are any.
 * @throws EngineError when evaluation fails (fail closed)
 */
export function checkRuntime(
  engine: PolicyEngine,
  input: RuntimeInput,
  files: readonly string[],
  command = "check",
): Report {
  const findings = engine.evaluateRuntime(input).sort(compareFindings);
  const undetermined = undeterminedResources(input);
  return {
    command,
    files,
    rules: engine.rulesFor("runtime"),
    findings,
    bundle: engine.bundle,
    ...(undetermined.length > 0 ? { undetermined } : {}),
  };
}

/** Resources with unknown values, where they are, and which values. */
export function undeterminedResources(input: RuntimeInput): Undetermined[] {
  return input.resources
    .filter((resource) => resource.unknowns !== undefined && resource.unknowns.length > 0)
    .map((resource) => {
      const position = resource.source?.locate(resource.source.pointer);
      return {
        resource: resource.urn,
        ...(resource.source ? { file: resource.source.file } : {}),
        ...(position ? { line: position.line, column: position.column } : {}),
        paths: resource.unknowns ?? [],
      };
    });
}
