/**
 * GPU type → EC2 instance type, by GPUs per node. This is the documented mapping:
 *
 * | GPU  | family | 1 GPU        | 4 GPUs        | 8 GPUs        |
 * |------|--------|--------------|---------------|---------------|
 * | L4   | g6     | g6.xlarge    | g6.12xlarge   | g6.48xlarge   |
 * | A10G | g5     | g5.xlarge    | g5.12xlarge   | g5.48xlarge   |
 * | L40S | g6e    | g6e.xlarge   | g6e.12xlarge  | g6e.48xlarge  |
 * | A100 | p4d    | —            | —             | p4d.24xlarge  |
 * | H100 | p5     | —            | —             | p5.48xlarge   |
 *
 * A replica needing n GPUs lands on the smallest size with at least n GPUs.
 */
export type GpuType = "L4" | "A10G" | "L40S" | "A100" | "H100";

const SIZES: Record<GpuType, ReadonlyArray<readonly [gpus: number, instanceType: string]>> = {
  L4: [[1, "g6.xlarge"], [4, "g6.12xlarge"], [8, "g6.48xlarge"]],
  A10G: [[1, "g5.xlarge"], [4, "g5.12xlarge"], [8, "g5.48xlarge"]],
  L40S: [[1, "g6e.xlarge"], [4, "g6e.12xlarge"], [8, "g6e.48xlarge"]],
  A100: [[8, "p4d.24xlarge"]],
  H100: [[8, "p5.48xlarge"]],
};

export function instanceTypeFor(gpu: GpuType, gpusPerReplica: number): { instanceType: string; gpusPerNode: number } {
  const fit = SIZES[gpu].find(([gpus]) => gpus >= gpusPerReplica);
  if (!fit) throw new RangeError(`no ${gpu} instance has ${gpusPerReplica} GPUs`);
  return { instanceType: fit[1], gpusPerNode: fit[0] };
}
