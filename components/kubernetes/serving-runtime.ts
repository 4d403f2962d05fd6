/**
 * How each serving runtime is started: arguments that carry the spec's token limits and
 * decoding seed to the server, its HTTP port, its health endpoint, and the Prometheus
 * endpoint and queue-depth metric the autoscaler reads. Pure, so the mapping is unit-tested.
 *
 * Flags come from each server's own CLI reference, at the versions named in
 * test/serving-flags.test.ts: vLLM `vllm serve --help` (engine args), TGI
 * `text-generation-launcher --help`, text-embeddings-inference `text-embeddings-router --help`
 * (docs/source/en/cli_arguments.md), Triton `tritonserver --help`.
 */
import type { SelfHostedRuntime } from "../../schemas/spec-constants.js";

/** The runtimes a component can start: the schema's serving runtimes but `external`. */
export type ServingRuntime = SelfHostedRuntime;

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
/** With TLS through the sidecar: the loopback port the server listens on behind it (and Triton's metrics). */
export const SERVING_UPSTREAM_PORT = 8010;
export const TRITON_METRICS_UPSTREAM_PORT = 8012;

/**
 * How a runtime speaks TLS (privacy.encryption.inTransit.tls): vLLM natively (`--ssl-certfile`,
 * `--ssl-keyfile` of its OpenAI-compatible server); TGI, text-embeddings-inference and Triton's HTTP
 * endpoint have no TLS flag, so they listen on loopback (`--hostname 127.0.0.1`, Triton
 * `--http-address`/`--metrics-address`) behind the TLS sidecar (transit-tls.ts).
 */
export function servingTlsMode(runtime: ServingRuntime): "native" | "sidecar" {
  return runtime === "vllm" ? "native" : "sidecar";
}

/** With TLS: where the server's certificate is mounted (native mode); the sidecar mode needs nothing else. */
export interface ServingTls {
  readonly certFile: string;
  readonly keyFile: string;
}

export interface ServingCommand {
  readonly command?: string[];
  readonly args: string[];
  readonly healthPath: string;
  readonly env: Record<string, string>;
  /** Where Prometheus scrapes the server, and the metric that counts requests waiting for a slot. */
  readonly metrics: { readonly port: number; readonly path: string; readonly queueMetric: string };
}

/** How to start the model's runtime: the command (when the image's entrypoint is not the server), arguments carrying the weights' path under MODEL_DIR, the token limits, concurrency and seed, the environment (token limits as LLMOPS_* variables, caches under /tmp and /cache), the health path and where its Prometheus metrics and queue-depth metric are. Pure; flags per the server CLI references named in the module header. */
export function servingCommand(model: ServingModel, tls?: ServingTls): ServingCommand {
  const sidecar = tls !== undefined && servingTlsMode(model.runtime) === "sidecar";
  // Behind the sidecar the server listens on loopback only; the sidecar takes SERVING_PORT.
  const port = String(sidecar ? SERVING_UPSTREAM_PORT : SERVING_PORT);
  const loopback = sidecar ? ["--hostname", "127.0.0.1"] : [];
  const path = `${MODEL_DIR}/${model.name}`;
  const limits = {
    LLMOPS_MAX_INPUT_TOKENS: String(model.maxInputTokens),
    LLMOPS_MAX_OUTPUT_TOKENS: String(model.maxOutputTokens),
    HOME: "/tmp",
    HF_HOME: "/cache/huggingface",
    HF_HUB_OFFLINE: "1",
  };
  // vLLM, TGI and TEI: /health, the limits as env, Prometheus metrics on the serving port.
  const served = (queueMetric: string) => ({
    healthPath: "/health",
    env: limits,
    metrics: { port: SERVING_PORT, path: "/metrics", queueMetric },
  });
  // TGI's and TEI's launchers share these flags (text-generation-launcher, text-embeddings-router).
  const launcher = ["--model-id", path, "--port", port, ...loopback];
  switch (model.runtime) {
    case "vllm":
      return {
        args: [
          "--model",
          path,
          "--served-model-name",
          model.name,
          "--port",
          port,
          "--max-model-len",
          String(model.maxInputTokens + model.maxOutputTokens),
          "--max-num-seqs",
          String(model.maxConcurrentRequests),
          "--tensor-parallel-size",
          String(Math.max(1, model.gpus)),
          "--override-generation-config",
          JSON.stringify({ max_new_tokens: model.maxOutputTokens }),
          ...(model.seed === undefined ? [] : ["--seed", String(model.seed)]),
          "--disable-log-requests",
          ...(tls ? ["--ssl-certfile", tls.certFile, "--ssl-keyfile", tls.keyFile] : []),
        ],
        ...served("vllm:num_requests_waiting"),
      };
    case "tgi":
      return {
        args: [
          ...launcher,
          "--max-input-tokens",
          String(model.maxInputTokens),
          "--max-total-tokens",
          String(model.maxInputTokens + model.maxOutputTokens),
          "--max-concurrent-requests",
          String(model.maxConcurrentRequests),
          "--num-shard",
          String(Math.max(1, model.gpus)),
        ],
        ...served("tgi_queue_size"),
      };
    case "tei":
      // text-embeddings-inference has no output tokens and no sharding: one replica per GPU.
      // A batch holds at least one request of the full input length.
      return {
        args: [
          ...launcher,
          "--max-concurrent-requests",
          String(model.maxConcurrentRequests),
          "--max-batch-tokens",
          String(Math.max(16384, model.maxInputTokens)),
          "--max-client-batch-size",
          "32",
          "--json-output",
        ],
        ...served("te_queue_size"),
      };
    case "triton":
      return {
        command: ["tritonserver"],
        args: [
          `--model-repository=${MODEL_DIR}`,
          `--http-port=${port}`,
          "--grpc-port=8001",
          `--metrics-port=${sidecar ? TRITON_METRICS_UPSTREAM_PORT : 8002}`,
          ...(sidecar ? ["--http-address=127.0.0.1", "--metrics-address=127.0.0.1"] : []),
          "--model-control-mode=none",
          "--strict-readiness=true",
          "--allow-grpc=false",
        ],
        healthPath: "/v2/health/ready",
        // The TensorRT-LLM backend reads input/output caps from the model config; these are
        // passed for the model repository's config templating and the gateway. Tensor
        // parallelism is a property of the TensorRT-LLM engine (its build's tp_size and the
        // model config's world size), so the GPU count travels the same way.
        env: { ...limits, LLMOPS_TENSOR_PARALLEL_SIZE: String(Math.max(1, model.gpus)) },
        metrics: { port: 8002, path: "/metrics", queueMetric: "nv_inference_pending_request_count" },
      };
  }
}
