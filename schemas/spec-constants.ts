/**
 * The spec's closed vocabularies that code outside the schema branches on: the architecture
 * patterns, the GPU types and the serving runtimes. spec-schema.ts builds its enums from these
 * lists, so the JSON Schema, `llmops init`'s choices, the components' types and the tests all
 * read one spelling. No imports: the CLI loads this module for its option lists without loading
 * the schema library.
 */

/** spec.pattern: the five architecture patterns (DESIGN.md, "The domain"). */
export const PATTERNS = ["blackBoxApi", "embedded", "fineTuning", "rag", "agent"] as const;

/** spec.models[].gpu.type: `none`, or the NVIDIA GPU of the node pool (the types EC2 sells, components/aws/gpu-instance-types.ts). */
export const GPU_TYPES = ["none", "L4", "A10G", "L40S", "A100", "H100"] as const;

/**
 * spec.models[].serving.runtime: vLLM, text-generation-inference, text-embeddings-inference,
 * Triton, or `external` for API and SaaS models that the stack does not run.
 */
export const SERVING_RUNTIMES = ["vllm", "tgi", "tei", "triton", "external"] as const;

/** A serving runtime the stack runs itself (every runtime but `external`). */
export type SelfHostedRuntime = Exclude<(typeof SERVING_RUNTIMES)[number], "external">;

/** The runtimes the stack runs itself, in the schema's order: every runtime but `external`. */
export const SELF_HOSTED_RUNTIMES: readonly SelfHostedRuntime[] = SERVING_RUNTIMES.filter(
  (runtime): runtime is SelfHostedRuntime => runtime !== "external",
);
