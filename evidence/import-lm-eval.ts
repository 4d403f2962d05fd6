/**
 * lm-evaluation-harness `results_*.json` → native evidence metrics.
 *
 * Format (lm_eval/evaluator.py and loggers/evaluation_tracker.py, EleutherAI, MIT): `results`
 * maps each task to `"<metric>,<filter>": value` and `"<metric>_stderr,<filter>": stderr`;
 * `n-samples[task].effective` is the number of documents scored; `config` holds the run's
 * `random_seed` and `gen_kwargs`; `date` is the run's Unix time; `git_hash` the harness commit.
 * Each metric becomes one evidence metric named as lm-eval names it (with `:<filter>` unless
 * the filter is `none`), with a 95% normal interval (value ± 1.96 stderr) when a stderr is given.
 */
import { InputError } from "../input/input-error.js";

export interface ImportedMetric {
  readonly name: string;
  readonly value: number;
  readonly sampleSize: number;
  readonly task: string;
  readonly lower?: number;
  readonly upper?: number;
  readonly confidenceLevel?: number;
}

export interface ImportedRun {
  readonly metrics: ImportedMetric[];
  readonly producer: { tool: string; version: string };
  readonly producedAt: Date;
  readonly seed?: number;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Converts a parsed results file. @throws InputError when the file is not lm-eval results. */
export function importLmEval(value: unknown, file: string): ImportedRun {
  if (!isObject(value) || !isObject(value.results))
    throw new InputError('not an lm-evaluation-harness results file: no "results" object', file);
  const samples = isObject(value["n-samples"]) ? value["n-samples"] : {};
  const metrics: ImportedMetric[] = [];
  for (const [task, taskResults] of Object.entries(value.results)) {
    if (!isObject(taskResults)) continue;
    const taskSamples = samples[task];
    const sampleSize =
      isObject(taskSamples) && typeof taskSamples.effective === "number" ? taskSamples.effective : undefined;
    for (const [key, metricValue] of Object.entries(taskResults)) {
      const comma = key.indexOf(",");
      if (comma === -1 || typeof metricValue !== "number") continue; // "alias" and other labels
      const metric = key.slice(0, comma);
      const filter = key.slice(comma + 1);
      if (metric.endsWith("_stderr")) continue;
      if (sampleSize === undefined)
        throw new InputError(`task ${task} has no n-samples.effective; the sample size of ${metric} is unknown`, file);
      const stderr = taskResults[`${metric}_stderr,${filter}`];
      const name = filter === "none" ? metric : `${metric}:${filter.replace(/[^A-Za-z0-9_.:/-]/g, "-")}`;
      metrics.push({
        name,
        value: metricValue,
        sampleSize,
        task,
        ...(typeof stderr === "number"
          ? { lower: metricValue - 1.96 * stderr, upper: metricValue + 1.96 * stderr, confidenceLevel: 0.95 }
          : {}),
      });
    }
  }
  if (metrics.length === 0) throw new InputError("no numeric metrics in results", file);
  const config = isObject(value.config) ? value.config : {};
  const date = typeof value.date === "number" ? new Date(value.date * 1000) : undefined;
  if (!date || Number.isNaN(date.getTime()))
    throw new InputError('no run "date" (Unix seconds); evidence needs the time it was produced', file);
  return {
    metrics,
    producer: {
      tool: "lm-evaluation-harness",
      version: typeof value.git_hash === "string" ? value.git_hash : "unknown",
    },
    producedAt: date,
    ...(typeof config.random_seed === "number" ? { seed: config.random_seed } : {}),
  };
}
