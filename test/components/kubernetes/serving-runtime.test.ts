/** Serving runtimes carry the spec's limits into each runtime's own flags. */
import { describe, expect, it } from "vitest";
import { servingCommand } from "../../../components/kubernetes/serving-runtime.js";

describe("serving runtimes carry the spec's limits", () => {
  const model = { name: "m", gpus: 2, maxInputTokens: 8000, maxOutputTokens: 1000, maxConcurrentRequests: 32, seed: 7 };
  it("vLLM", () => {
    const { args } = servingCommand({ ...model, runtime: "vllm" });
    expect(args).toEqual(
      expect.arrayContaining([
        "--max-model-len",
        "9000",
        "--max-num-seqs",
        "32",
        "--seed",
        "7",
        "--tensor-parallel-size",
        "2",
      ]),
    );
  });
  it("TGI", () => {
    const { args } = servingCommand({ ...model, runtime: "tgi" });
    expect(args).toEqual(
      expect.arrayContaining([
        "--max-input-tokens",
        "8000",
        "--max-total-tokens",
        "9000",
        "--max-concurrent-requests",
        "32",
        "--num-shard",
        "2",
      ]),
    );
  });
  it("text-embeddings-inference", () => {
    const { args } = servingCommand({ ...model, runtime: "tei" });
    expect(args).toEqual(
      expect.arrayContaining([
        "--model-id",
        "/models/m",
        "--max-concurrent-requests",
        "32",
        "--max-batch-tokens",
        "16384",
      ]),
    );
  });
  it("Triton", () => {
    const command = servingCommand({ ...model, runtime: "triton" });
    expect(command.healthPath).toBe("/v2/health/ready");
    expect(command.env).toMatchObject({ LLMOPS_MAX_INPUT_TOKENS: "8000", LLMOPS_MAX_OUTPUT_TOKENS: "1000" });
  });
});
