/** `llmops schema`: prints the spec's JSON Schema (2020-12) for editors and other tools. */
import type { Argv } from "yargs";

export const command = "schema";
export const describe =
  "Print the JSON Schema of the llmops/v1alpha1 spec (or of the evidence document or the waiver file)";

export function builder(yargs: Argv) {
  return yargs
    .option("output", { alias: "o", type: "string", describe: "Write the schema to FILE (atomically)" })
    .option("kind", {
      choices: ["spec", "evidence", "waivers"] as const,
      default: "spec",
      describe: "spec: LLMOpsStack; evidence: EvaluationEvidence; waivers: Waivers (llmops check --waivers)",
    });
}

export async function handler(argv: { output?: string | undefined; kind?: string }): Promise<void> {
  const schema =
    argv.kind === "evidence"
      ? (await import("../../schemas/evidence-schema.js")).publishedEvidenceSchema()
      : argv.kind === "waivers"
        ? (await import("../../schemas/waiver-schema.js")).publishedWaiverSchema()
        : (await import("../../schemas/spec-schema.js")).publishedSchema();
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  if (argv.output === undefined) {
    process.stdout.write(text);
  } else {
    const { writeFileAtomic } = await import("../atomic-write.js");
    writeFileAtomic(argv.output, text);
  }
}
