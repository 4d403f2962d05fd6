/**
 * The JSON report: the model as data, for tools. Stable shape: `kind: "llmops-compliance-report"`,
 * `version: 1`; findings keep the engine's Finding contract; the architecture is nodes and edges
 * (no coordinates); the spec itself is not repeated (its name, environment and file are).
 */
import type { ReportModel } from "./model.js";

/** The report model as JSON (two-space indent, trailing newline), unchanged: the machine-readable form of `llmops report`. */
export function renderJson(model: ReportModel): string {
  const { spec, ...rest } = model;
  return `${JSON.stringify(
    {
      kind: "llmops-compliance-report",
      version: 1,
      stack: {
        name: spec.metadata.name,
        environment: spec.metadata.environment,
        owner: spec.metadata.owner,
        pattern: spec.spec.pattern,
        riskTier: spec.spec.useCase.riskTier,
      },
      ...rest,
    },
    null,
    2,
  )}\n`;
}
