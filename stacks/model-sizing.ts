/**
 * How big a self-hosted model is and what one replica requests: the weights' size from the
 * spec's parameter count and dtype, and CPU and memory from what fits the GPU node
 * (components/aws/gpu-instance-types). On target kubernetes the same EC2 shapes are the
 * reference: a GPU node of the cluster must offer at least what the reference size for its
 * GPU type offers per GPU.
 */
import type { LLMOpsStack } from "../schemas/spec-schema.js";
import { gpuMemoryGiB, replicaRequests, type RuntimeFloor } from "../components/aws/gpu-instance-types.js";

type Model = LLMOpsStack["spec"]["models"][number];

/** Bytes per parameter of each serving dtype. */
export const DTYPE_BYTES: Readonly<Record<Model["dtype"], number>> = {
  float32: 4,
  bfloat16: 2,
  float16: 2,
  fp8: 1,
  int8: 1,
  int4: 0.5,
};

/**
 * The least a replica of each runtime needs besides its GPUs: tokenizer workers and the HTTP
 * front end (CPU), the CUDA context, pinned host buffers and the Python process (memory).
 */
export const RUNTIME_FLOORS: Readonly<Record<"vllm" | "tgi" | "tei" | "triton", RuntimeFloor>> = {
  vllm: { cpuMilli: 2000, memoryMiB: 8192 },
  tgi: { cpuMilli: 2000, memoryMiB: 8192 },
  tei: { cpuMilli: 1000, memoryMiB: 2048 },
  triton: { cpuMilli: 2000, memoryMiB: 8192 },
};

/** Requests of a model that runs without a GPU. */
export const CPU_ONLY_REQUESTS = { cpuMilli: 4000, memoryMiB: 16384 } as const;

export interface ModelSizing {
  /** Weights, GiB: parameters × dtype bytes; without a parameter count, the declared GPUs' memory (an upper bound). */
  readonly weightsGiB: number;
  readonly requests: { readonly cpuMilli: number; readonly memoryMiB: number };
  /** The node size the requests were derived from (GPU models). */
  readonly instanceType?: string;
  readonly gpusPerNode?: number;
}

/** Weights in GiB of `parametersBillions` parameters stored as `dtype`. */
export function weightsGiB(parametersBillions: number, dtype: Model["dtype"]): number {
  return (parametersBillions * 1e9 * DTYPE_BYTES[dtype]) / 2 ** 30;
}

/** Sizing of one self-hosted model. Throws RangeError when no node of its GPU type fits it. */
export function modelSizing(model: Model): ModelSizing {
  const runtime = model.serving.runtime as keyof typeof RUNTIME_FLOORS;
  const gpu = model.gpu.type === "none" || model.gpu.count === 0 ? undefined : model.gpu.type;
  const weights =
    model.parameters !== undefined
      ? weightsGiB(model.parameters, model.dtype)
      : gpu
        ? gpuMemoryGiB(gpu) * model.gpu.count
        : 16;
  if (!gpu) return { weightsGiB: weights, requests: CPU_ONLY_REQUESTS };
  const fit = replicaRequests(gpu, model.gpu.count, RUNTIME_FLOORS[runtime]);
  return {
    weightsGiB: weights,
    requests: { cpuMilli: fit.cpuMilli, memoryMiB: fit.memoryMiB },
    instanceType: fit.instanceType,
    gpusPerNode: fit.gpusPerNode,
  };
}
