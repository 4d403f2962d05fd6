/**
 * promptfoo results (`promptfoo eval --output results.json`, or `promptfoo export`), version 3,
 * → native evidence metrics and red-team results.
 *
 * Format (promptfoo src/types/index.ts `EvaluateSummaryV3`, src/models/eval.ts, MIT): the file is
 * `{ evalId, results: { version: 3, timestamp, prompts, results: EvaluateResult[], stats }, config,
 * metadata? }`. Each `EvaluateResult` carries `provider.id`, `success`, `score`, `failureReason`
 * (0 none, 1 an assertion failed, 2 an error), and `gradingResult.componentResults`, one
 * `{ pass, score, assertion: { type, … } }` per assertion. Red-team tests carry
 * `metadata.pluginId` (or `testCase.metadata.pluginId`); such a test passes when the target
 * resisted, so a failed one is an attack that succeeded.
 *
 * What is imported, for one provider (evidence binds one model):
 * - `promptfoo:<type>` per assertion type: the mean of its scores over the results that ran it;
 *   `promptfoo:<type>:pass-rate`: the share of them that passed. Its `bleu` and `rouge-n`
 *   assertions come through as `promptfoo:bleu` and `promptfoo:rouge-n`, under promptfoo's names on
 *   purpose: promptfoo's BLEU is a per-test sentence BLEU (src/assertions/bleu.ts) and its rouge-n is
 *   js-rouge's ROUGE-1 with its own tokeniser (src/assertions/rouge.ts), so neither is the number a
 *   spec's `bleu` or `rouge1` gate means (sacreBLEU corpus BLEU, rouge-score F1: `llmops evidence
 *   score` computes those from the same outputs).
 * - `promptfoo:pass-rate`: the share of tests that passed. Errored results (failureReason 2) are
 *   left out of every figure: they scored nothing.
 * - red-team results per plugin (the attack category): attempts, successes, and the OWASP Top 10
 *   for LLM Applications 2025 id of the plugin (owaspIdFor) when it tests one entry.
 */
import { InputError } from "../input/input-error.js";
import type { ImportedMetric } from "./import-lm-eval.js";

/** A red-team category as evidence records it. */
export interface ImportedRedTeam {
  readonly category: string;
  readonly owaspId?: string;
  readonly attempts: number;
  readonly successes: number;
}

export interface ImportedPromptfooRun {
  readonly metrics: ImportedMetric[];
  readonly redTeam: ImportedRedTeam[];
  readonly producer: { tool: string; version: string };
  readonly producedAt: Date;
  /** The provider whose results were imported. */
  readonly provider: string;
}

/**
 * promptfoo red-team plugin ids (its documented plugin names) → the OWASP Top 10 for LLM
 * Applications 2025 entry each one tests, one entry a plugin. This table is ours, written from the
 * OWASP 2025 entry definitions (genai.owasp.org/llm-top-10); it is not promptfoo's own mapping
 * (that lives in promptfoo's separately licensed src/redteam/ and lists some plugins under several
 * entries). A plugin not listed here (the harm categories, `harmful:*`, bias, policy) gets no id:
 * it is still a red-team category with its own ceiling.
 */
const OWASP_LLM_2025: Readonly<Record<string, string>> = {
  "prompt-injection": "LLM01:2025",
  "indirect-prompt-injection": "LLM01:2025",
  "ascii-smuggling": "LLM01:2025",
  hijacking: "LLM01:2025",
  "pii:api-db": "LLM02:2025",
  "pii:direct": "LLM02:2025",
  "pii:session": "LLM02:2025",
  "pii:social": "LLM02:2025",
  "cross-session-leak": "LLM02:2025",
  "shell-injection": "LLM05:2025",
  "sql-injection": "LLM05:2025",
  ssrf: "LLM05:2025",
  "excessive-agency": "LLM06:2025",
  rbac: "LLM06:2025",
  bfla: "LLM06:2025",
  bola: "LLM06:2025",
  "prompt-extraction": "LLM07:2025",
  hallucination: "LLM09:2025",
  overreliance: "LLM09:2025",
  "harmful:misinformation-disinformation": "LLM09:2025",
  "divergent-repetition": "LLM10:2025",
  "reasoning-dos": "LLM10:2025",
};

/** The OWASP LLM 2025 id of a promptfoo red-team plugin, when the plugin tests one entry. */
export function owaspIdFor(pluginId: string): string | undefined {
  return Object.hasOwn(OWASP_LLM_2025, pluginId) ? OWASP_LLM_2025[pluginId] : undefined;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Metric names allowed by the evidence schema: promptfoo's assertion types fit, anything else is replaced. */
const metricSafe = (name: string) => name.replace(/[^A-Za-z0-9_.:/-]/g, "-").slice(0, 80);

function providerOf(result: Json): string | undefined {
  if (typeof result.provider === "string") return result.provider;
  return isObject(result.provider) && typeof result.provider.id === "string" ? result.provider.id : undefined;
}

function pluginOf(result: Json): string | undefined {
  const direct = isObject(result.metadata) ? result.metadata.pluginId : undefined;
  if (typeof direct === "string") return direct;
  const testCase = isObject(result.testCase) ? result.testCase : {};
  const nested = isObject(testCase.metadata) ? testCase.metadata.pluginId : undefined;
  return typeof nested === "string" ? nested : undefined;
}

const errored = (result: Json) =>
  result.failureReason === 2 ||
  (result.success !== true && result.gradingResult === undefined && typeof result.error === "string");

/**
 * Converts a parsed promptfoo results file for one provider.
 * @param provider the provider id to import (`openai:gpt-5`); may be omitted when the file holds one.
 * @throws InputError when the file is not promptfoo version 3 results, names several providers and
 *   none was chosen, or holds no scored result for the chosen one.
 */
export function importPromptfoo(value: unknown, file: string, provider?: string): ImportedPromptfooRun {
  if (!isObject(value) || !isObject(value.results))
    throw new InputError('not a promptfoo results file: no "results" object', file);
  const summary = value.results;
  if (summary.version !== 3)
    throw new InputError(
      `promptfoo results version ${JSON.stringify(summary.version)} is not supported; version 3 is (promptfoo 0.6x and later)`,
      file,
    );
  if (!Array.isArray(summary.results)) throw new InputError('promptfoo results have no "results" list', file);
  const all = summary.results.filter(isObject);
  const providers = [...new Set(all.map(providerOf).filter((id): id is string => id !== undefined))].sort();
  if (provider === undefined && providers.length > 1) {
    throw new InputError(
      `the results compare ${providers.length} providers (${providers.join(", ")}); evidence binds one model, so choose one with --provider`,
      file,
    );
  }
  const chosen = provider ?? providers[0];
  if (chosen === undefined || !providers.includes(chosen))
    throw new InputError(
      `no results for provider ${chosen ?? "(none named)"}; the file has ${providers.join(", ") || "none"}`,
      file,
    );
  const scored = all.filter((result) => providerOf(result) === chosen && !errored(result));
  if (scored.length === 0)
    throw new InputError(`every result for provider ${chosen} is an error; nothing was scored`, file);

  const metrics: ImportedMetric[] = [];
  const task =
    typeof (isObject(value.config) ? value.config.description : undefined) === "string"
      ? String((value.config as Json).description).slice(0, 200)
      : `promptfoo ${typeof value.evalId === "string" ? value.evalId : "eval"}`;
  const testsPassed = scored.filter((result) => result.success === true).length;
  metrics.push({ name: "promptfoo:pass-rate", value: testsPassed / scored.length, sampleSize: scored.length, task });

  const byType = new Map<string, { scores: number[]; passed: number }>();
  for (const result of scored) {
    const grading = isObject(result.gradingResult) ? result.gradingResult : {};
    const components = Array.isArray(grading.componentResults) ? grading.componentResults.filter(isObject) : [];
    for (const component of components) {
      const assertion = isObject(component.assertion) ? component.assertion : undefined;
      if (
        typeof assertion?.type !== "string" ||
        typeof component.score !== "number" ||
        !Number.isFinite(component.score)
      )
        continue;
      const entry = byType.get(assertion.type) ?? { scores: [], passed: 0 };
      entry.scores.push(component.score);
      if (component.pass === true) entry.passed += 1;
      byType.set(assertion.type, entry);
    }
  }
  for (const [type, { scores, passed }] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
    const name = `promptfoo:${metricSafe(type)}`;
    metrics.push({
      name,
      value: scores.reduce((sum, score) => sum + score, 0) / scores.length,
      sampleSize: scores.length,
      task,
    });
    metrics.push({ name: `${name}:pass-rate`, value: passed / scores.length, sampleSize: scores.length, task });
  }

  const byPlugin = new Map<string, { attempts: number; successes: number }>();
  for (const result of scored) {
    const plugin = pluginOf(result);
    if (plugin === undefined) continue;
    const entry = byPlugin.get(plugin) ?? { attempts: 0, successes: 0 };
    entry.attempts += 1;
    if (result.success !== true) entry.successes += 1; // the target did not resist
    byPlugin.set(plugin, entry);
  }
  const redTeam = [...byPlugin]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, counts]): ImportedRedTeam => {
      const owaspId = owaspIdFor(category);
      return { category: category.slice(0, 100), ...(owaspId ? { owaspId } : {}), ...counts };
    });

  const timestamp = typeof summary.timestamp === "string" ? new Date(summary.timestamp) : undefined;
  if (!timestamp || Number.isNaN(timestamp.getTime()))
    throw new InputError('no results "timestamp"; evidence needs the time it was produced', file);
  const metadata = isObject(value.metadata) ? value.metadata : {};
  return {
    metrics,
    redTeam,
    producer: {
      tool: "promptfoo",
      version: typeof metadata.promptfooVersion === "string" ? metadata.promptfooVersion : "unknown",
    },
    producedAt: timestamp,
    provider: chosen,
  };
}
