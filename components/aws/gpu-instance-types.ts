/**
 * What a GPU node offers and what a model replica may ask of it.
 *
 * One table per GPU type gives each EC2 size's vCPU, memory (GiB), GPU count and GPU memory
 * (GiB per GPU), from the EC2 accelerated-computing instance pages
 * (https://aws.amazon.com/ec2/instance-types/g6/, /g5/, /g6e/, /p4/, /p5/):
 *
 * | GPU  | GPU memory | sizes (vCPU / GiB / GPUs)                                                        |
 * |------|------------|----------------------------------------------------------------------------------|
 * | L4   | 24 GiB     | g6.xlarge 4/16/1, g6.2xlarge 8/32/1, g6.4xlarge 16/64/1, g6.12xlarge 48/192/4, g6.48xlarge 192/768/8 |
 * | A10G | 24 GiB     | g5.xlarge 4/16/1, g5.2xlarge 8/32/1, g5.4xlarge 16/64/1, g5.12xlarge 48/192/4, g5.48xlarge 192/768/8 |
 * | L40S | 48 GiB     | g6e.xlarge 4/32/1, g6e.2xlarge 8/64/1, g6e.12xlarge 48/384/4, g6e.48xlarge 192/1536/8 |
 * | A100 | 40 GiB     | p4d.24xlarge 96/1152/8                                                           |
 * | H100 | 80 GiB     | p5.48xlarge 192/2048/8                                                           |
 *
 * Allocatable is capacity minus what the node keeps for itself, computed the way the EKS AMIs
 * and Karpenter do (and pinned on the nodes by the EC2NodeClass's kubelet settings, so the
 * figures here are the figures there):
 * - memory the hypervisor and kernel keep: 7.5 % (Karpenter's `VM_MEMORY_OVERHEAD_PERCENT`
 *   default, https://karpenter.sh/docs/reference/settings/);
 * - kube-reserved memory 255 MiB + 11 MiB per pod, at `maxPods` 110; kube-reserved CPU 6 % of
 *   the first core, 1 % of the second, 0.5 % of the third and fourth, 0.25 % of the rest
 *   (the amazon-eks-ami bootstrap formula, also Karpenter's);
 * - system-reserved 100m CPU and 100 MiB, eviction threshold `memory.available<100Mi`;
 * - the DaemonSets on every GPU node: the VPC CNI (aws-node), kube-proxy, the EKS Pod Identity
 *   agent, the EFS CSI node plugin (model cache) and this stack's DCGM exporter. Their requests are summed in `NODE_DAEMONSETS`.
 *
 * A replica needing n GPUs gets n/gpusPerNode of what is left, so a node packs
 * floor(gpusPerNode/n) replicas and their requests never exceed allocatable. The size chosen
 * is the smallest with at least n GPUs whose share meets the runtime's floor.
 */
import type { GPU_TYPES } from "../../schemas/spec-constants.js";
/** A GPU a node pool can carry: the schema's GPU types but `none`. */
export type GpuType = Exclude<(typeof GPU_TYPES)[number], "none">;

/** One EC2 size: capacity as AWS publishes it. */
export interface InstanceShape {
  readonly instanceType: string;
  readonly vcpu: number;
  /** Memory, GiB. */
  readonly memoryGiB: number;
  readonly gpus: number;
  /** Memory of one GPU, GiB. */
  readonly gpuMemoryGiB: number;
}

const shapes = (
  gpuMemoryGiB: number,
  rows: ReadonlyArray<readonly [string, number, number, number]>,
): InstanceShape[] =>
  rows.map(([instanceType, vcpu, memoryGiB, gpus]) => ({ instanceType, vcpu, memoryGiB, gpus, gpuMemoryGiB }));

/** Sizes per GPU type, smallest first. */
export const INSTANCE_SHAPES: Readonly<Record<GpuType, readonly InstanceShape[]>> = {
  L4: shapes(24, [
    ["g6.xlarge", 4, 16, 1],
    ["g6.2xlarge", 8, 32, 1],
    ["g6.4xlarge", 16, 64, 1],
    ["g6.12xlarge", 48, 192, 4],
    ["g6.48xlarge", 192, 768, 8],
  ]),
  A10G: shapes(24, [
    ["g5.xlarge", 4, 16, 1],
    ["g5.2xlarge", 8, 32, 1],
    ["g5.4xlarge", 16, 64, 1],
    ["g5.12xlarge", 48, 192, 4],
    ["g5.48xlarge", 192, 768, 8],
  ]),
  L40S: shapes(48, [
    ["g6e.xlarge", 4, 32, 1],
    ["g6e.2xlarge", 8, 64, 1],
    ["g6e.12xlarge", 48, 384, 4],
    ["g6e.48xlarge", 192, 1536, 8],
  ]),
  A100: shapes(40, [["p4d.24xlarge", 96, 1152, 8]]),
  H100: shapes(80, [["p5.48xlarge", 192, 2048, 8]]),
};

/** EC2 instance families per GPU type (Karpenter NodePool requirement). */
export const INSTANCE_FAMILIES: Readonly<Record<GpuType, string>> = {
  L4: "g6",
  A10G: "g5",
  L40S: "g6e",
  A100: "p4d",
  H100: "p5",
};

/** Pods per node, pinned in the node's kubelet settings; kube-reserved memory is derived from it. */
export const MAX_PODS = 110;
/** Share of nominal memory the hypervisor and kernel keep (Karpenter's default). */
export const VM_MEMORY_OVERHEAD = 0.075;
export const SYSTEM_RESERVED = { cpuMilli: 100, memoryMiB: 100 } as const;
export const EVICTION_HARD_MEMORY_MIB = 100;

/**
 * Requests of the DaemonSets on every GPU node (millicores, MiB): aws-node 25m (its manifest),
 * kube-proxy 100m (its manifest), eks-pod-identity-agent 25m/64Mi, efs-csi-node (no requests in
 * its chart; 100m/256Mi kept for it), and the DCGM exporter (`DCGM_EXPORTER_RESOURCES`). Where a
 * manifest sets no memory request a conservative figure is kept, so real use fits too.
 */
export const DCGM_EXPORTER_RESOURCES = { cpuMilli: 100, memoryMiB: 512 } as const;
export const NODE_DAEMONSETS: ReadonlyArray<{
  readonly name: string;
  readonly cpuMilli: number;
  readonly memoryMiB: number;
}> = [
  { name: "aws-node", cpuMilli: 25, memoryMiB: 128 },
  { name: "kube-proxy", cpuMilli: 100, memoryMiB: 128 },
  { name: "eks-pod-identity-agent", cpuMilli: 25, memoryMiB: 64 },
  { name: "efs-csi-node", cpuMilli: 100, memoryMiB: 256 },
  { name: "dcgm-exporter", ...DCGM_EXPORTER_RESOURCES },
];

/** kube-reserved CPU in millicores for a node of `vcpu` cores (EKS AMI formula). */
export function kubeReservedCpuMilli(vcpu: number): number {
  const bands: ReadonlyArray<readonly [cores: number, share: number]> = [
    [1, 0.06],
    [1, 0.01],
    [2, 0.005],
    [Infinity, 0.0025],
  ];
  let left = vcpu;
  let milli = 0;
  for (const [cores, share] of bands) {
    const used = Math.min(left, cores);
    milli += used * 1000 * share;
    left -= used;
    if (left <= 0) break;
  }
  return Math.ceil(milli);
}

/** What pods may request on a node of this shape: millicores and MiB. */
export function allocatable(shape: InstanceShape): { cpuMilli: number; memoryMiB: number } {
  const capacityMiB = Math.floor(shape.memoryGiB * 1024 * (1 - VM_MEMORY_OVERHEAD));
  const kubeReservedMiB = 255 + 11 * MAX_PODS;
  return {
    cpuMilli: shape.vcpu * 1000 - kubeReservedCpuMilli(shape.vcpu) - SYSTEM_RESERVED.cpuMilli,
    memoryMiB: capacityMiB - kubeReservedMiB - SYSTEM_RESERVED.memoryMiB - EVICTION_HARD_MEMORY_MIB,
  };
}

/** Allocatable less the DaemonSets' requests: what model replicas share. */
export function availableForReplicas(shape: InstanceShape): { cpuMilli: number; memoryMiB: number } {
  const node = allocatable(shape);
  const daemons = NODE_DAEMONSETS.reduce(
    (sum, daemon) => ({ cpuMilli: sum.cpuMilli + daemon.cpuMilli, memoryMiB: sum.memoryMiB + daemon.memoryMiB }),
    { cpuMilli: 0, memoryMiB: 0 },
  );
  return { cpuMilli: node.cpuMilli - daemons.cpuMilli, memoryMiB: node.memoryMiB - daemons.memoryMiB };
}

/** The least a replica of a runtime needs besides its GPUs (tokenizers, CUDA context, host copies of weights). */
export interface RuntimeFloor {
  readonly cpuMilli: number;
  readonly memoryMiB: number;
}

/** Requests of one replica: CPU in millicores (multiples of 100m) and memory in MiB (multiples of 256). */
export interface ReplicaRequests {
  readonly instanceType: string;
  readonly gpusPerNode: number;
  readonly cpuMilli: number;
  readonly memoryMiB: number;
}

/**
 * The node size and the replica's requests for `gpus` GPUs of `gpu` with at least `floor`
 * besides. Throws RangeError when no size has that many GPUs or none leaves the floor.
 */
export function replicaRequests(
  gpu: GpuType,
  gpus: number,
  floor: RuntimeFloor = { cpuMilli: 0, memoryMiB: 0 },
): ReplicaRequests {
  const wanted = Math.max(1, gpus);
  const sized = INSTANCE_SHAPES[gpu].filter((shape) => shape.gpus >= wanted);
  if (sized.length === 0) throw new RangeError(`no ${gpu} instance has ${wanted} GPUs`);
  for (const shape of sized) {
    const available = availableForReplicas(shape);
    const share = wanted / shape.gpus;
    const cpuMilli = Math.floor((available.cpuMilli * share) / 100) * 100;
    const memoryMiB = Math.floor((available.memoryMiB * share) / 256) * 256;
    if (cpuMilli >= floor.cpuMilli && memoryMiB >= floor.memoryMiB)
      return { instanceType: shape.instanceType, gpusPerNode: shape.gpus, cpuMilli, memoryMiB };
  }
  throw new RangeError(
    `no ${gpu} instance with ${wanted} GPUs leaves ${floor.cpuMilli}m CPU and ${floor.memoryMiB} MiB for a replica`,
  );
}

/** The smallest size with at least `gpusPerReplica` GPUs (no runtime floor). */
export function instanceTypeFor(gpu: GpuType, gpusPerReplica: number): { instanceType: string; gpusPerNode: number } {
  const { instanceType, gpusPerNode } = replicaRequests(gpu, gpusPerReplica);
  return { instanceType, gpusPerNode };
}

/** GPU memory of one GPU of this type, GiB. */
export function gpuMemoryGiB(gpu: GpuType): number {
  return INSTANCE_SHAPES[gpu][0]!.gpuMemoryGiB;
}
