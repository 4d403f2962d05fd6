/** Serving runtimes carry the spec's limits into each runtime's own flags. */
import { describe, expect, it } from "vitest";
import { servingCommand } from "../../../components/kubernetes/serving-runtime.js";

describe("serving runtimes carry the spec's limits", () => {
  const model = { name: "m", gpus: 2, maxInputTokens: 8000, maxOutputTokens: 1000, maxConcurrentRequests: 32, seed: 7 };
  // Each runtime's own flags for the same limits: the context is input + output tokens (9000).
  it.each([
    ["vLLM", "vllm", ["--max-model-len", "9000", "--max-num-seqs", "32", "--seed", "7", "--tensor-parallel-size", "2"]],
    [
      "TGI",
      "tgi",
      [
        "--max-input-tokens",
        "8000",
        "--max-total-tokens",
        "9000",
        "--max-concurrent-requests",
        "32",
        "--num-shard",
        "2",
      ],
    ],
    [
      "text-embeddings-inference",
      "tei",
      ["--model-id", "/models/m", "--max-concurrent-requests", "32", "--max-batch-tokens", "16384"],
    ],
  ] as const)("%s", (_name, runtime, flags) => {
    const { args } = servingCommand({ ...model, runtime });
    expect(args).toEqual(expect.arrayContaining([...flags]));
  });
  it("Triton", () => {
    const command = servingCommand({ ...model, runtime: "triton" });
    expect(command.healthPath).toBe("/v2/health/ready");
    expect(command.env).toMatchObject({ LLMOPS_MAX_INPUT_TOKENS: "8000", LLMOPS_MAX_OUTPUT_TOKENS: "1000" });
  });
});
