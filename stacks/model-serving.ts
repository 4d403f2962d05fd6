/**
 * Facts about a spec model that both targets' stacks decide on: whether the stack runs it
 * itself, the limits the gateway applies when the spec gives none, and its Bedrock model id.
 * One home, so aws-stack, workloads and pattern-workloads cannot drift apart.
 */
import type { LLMOpsStack } from "../schemas/spec-schema.js";
import { SELF_HOSTED_RUNTIMES } from "../schemas/spec-constants.js";

type Model = LLMOpsStack["spec"]["models"][number];
type Limits = NonNullable<Model["limits"]>;

/** The serving runtimes the stack runs itself (a model server, a weights cache), as a set: every runtime but `external`. */
export const SELF_HOSTED: ReadonlySet<string> = new Set<string>(SELF_HOSTED_RUNTIMES);

/**
 * Limits the gateway and the model server apply to a model whose spec gives no `limits`:
 * 4,096 input tokens, 512 output tokens, 60 requests a minute, no tokens-per-minute cap.
 * A deliberately small starting point chosen by this toolkit (not taken from a standard), so an
 * unset limit never means unlimited; LLM-GUARD-004 (high) refuses a spec whose model has no limits.
 */
export const DEFAULT_LIMITS: Readonly<Limits> = { maxInputTokens: 4096, maxOutputTokens: 512, requestsPerMinute: 60 };

/** True when the stack runs the model on its own servers (runtime vllm, tgi, tei or triton). */
export function isSelfHosted(model: Model): boolean {
  return SELF_HOSTED.has(model.serving.runtime);
}

/** The model's limits, or DEFAULT_LIMITS when the spec gives none (the same object, not a copy). */
export function limitsOf(model: Model): Readonly<Limits> {
  return model.limits ?? DEFAULT_LIMITS;
}

/**
 * The Bedrock model id of a `bedrock://` source: the URI's path, with `-<version>` appended when
 * source.version is set. bedrock://anthropic.claude-3-5-sonnet + version 20241022-v2:0 →
 * anthropic.claude-3-5-sonnet-20241022-v2:0 (Bedrock's `modelId` form).
 */
export function bedrockModelId(model: Model): string {
  const base = model.source.uri.replace(/^bedrock:\/\//, "");
  return model.source.version ? `${base}-${model.source.version}` : base;
}
