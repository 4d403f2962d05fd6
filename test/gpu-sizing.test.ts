/**
 * Replica requests fit the node they were sized for: every GPU type × GPU count × runtime,
 * after the kubelet and system reservations and the DaemonSets on GPU nodes. The DaemonSets the
 * stack installs are read from what GpuNodeAgents builds (under Pulumi mocks, with and without
 * the device plugin), not from the sizing table, so the property fails when a DaemonSet grows or
 * is added without the table keeping room for it. The table itself is pinned where AWS
 * publishes a figure.
 */
import * as fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type * as pulumiType from "@pulumi/pulumi";
import type { RecordedResource } from "../stacks/mocks.js";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { MULTI_NODE_REFUSED, validateAgainstSchema } from "../schemas/validate-schema.js";
import { ROOT, runCli } from "./helpers/cli.js";
import { bundleBuilt } from "./helpers/tools.js";
import {
  INSTANCE_SHAPES,
  NODE_DAEMONSETS,
  allocatable,
  availableForReplicas,
  kubeReservedCpuMilli,
  replicaRequests,
  type GpuType,
} from "../components/aws/gpu-instance-types.js";
import { RUNTIME_FLOORS, modelSizing, weightsGiB } from "../stacks/model-sizing.js";
import { nodeCounts } from "../components/aws/gpu-inference-cluster.js";
import { sharedMemoryMiB, startupSeconds } from "../components/kubernetes/inference-service.js";

const GPUS = Object.keys(INSTANCE_SHAPES) as GpuType[];
const RUNTIMES = Object.keys(RUNTIME_FLOORS) as Array<keyof typeof RUNTIME_FLOORS>;
const maxGpus = (gpu: GpuType) => Math.max(...INSTANCE_SHAPES[gpu].map((shape) => shape.gpus));

/** CPU (millicores) and memory (MiB) of a Kubernetes quantity; a limit stands for a missing request, as the API server defaults it. */
function requestsOf(container: {
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}): { cpu: number; memory: number } {
  const get = (name: string) => container.resources?.requests?.[name] ?? container.resources?.limits?.[name] ?? "0";
  const cpu = get("cpu");
  const memory = get("memory");
  const units: Record<string, number> = { Ki: 1 / 1024, Mi: 1, Gi: 1024 };
  const unit = Object.keys(units).find((suffix) => memory.endsWith(suffix));
  return {
    cpu: cpu.endsWith("m") ? Number(cpu.slice(0, -1)) : Number(cpu) * 1000,
    memory: unit ? Number(memory.slice(0, -unit.length)) * units[unit]! : Number(memory) / 2 ** 20,
  };
}

/** DaemonSets the stack builds on GPU nodes, per target: what GpuNodeAgents registers (EKS: the exporter; kubernetes may add the device plugin). */
const built: Record<"aws" | "kubernetes", Array<{ name: string; cpu: number; memory: number }>> = {
  aws: [],
  kubernetes: [],
};
/** DaemonSets that EKS itself runs on every node (not built by the stack): the rows of NODE_DAEMONSETS the stack does not build. */
const EKS_OWN = new Set(["aws-node", "kube-proxy", "eks-pod-identity-agent", "efs-csi-node"]);

beforeAll(async () => {
  const pulumi: typeof pulumiType = await import("@pulumi/pulumi");
  const { llmopsMocks } = await import("../stacks/mocks.js");
  const { runInStack, waitForRegistrations } = await import("../stacks/pulumi-internals.js");
  const { GpuNodeAgents } = await import("../components/kubernetes/gpu-node-agents.js");
  const image = { repository: "registry.example/agent", digest: `sha256:${"a".repeat(64)}` };
  const recorded: Record<"aws" | "kubernetes", RecordedResource[]> = { aws: [], kubernetes: [] };
  const all: RecordedResource[] = [];
  await pulumi.runtime.setMocks(llmopsMocks("eu-west-1", all), "responsible-llmops", "gpu-sizing", false);
  for (const target of ["aws", "kubernetes"] as const) {
    const start = all.length;
    await runInStack(() => {
      // As the stacks build it: EKS never installs the plugin (Bottlerocket ships it); kubernetes may (platform.gpu.install).
      new GpuNodeAgents(`${target}-gpu-agents`, {
        stack: "s",
        namespace: `${target}-gpu`,
        dcgmExporterImage: image,
        monitoringNamespace: "monitoring",
        ...(target === "kubernetes" ? { devicePluginImage: image } : {}),
      });
      return Promise.resolve({});
    });
    await waitForRegistrations();
    recorded[target] = all.slice(start);
  }
  for (const target of ["aws", "kubernetes"] as const) {
    for (const daemonSet of recorded[target].filter((resource) => resource.type === "kubernetes:apps/v1:DaemonSet")) {
      const inputs = daemonSet.inputs as {
        metadata: { name: string };
        spec: {
          template: { spec: { containers: Array<Parameters<typeof requestsOf>[0]>; initContainers?: unknown[] } };
        };
      };
      const containers = inputs.spec.template.spec.containers.map(requestsOf);
      built[target].push({
        name: inputs.metadata.name,
        cpu: containers.reduce((sum, c) => sum + c.cpu, 0),
        memory: containers.reduce((sum, c) => sum + c.memory, 0),
      });
    }
  }
});

/** What DaemonSets take on a GPU node of `target`: EKS's own plus what the stack built; any cluster: what the stack built. */
function daemonSetsOn(target: "aws" | "kubernetes"): { cpu: number; memory: number } {
  const own =
    target === "aws"
      ? NODE_DAEMONSETS.filter((daemon) => EKS_OWN.has(daemon.name)).map((daemon) => ({
          cpu: daemon.cpuMilli,
          memory: daemon.memoryMiB,
        }))
      : [];
  return [...own, ...built[target]].reduce(
    (sum, daemon) => ({ cpu: sum.cpu + daemon.cpu, memory: sum.memory + daemon.memory }),
    { cpu: 0, memory: 0 },
  );
}

describe("the DaemonSets the stack builds", () => {
  it("were read from the components: the exporter on every GPU node, the device plugin where the spec installs it", () => {
    expect(built.aws.map((daemon) => daemon.name)).toEqual(["dcgm-exporter"]);
    expect(built.kubernetes.map((daemon) => daemon.name).sort()).toEqual(["dcgm-exporter", "nvidia-device-plugin"]);
    for (const daemon of [...built.aws, ...built.kubernetes]) expect(daemon.cpu).toBeGreaterThan(0);
  });

  it("the sizing table keeps at least their requests", () => {
    const kept = NODE_DAEMONSETS.reduce(
      (sum, daemon) => ({ cpu: sum.cpu + daemon.cpuMilli, memory: sum.memory + daemon.memoryMiB }),
      { cpu: 0, memory: 0 },
    );
    for (const target of ["aws", "kubernetes"] as const) {
      expect(daemonSetsOn(target).cpu, target).toBeLessThanOrEqual(kept.cpu);
      expect(daemonSetsOn(target).memory, target).toBeLessThanOrEqual(kept.memory);
    }
  });
});

describe("replica requests fit allocatable", () => {
  it("for every GPU type × GPU count × runtime × target, with the DaemonSets the stack builds and every co-packed replica", () => {
    const combos = fc
      .tuple(
        fc.constantFrom(...GPUS),
        fc.constantFrom(...RUNTIMES),
        fc.constantFrom("aws" as const, "kubernetes" as const),
      )
      .chain(([gpu, runtime, target]) =>
        fc.tuple(
          fc.constant(gpu),
          fc.constant(runtime),
          fc.constant(target),
          fc.integer({ min: 1, max: maxGpus(gpu) }),
        ),
      );
    fc.assert(
      fc.property(combos, ([gpu, runtime, target, gpus]) => {
        const requests = replicaRequests(gpu, gpus, RUNTIME_FLOORS[runtime]);
        const shape = INSTANCE_SHAPES[gpu].find((candidate) => candidate.instanceType === requests.instanceType)!;
        const node = allocatable(shape);
        const daemons = daemonSetsOn(target);
        const perNode = Math.floor(shape.gpus / gpus);
        expect(shape.gpus).toBeGreaterThanOrEqual(gpus);
        expect(perNode * requests.cpuMilli + daemons.cpu).toBeLessThanOrEqual(node.cpuMilli);
        expect(perNode * requests.memoryMiB + daemons.memory).toBeLessThanOrEqual(node.memoryMiB);
        expect(requests.cpuMilli).toBeGreaterThanOrEqual(RUNTIME_FLOORS[runtime].cpuMilli);
        expect(requests.memoryMiB).toBeGreaterThanOrEqual(RUNTIME_FLOORS[runtime].memoryMiB);
        // The model-weights init container and /dev/shm stay inside the replica's memory.
        expect(sharedMemoryMiB(gpus, requests.memoryMiB)).toBeLessThanOrEqual(requests.memoryMiB / 4);
      }),
      { numRuns: 500 },
    );
  });

  it("covers every combination exhaustively too", () => {
    let checked = 0;
    for (const gpu of GPUS)
      for (const runtime of RUNTIMES)
        for (let gpus = 1; gpus <= maxGpus(gpu); gpus++) {
          const requests = replicaRequests(gpu, gpus, RUNTIME_FLOORS[runtime]);
          const shape = INSTANCE_SHAPES[gpu].find((candidate) => candidate.instanceType === requests.instanceType)!;
          const available = availableForReplicas(shape);
          expect(Math.floor(shape.gpus / gpus) * requests.cpuMilli, `${gpu}×${gpus} ${runtime}`).toBeLessThanOrEqual(
            available.cpuMilli,
          );
          expect(Math.floor(shape.gpus / gpus) * requests.memoryMiB, `${gpu}×${gpus} ${runtime}`).toBeLessThanOrEqual(
            available.memoryMiB,
          );
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
    expect(INSTANCE_SHAPES.L4.find((shape) => shape.instanceType === "g6.xlarge")).toMatchObject({
      vcpu: 4,
      memoryGiB: 16,
      gpus: 1,
      gpuMemoryGiB: 24,
    });
    expect(INSTANCE_SHAPES.H100[0]).toMatchObject({
      instanceType: "p5.48xlarge",
      vcpu: 192,
      memoryGiB: 2048,
      gpus: 8,
      gpuMemoryGiB: 80,
    });
    expect(INSTANCE_SHAPES.A100[0]).toMatchObject({
      instanceType: "p4d.24xlarge",
      vcpu: 96,
      memoryGiB: 1152,
      gpus: 8,
      gpuMemoryGiB: 40,
    });
    expect(() => replicaRequests("L4", 9)).toThrow(/no L4 instance has 9 GPUs/);
  });

  it("a pool sized for several models packs nodes by its instance type", () => {
    expect(
      nodeCounts({ gpu: "L4", gpusPerReplica: 1, instanceType: "g6.12xlarge", minReplicas: 3, maxReplicas: 9 }),
    ).toEqual({ instanceType: "g6.12xlarge", min: 1, max: 3 });
  });
});

describe("model size", () => {
  const model = (patch: Record<string, unknown>) =>
    ({
      name: "m",
      role: "primary",
      source: { type: "registry", uri: "r" },
      serving: { runtime: "vllm", terminationGracePeriodSeconds: 120 },
      dtype: "bfloat16",
      gpu: { type: "L4", count: 1 },
      replicas: { min: 1, max: 2 },
      evaluation: { gate: "block", metrics: [] },
      ...patch,
    }) as never;

  it("weights are parameters × dtype bytes; without a count, the declared GPU memory bounds them", () => {
    expect(weightsGiB(8, "bfloat16")).toBeCloseTo(14.9, 1);
    expect(weightsGiB(70, "int4")).toBeCloseTo(32.6, 1);
    expect(modelSizing(model({ parameters: 8 })).weightsGiB).toBeCloseTo(14.9, 1);
    expect(modelSizing(model({})).weightsGiB).toBe(24);
    expect(modelSizing(model({ gpu: { type: "H100", count: 4 } }))).toMatchObject({
      instanceType: "p5.48xlarge",
      weightsGiB: 320,
    });
  });

  it("the startupProbe budget grows with the weights", () => {
    expect(startupSeconds(15)).toBeLessThan(startupSeconds(140));
    expect(startupSeconds(140)).toBeGreaterThanOrEqual(180 + 140 * 4);
  });
});

describe("specs a GPU node cannot serve are refused", () => {
  const airport = () => parse(readFileSync(join(ROOT, "examples/airport-assistant.rag.yaml"), "utf8"));

  it("more GPUs per replica than one node holds: the schema says a replica is not built across nodes", () => {
    const spec = airport();
    spec.spec.models[0].gpu = { type: "H100", count: 16 };
    const violations = validateAgainstSchema(spec);
    expect(violations).toContainEqual(
      expect.objectContaining({
        path: "/spec/models/0/gpu/count",
        message: `must be at most 8; got 16: ${MULTI_NODE_REFUSED}`,
      }),
    );
    expect(MULTI_NODE_REFUSED).toMatch(/LeaderWorkerSet/);
  });

  it.skipIf(!bundleBuilt())(
    "llmops validate and plan refuse weights that cannot fit the declared GPUs (parameters × dtype) at the default --fail-on",
    () => {
      const spec = airport();
      spec.spec.models[0].parameters = 70;
      const file = join(mkdtempSync(join(tmpdir(), "llmops-weights-")), "too-big.yaml");
      writeFileSync(file, stringify(spec));
      const result = runCli(["validate", file]);
      expect(result.stdout).toMatch(
        /high LLM-MODEL-005 model llama-31-8b: 70 billion parameters in bfloat16 need 131 GiB of GPU memory; 1 × L4 offers 24 GiB/,
      );
      expect(result.status).toBe(1);
      // plan refuses before building a model server that could never load its weights.
      const plan = runCli(["plan", file, "--target", "aws", "--without-evidence", "--out", `${file}.plan.json`]);
      expect(plan.status).toBe(1);
      expect(`${plan.stdout}${plan.stderr}`).toMatch(/LLM-MODEL-005/);
      expect(existsSync(`${file}.plan.json`)).toBe(false);
      spec.spec.models[0].parameters = 8.03;
      writeFileSync(file, stringify(spec));
      expect(runCli(["validate", file]).status).toBe(0);
    },
  );
});
