/**
 * Replica requests fit the node they were sized for: every GPU type × GPU count × runtime,
 * after the kubelet and system reservations and the DaemonSets the stack runs on GPU nodes.
 * The table itself is pinned where AWS publishes a figure.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  INSTANCE_SHAPES, NODE_DAEMONSETS, allocatable, availableForReplicas, kubeReservedCpuMilli, replicaRequests, type GpuType,
} from "../components/aws/gpu-instance-types.js";
import { RUNTIME_FLOORS, modelSizing, weightsGiB } from "../stacks/model-sizing.js";
import { nodeCounts } from "../components/aws/gpu-inference-cluster.js";
import { sharedMemoryMiB, startupSeconds } from "../components/kubernetes/inference-service.js";

const GPUS = Object.keys(INSTANCE_SHAPES) as GpuType[];
const RUNTIMES = Object.keys(RUNTIME_FLOORS) as Array<keyof typeof RUNTIME_FLOORS>;
const maxGpus = (gpu: GpuType) => Math.max(...INSTANCE_SHAPES[gpu].map((shape) => shape.gpus));

describe("replica requests fit allocatable", () => {
  it("for every GPU type × GPU count × runtime, with the DaemonSets and every co-packed replica", () => {
    const combos = fc.tuple(fc.constantFrom(...GPUS), fc.constantFrom(...RUNTIMES)).chain(([gpu, runtime]) =>
      fc.tuple(fc.constant(gpu), fc.constant(runtime), fc.integer({ min: 1, max: maxGpus(gpu) })));
    fc.assert(fc.property(combos, ([gpu, runtime, gpus]) => {
      const requests = replicaRequests(gpu, gpus, RUNTIME_FLOORS[runtime]);
      const shape = INSTANCE_SHAPES[gpu].find((candidate) => candidate.instanceType === requests.instanceType)!;
      const node = allocatable(shape);
      const daemons = NODE_DAEMONSETS.reduce((sum, daemon) => ({ cpu: sum.cpu + daemon.cpuMilli, memory: sum.memory + daemon.memoryMiB }), { cpu: 0, memory: 0 });
      const perNode = Math.floor(shape.gpus / gpus);
      expect(shape.gpus).toBeGreaterThanOrEqual(gpus);
      expect(perNode * requests.cpuMilli + daemons.cpu).toBeLessThanOrEqual(node.cpuMilli);
      expect(perNode * requests.memoryMiB + daemons.memory).toBeLessThanOrEqual(node.memoryMiB);
      expect(requests.cpuMilli).toBeGreaterThanOrEqual(RUNTIME_FLOORS[runtime].cpuMilli);
      expect(requests.memoryMiB).toBeGreaterThanOrEqual(RUNTIME_FLOORS[runtime].memoryMiB);
      // The model-weights init container and /dev/shm stay inside the replica's memory.
      expect(sharedMemoryMiB(gpus, requests.memoryMiB)).toBeLessThanOrEqual(requests.memoryMiB / 4);
    }), { numRuns: 500 });
  });

  it("covers every combination exhaustively too", () => {
    let checked = 0;
    for (const gpu of GPUS) for (const runtime of RUNTIMES) for (let gpus = 1; gpus <= maxGpus(gpu); gpus++) {
      const requests = replicaRequests(gpu, gpus, RUNTIME_FLOORS[runtime]);
      const shape = INSTANCE_SHAPES[gpu].find((candidate) => candidate.instanceType === requests.instanceType)!;
      const available = availableForReplicas(shape);
      expect(Math.floor(shape.gpus / gpus) * requests.cpuMilli, `${gpu}×${gpus} ${runtime}`).toBeLessThanOrEqual(available.cpuMilli);
      expect(Math.floor(shape.gpus / gpus) * requests.memoryMiB, `${gpu}×${gpus} ${runtime}`).toBeLessThanOrEqual(available.memoryMiB);
      checked++;
    }
    expect(checked).toBe(RUNTIMES.length * GPUS.reduce((sum, gpu) => sum + maxGpus(gpu), 0));
  });

  it("the issue's case: one L4 replica on g6.xlarge asks for less than 4 CPU and 16 GiB", () => {
    const requests = replicaRequests("L4", 1, RUNTIME_FLOORS.vllm);
    expect(requests.instanceType).toBe("g6.xlarge");
    expect(requests.cpuMilli).toBeLessThan(4000);
    expect(requests.memoryMiB).toBeLessThan(16 * 1024);
    expect(allocatable(INSTANCE_SHAPES.L4[0]!).memoryMiB).toBeLessThan(16 * 1024 * 0.93);
  });

  it("kube-reserved CPU follows the EKS formula", () => {
    expect(kubeReservedCpuMilli(1)).toBe(60);
    expect(kubeReservedCpuMilli(2)).toBe(70);
    expect(kubeReservedCpuMilli(4)).toBe(80);
    expect(kubeReservedCpuMilli(8)).toBe(90);
    expect(kubeReservedCpuMilli(96)).toBe(310);
  });

  it("pins the published shapes", () => {
    expect(INSTANCE_SHAPES.L4.find((shape) => shape.instanceType === "g6.xlarge")).toMatchObject({ vcpu: 4, memoryGiB: 16, gpus: 1, gpuMemoryGiB: 24 });
    expect(INSTANCE_SHAPES.H100[0]).toMatchObject({ instanceType: "p5.48xlarge", vcpu: 192, memoryGiB: 2048, gpus: 8, gpuMemoryGiB: 80 });
    expect(INSTANCE_SHAPES.A100[0]).toMatchObject({ instanceType: "p4d.24xlarge", vcpu: 96, memoryGiB: 1152, gpus: 8, gpuMemoryGiB: 40 });
    expect(() => replicaRequests("L4", 9)).toThrow(/no L4 instance has 9 GPUs/);
  });

  it("a pool sized for several models packs nodes by its instance type", () => {
    expect(nodeCounts({ gpu: "L4", gpusPerReplica: 1, instanceType: "g6.12xlarge", minReplicas: 3, maxReplicas: 9 })).toEqual({ instanceType: "g6.12xlarge", min: 1, max: 3 });
  });
});

describe("model size", () => {
  const model = (patch: Record<string, unknown>) => ({
    name: "m", role: "primary", source: { type: "registry", uri: "r" }, serving: { runtime: "vllm", terminationGracePeriodSeconds: 120 },
    dtype: "bfloat16", gpu: { type: "L4", count: 1 }, replicas: { min: 1, max: 2 }, evaluation: { gate: "block", metrics: [] }, ...patch,
  }) as never;

  it("weights are parameters × dtype bytes; without a count, the declared GPU memory bounds them", () => {
    expect(weightsGiB(8, "bfloat16")).toBeCloseTo(14.9, 1);
    expect(weightsGiB(70, "int4")).toBeCloseTo(32.6, 1);
    expect(modelSizing(model({ parameters: 8 })).weightsGiB).toBeCloseTo(14.9, 1);
    expect(modelSizing(model({})).weightsGiB).toBe(24);
    expect(modelSizing(model({ gpu: { type: "H100", count: 4 } }))).toMatchObject({ instanceType: "p5.48xlarge", weightsGiB: 320 });
  });

  it("the startupProbe budget grows with the weights", () => {
    expect(startupSeconds(15)).toBeLessThan(startupSeconds(140));
    expect(startupSeconds(140)).toBeGreaterThanOrEqual(180 + 140 * 4);
  });
});
