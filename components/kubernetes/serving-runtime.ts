/**
 * How each serving runtime is started: arguments that carry the spec's token limits and
 * decoding seed to the server, its HTTP port and its health endpoint. Pure, so the
 * mapping is unit-tested.
 */
export type ServingRuntime = "vllm" | "tgi" | "triton";

export interface ServingModel {
  readonly name: string;
  readonly runtime: ServingRuntime;
  readonly gpus: number;
  readonly maxInputTokens: number;
  readonly maxOutputTokens: number;
  /** Concurrent sequences the server admits. */
  readonly maxConcurrentRequests: number;
  readonly seed?: number;
}

export const SERVING_PORT = 8000;
export const MODEL_DIR = "/models";

export interface ServingCommand {
  readonly command?: string[];
  readonly args: string[];
  readonly healthPath: string;
  readonly env: Record<string, string>;
}

export function servingCommand(model: ServingModel): ServingCommand {
  const path = `${MODEL_DIR}/${model.name}`;
  const limits = {
    LLMOPS_MAX_INPUT_TOKENS: String(model.maxInputTokens),
    LLMOPS_MAX_OUTPUT_TOKENS: String(model.maxOutputTokens),
    HOME: "/tmp",
    HF_HOME: "/cache/huggingface",
    HF_HUB_OFFLINE: "1",
  };
  switch (model.runtime) {
    case "vllm":
      return {
        args: [
          "--model", path, "--served-model-name", model.name, "--port", String(SERVING_PORT),
          "--max-model-len", String(model.maxInputTokens + model.maxOutputTokens),
          "--max-num-seqs", String(model.maxConcurrentRequests),
          "--tensor-parallel-size", String(Math.max(1, model.gpus)),
          "--override-generation-config", JSON.stringify({ max_new_tokens: model.maxOutputTokens }),
          ...(model.seed === undefined ? [] : ["--seed", String(model.seed)]),
          "--disable-log-requests",
        ],
        healthPath: "/health",
        env: limits,
      };
    case "tgi":
      return {
        args: [
          "--model-id", path, "--port", String(SERVING_PORT),
          "--max-input-tokens", String(model.maxInputTokens),
          "--max-total-tokens", String(model.maxInputTokens + model.maxOutputTokens),
          "--max-concurrent-requests", String(model.maxConcurrentRequests),
          "--num-shard", String(Math.max(1, model.gpus)),
        ],
        healthPath: "/health",
        env: limits,
      };
    case "triton":
      return {
        command: ["tritonserver"],
        args: [
          `--model-repository=${MODEL_DIR}`, `--http-port=${SERVING_PORT}`, "--grpc-port=8001", "--metrics-port=8002",
          "--model-control-mode=none", "--strict-readiness=true", "--allow-grpc=false",
        ],
        healthPath: "/v2/health/ready",
        // The TensorRT-LLM backend reads input/output caps from the model config; these are
        // passed for the model repository's config templating and the gateway.
        env: limits,
      };
  }
}
