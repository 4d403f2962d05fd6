/**
 * Every serving runtime gets only flags its version documents. The table lists, per runtime
 * and the version the flags were checked against, each flag the components may emit and the
 * documentation page it comes from; the test fails when servingCommand emits a flag the
 * table does not list, or a listed flag disappears from the command.
 */
import { describe, expect, it } from "vitest";
import {
  SERVING_PORT,
  SERVING_UPSTREAM_PORT,
  servingCommand,
  servingTlsMode,
  type ServingRuntime,
} from "../components/kubernetes/serving-runtime.js";

interface FlagTable {
  readonly version: string;
  readonly source: string;
  /** Every flag the component may emit for this runtime. */
  readonly flags: readonly string[];
  /** Flags that appear only in some cases (seed given). */
  readonly optional?: readonly string[];
  /** Flags added with TLS in transit (vLLM's own TLS; the others' loopback bind behind the TLS sidecar), from the same source. */
  readonly tls: readonly string[];
  readonly metric: string;
}

const TABLE: Record<ServingRuntime, FlagTable> = {
  vllm: {
    version: "vLLM 0.8–0.10 (vllm/vllm-openai)",
    source:
      "https://docs.vllm.ai/en/stable/configuration/engine_args.html and /serving/openai_compatible_server.html; metrics: /usage/metrics.html",
    flags: [
      "--model",
      "--served-model-name",
      "--port",
      "--max-model-len",
      "--max-num-seqs",
      "--tensor-parallel-size",
      "--override-generation-config",
      "--disable-log-requests",
    ],
    optional: ["--seed"],
    tls: ["--ssl-certfile", "--ssl-keyfile"],
    metric: "vllm:num_requests_waiting",
  },
  tgi: {
    version: "text-generation-inference 2.x/3.x (text-generation-launcher)",
    source: "https://huggingface.co/docs/text-generation-inference/reference/launcher",
    flags: [
      "--model-id",
      "--port",
      "--max-input-tokens",
      "--max-total-tokens",
      "--max-concurrent-requests",
      "--num-shard",
    ],
    tls: ["--hostname"],
    metric: "tgi_queue_size",
  },
  tei: {
    version: "text-embeddings-inference 1.x (text-embeddings-router)",
    // Checked against cli_arguments.md at commit 00a17ea6617099e681bee41af7ebcaf5dd5b803e (TEI_DOCUMENTED below) and the
    // queue gauge in core/src/queue.rs at 020461626d204a3f2583c8dd086bc331cca9d84b (`metrics::gauge!("te_queue_size")`).
    source:
      "https://github.com/huggingface/text-embeddings-inference/blob/main/docs/source/en/cli_arguments.md; metric: core/src/queue.rs",
    flags: [
      "--model-id",
      "--port",
      "--max-concurrent-requests",
      "--max-batch-tokens",
      "--max-client-batch-size",
      "--json-output",
    ],
    tls: ["--hostname"],
    metric: "te_queue_size",
  },
  triton: {
    version: "Triton Inference Server 24.x/25.x (tritonserver)",
    source:
      "tritonserver --help; https://docs.nvidia.com/deeplearning/triton-inference-server/user-guide/docs/user_guide/metrics.html",
    flags: [
      "--model-repository",
      "--http-port",
      "--grpc-port",
      "--metrics-port",
      "--model-control-mode",
      "--strict-readiness",
      "--allow-grpc",
    ],
    tls: ["--http-address", "--metrics-address"],
    metric: "nv_inference_pending_request_count",
  },
};

/**
 * Every option `text-embeddings-router --help` documents in cli_arguments.md (the commit named in the
 * table): the embedding server refuses any other flag at start-up (clap), so no generation flag may reach it.
 */
const TEI_DOCUMENTED = [
  "--model-id",
  "--revision",
  "--tokenization-workers",
  "--dtype",
  "--pooling",
  "--max-concurrent-requests",
  "--max-batch-tokens",
  "--max-batch-requests",
  "--max-client-batch-size",
  "--hf-api-token",
  "--hostname",
  "--port",
  "--uds-path",
  "--huggingface-hub-cache",
  "--json-output",
  "--otlp-endpoint",
  "--cors-allow-origin",
];

const model = { name: "m", gpus: 2, maxInputTokens: 8000, maxOutputTokens: 1000, maxConcurrentRequests: 32, seed: 7 };
const flagsOf = (args: readonly string[]) =>
  args.filter((arg) => arg.startsWith("--")).map((arg) => arg.split("=")[0]!);

describe("serving flags, per runtime and documented version", () => {
  it.each(Object.entries(TABLE) as Array<[ServingRuntime, FlagTable]>)(
    "%s emits only its documented flags",
    (runtime, table) => {
      const emitted = flagsOf(servingCommand({ ...model, runtime }).args);
      const allowed = new Set([...table.flags, ...(table.optional ?? [])]);
      expect(
        emitted.filter((flag) => !allowed.has(flag)),
        `${table.version}: ${table.source}`,
      ).toEqual([]);
      expect(table.flags.filter((flag) => !emitted.includes(flag))).toEqual([]);
      expect(new Set(emitted).size).toBe(emitted.length);
      expect(servingCommand({ ...model, runtime }).metrics.queueMetric).toBe(table.metric);
    },
  );

  it.each(Object.entries(TABLE) as Array<[ServingRuntime, FlagTable]>)(
    "%s with TLS in transit emits only documented flags, and never serves plain HTTP on the serving port",
    (runtime, table) => {
      const command = servingCommand(
        { ...model, runtime },
        { certFile: "/etc/llmops-tls/tls.crt", keyFile: "/etc/llmops-tls/tls.key" },
      );
      const emitted = flagsOf(command.args);
      const allowed = new Set([...table.flags, ...(table.optional ?? []), ...table.tls]);
      expect(
        emitted.filter((flag) => !allowed.has(flag)),
        `${table.version}: ${table.source}`,
      ).toEqual([]);
      expect(table.tls.filter((flag) => !emitted.includes(flag))).toEqual([]);
      const joined = command.args.join(" ");
      if (servingTlsMode(runtime) === "native") {
        expect(joined).toContain("--ssl-certfile /etc/llmops-tls/tls.crt");
      } else {
        // Behind the sidecar: on loopback, on the upstream port, never on SERVING_PORT.
        expect(joined).toMatch(/127\.0\.0\.1/);
        expect(joined).toContain(String(SERVING_UPSTREAM_PORT));
        expect(joined).not.toMatch(new RegExp(`(--port |--http-port=)${SERVING_PORT}\\b`));
      }
    },
  );

  it("the embedding server gets no generation flags", () => {
    const emitted = flagsOf(servingCommand({ ...model, runtime: "tei" }).args);
    expect(emitted.filter((flag) => !TEI_DOCUMENTED.includes(flag))).toEqual([]);
    expect(TABLE.tei.flags.filter((flag) => !TEI_DOCUMENTED.includes(flag))).toEqual([]);
    for (const flag of ["--max-input-tokens", "--max-total-tokens", "--num-shard", "--max-model-len"])
      expect(emitted).not.toContain(flag);
  });

  it("tensor parallelism follows the GPU count in each runtime's own terms", () => {
    const value = (runtime: ServingRuntime, flag: string, gpus: number) => {
      const args = servingCommand({ ...model, gpus, runtime }).args;
      return args[args.indexOf(flag) + 1];
    };
    expect(value("vllm", "--tensor-parallel-size", 4)).toBe("4");
    expect(value("tgi", "--num-shard", 8)).toBe("8");
    expect(servingCommand({ ...model, gpus: 4, runtime: "triton" }).env.LLMOPS_TENSOR_PARALLEL_SIZE).toBe("4");
  });
});
