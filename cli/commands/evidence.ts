/**
 * `llmops evidence score|import|sign`: produce evaluation evidence bound to a model digest and
 * dataset version — computed here (BLEU, ROUGE), converted from an evaluation tool's results,
 * or wrapped in a signed DSSE envelope.
 */
import type { Argv } from "yargs";
import { UsageError } from "../errors.js";

export const command = "evidence <command>";
export const describe = "Score, import or sign evaluation evidence (kind: EvaluationEvidence)";

interface BindingArguments {
  model?: string | undefined;
  modelDigest?: string | undefined;
  dataset?: string | undefined;
  promptTemplateVersion?: string | undefined;
  seed?: number | undefined;
}

function withBinding<T>(yargs: Argv<T>) {
  return yargs
    .option("model", { type: "string", describe: "Model name, as in the spec's models[].name" })
    .option("model-digest", { type: "string", describe: "sha256:<64 hex> digest of the evaluated weights" })
    .option("dataset", { type: "string", describe: "Evaluation dataset as NAME@VERSION" })
    .option("prompt-template-version", { type: "string", describe: "Prompt template version used" })
    .option("seed", { type: "number", describe: "Random seed of the run" })
    .option("output", {
      alias: "o",
      type: "string",
      describe: "Write a native evidence document (YAML, or JSON for *.json) to FILE",
    });
}

function binding(argv: BindingArguments) {
  const missing = (["model", "modelDigest", "dataset"] as const).filter((key) => argv[key] === undefined);
  if (missing.length > 0)
    throw new UsageError(
      `writing evidence needs --model, --model-digest and --dataset (missing: ${missing.map((key) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(", ")})`,
    );
  if (argv.seed !== undefined && (!Number.isInteger(argv.seed) || argv.seed < 0))
    throw new UsageError("--seed must be a non-negative integer");
  return {
    model: argv.model!,
    modelDigest: argv.modelDigest!,
    dataset: argv.dataset!,
    promptTemplateVersion: argv.promptTemplateVersion,
    seed: argv.seed,
  };
}

/** Validates a generated document through the evidence loader, then writes it atomically. */
async function writeEvidence(document: unknown, file: string): Promise<void> {
  const [{ loadEvidenceText }, { stringify }, { writeFileAtomic }] = await Promise.all([
    import("../../schemas/load-evidence.js"),
    import("yaml"),
    import("../atomic-write.js"),
  ]);
  const text = /\.json$/i.test(file) ? `${JSON.stringify(document, null, 2)}\n` : stringify(document, { lineWidth: 0 });
  // The flags and imported values must make a valid document; the loader's message names the field.
  await loadEvidenceText(text, `${file} (to be written)`);
  writeFileAtomic(file, text);
}

const score = {
  command: "score",
  describe:
    "Compute BLEU (sacreBLEU) and ROUGE-1/2/L F (rouge-score, optionally stemmed) from predictions and references",
  builder: (yargs: Argv) =>
    withBinding(yargs)
      .option("metric", {
        choices: ["bleu", "rouge1", "rouge2", "rougeL"] as const,
        array: true,
        demandOption: true,
        describe: "Metric(s) to compute",
      })
      .option("predictions", {
        type: "string",
        demandOption: true,
        describe: 'JSONL: {"id": "...", "prediction": "..."} a line',
      })
      .option("references", {
        type: "string",
        demandOption: true,
        describe: 'JSONL: {"id": "...", "references": ["...", ...]} a line',
      })
      .option("format", {
        alias: "f",
        choices: ["pretty", "json"] as const,
        default: "pretty",
        describe: "Output format",
      })
      .option("stem", {
        type: "boolean",
        default: false,
        describe:
          "ROUGE: Porter-stem tokens longer than 3 characters, as rouge-score's use_stemmer=True (BLEU is never stemmed)",
      })
      .example(
        "$0 evidence score --metric bleu --predictions p.jsonl --references r.jsonl --format json",
        "Print the corpus BLEU",
      )
      .example(
        "$0 evidence score --metric bleu rouge1 --predictions p.jsonl --references r.jsonl --model m --model-digest sha256:… --dataset refs@2026-09 -o evidence.yaml",
        "Write evidence",
      ),
  handler: async (
    argv: BindingArguments & {
      metric: Array<"bleu" | "rouge1" | "rouge2" | "rougeL">;
      predictions: string;
      references: string;
      format: string;
      stem: boolean;
      output?: string | undefined;
    },
  ) => {
    const bound = argv.output === undefined ? undefined : binding(argv);
    if (argv.stem && !argv.metric.some((metric) => metric !== "bleu"))
      throw new UsageError("--stem applies to ROUGE metrics only; sacreBLEU has no stemming");
    const [{ readScoringSet, scoreMetric, evidenceDocument, STEMMED_TASK }, { packageVersion }] = await Promise.all([
      import("../../evidence/score.js"),
      import("../../schemas/package-root.js"),
    ]);
    const set = readScoringSet(argv.predictions, argv.references);
    const values = [...new Set(argv.metric)].map((metric) => scoreMetric(metric, set, { stem: argv.stem }));
    if (bound && argv.output) {
      const metrics = values.map((v) => ({
        name: v.metric,
        value: v.value,
        sampleSize: v.sampleSize,
        ...(v.stemmed ? { task: STEMMED_TASK } : {}),
      }));
      await writeEvidence(
        evidenceDocument(bound, metrics, { tool: "llmops", version: packageVersion() }, new Date()),
        argv.output,
      );
    }
    if (argv.format === "json") {
      const json = values.length === 1 ? values[0] : values;
      process.stdout.write(`${JSON.stringify(json)}\n`);
    } else {
      process.stdout.write(
        values
          .map((v) => `${v.metric}${v.stemmed ? " (stemmed)" : ""} ${v.value.toFixed(4)} (${v.sampleSize} items)`)
          .join("\n") + "\n",
      );
    }
  },
};

const sign = {
  command: "sign <file>",
  describe: "Wrap an evidence document in a DSSE envelope (in-toto Statement) signed with a PEM private key",
  builder: (yargs: Argv) =>
    yargs
      .positional("file", { type: "string", demandOption: true, describe: "Native evidence document (one)" })
      .option("key", { type: "string", demandOption: true, describe: "PEM private key (Ed25519, ECDSA or RSA)" })
      .option("output", { alias: "o", type: "string", demandOption: true, describe: "Envelope file to write (JSON)" }),
  handler: async (argv: { file: string; key: string; output: string }) => {
    const [{ loadEvidenceFile }, { evidenceStatement, signEnvelope }, { readFileSync }, { writeFileAtomic }] =
      await Promise.all([
        import("../../schemas/load-evidence.js"),
        import("../../evidence/dsse.js"),
        import("node:fs"),
        import("../atomic-write.js"),
      ]);
    const documents = await loadEvidenceFile(argv.file);
    if (documents.length !== 1)
      throw new UsageError(`${argv.file} holds ${documents.length} documents; sign one document per envelope`);
    let pem: string;
    try {
      pem = readFileSync(argv.key, "utf8");
    } catch (error) {
      throw new UsageError(`signing key ${argv.key} cannot be read: ${(error as Error).message}`);
    }
    const payload = Buffer.from(JSON.stringify(evidenceStatement(documents[0]!.value)), "utf8");
    writeFileAtomic(argv.output, `${JSON.stringify(signEnvelope(payload, pem), null, 2)}\n`);
  },
};

const importCommand = {
  command: "import <file>",
  describe: "Convert an evaluation tool's results into native evidence bound to a model digest and dataset version",
  builder: (yargs: Argv) =>
    withBinding(yargs)
      .positional("file", { type: "string", demandOption: true, describe: "The tool's results file (JSON)" })
      .option("from", {
        choices: ["lm-eval", "promptfoo"] as const,
        demandOption: true,
        describe:
          "lm-eval: lm-evaluation-harness results_*.json; promptfoo: promptfoo eval --output results.json (version 3)",
      })
      .option("provider", {
        type: "string",
        describe: "promptfoo: the provider id whose results to import (required when the file compares several)",
      })
      .demandOption("output")
      .example(
        "$0 evidence import --from lm-eval results_2026-11-01.json --model m --model-digest sha256:… --dataset mmlu@1.0 -o evidence.yaml",
        "Import lm-eval results",
      )
      .example(
        "$0 evidence import --from promptfoo results.json --provider openai:gpt-5 --model m --model-digest sha256:… --dataset redteam@2026-11 -o evidence.yaml",
        "Import promptfoo results (assertions and red team)",
      ),
  handler: async (
    argv: BindingArguments & { file: string; from: string; output: string; provider?: string | undefined },
  ) => {
    const bound = binding(argv);
    if (argv.provider !== undefined && argv.from !== "promptfoo")
      throw new UsageError("--provider applies to --from promptfoo only");
    const [{ parseDocuments }, { readSourceText }, { evidenceDocument }, path] = await Promise.all([
      import("../../input/parse-documents.js"),
      import("../../input/source-file.js"),
      import("../../evidence/score.js"),
      import("node:path"),
    ]);
    // Results files carry the environment dump (lm-eval) or every output (promptfoo); 16 MiB is ample.
    const [document] = parseDocuments(readSourceText(argv.file, 16 * 1024 * 1024), argv.file);
    if (argv.from === "promptfoo") {
      const { importPromptfoo } = await import("../../evidence/import-promptfoo.js");
      const run = importPromptfoo(document!.value, argv.file, argv.provider);
      await writeEvidence(
        evidenceDocument(
          bound,
          run.metrics,
          { ...run.producer, source: `promptfoo results ${path.basename(argv.file)}, provider ${run.provider}` },
          run.producedAt,
          run.redTeam,
        ),
        argv.output,
      );
      return;
    }
    const { importLmEval } = await import("../../evidence/import-lm-eval.js");
    const run = importLmEval(document!.value, argv.file);
    // A seed given on the command line must agree with the run's own.
    if (argv.seed !== undefined && run.seed !== undefined && argv.seed !== run.seed) {
      throw new UsageError(`--seed ${argv.seed} differs from the run's random_seed ${run.seed}`);
    }
    const seed = argv.seed ?? run.seed;
    await writeEvidence(
      evidenceDocument(
        { ...bound, seed },
        run.metrics,
        { ...run.producer, source: `lm-evaluation-harness results ${path.basename(argv.file)}` },
        run.producedAt,
      ),
      argv.output,
    );
  },
};

export function builder(yargs: Argv) {
  return yargs
    .command(score)
    .command(importCommand)
    .command(sign)
    .demandCommand(1, "Name an evidence command: score, import or sign.");
}

export function handler(): void {
  // Subcommands do the work.
}
