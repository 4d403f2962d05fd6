/**
 * The runtime check pipeline shared by `llmops check`, `llmops plan` and the CrossGuard
 * pack: runtime resources in, findings with metadata and source positions out.
 */
import { compareFindings } from "./finding.js";
import type { PolicyEngine } from "./engine.js";
import type { Report } from "./report.js";
import type { RuntimeInput } from "./runtime-input.js";

export function checkRuntime(engine: PolicyEngine, input: RuntimeInput, files: readonly string[], command = "check"): Report {
  const findings = engine.evaluateRuntime(input).sort(compareFindings);
  return { command, files, rules: engine.rulesFor("runtime"), findings, bundle: engine.bundle };
}
