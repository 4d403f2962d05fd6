/** The GPU cluster's pure parts: node counts from replicas, and the argument refusals. */
import { describe, expect, it } from "vitest";
import {
  nodeCounts,
  validateGpuInferenceClusterArgs,
  type GpuInferenceClusterArgs,
} from "../../../components/aws/gpu-inference-cluster.js";
import { describeRefusals } from "../../helpers/refusals.js";

describe("GPU node pools", () => {
  it("packs replicas onto nodes", () => {
    expect(nodeCounts({ gpu: "L4", gpusPerReplica: 1, minReplicas: 2, maxReplicas: 6 })).toEqual({
      instanceType: "g6.xlarge",
      min: 2,
      max: 6,
    });
    expect(nodeCounts({ gpu: "A100", gpusPerReplica: 2, minReplicas: 1, maxReplicas: 8 })).toEqual({
      instanceType: "p4d.24xlarge",
      min: 1,
      max: 2,
    });
  });
});

const base: GpuInferenceClusterArgs = {
  vpcId: "v",
  privateSubnetIds: [],
  secretsKeyArn: "k",
  volumeKeyArn: "k",
  logKeyArn: "k",
  gpuPools: [],
};
describeRefusals([
  [
    "public EKS endpoint without CIDRs",
    () => validateGpuInferenceClusterArgs({ ...base, publicEndpoint: true }),
    /publicAccessCidrs/,
  ],
  [
    "EKS endpoint open to the world",
    () => validateGpuInferenceClusterArgs({ ...base, publicEndpoint: true, publicAccessCidrs: ["0.0.0.0/0"] }),
    /0\.0\.0\.0\/0/,
  ],
  [
    "pool on a size without its GPUs",
    () =>
      validateGpuInferenceClusterArgs({
        ...base,
        gpuPools: [{ gpu: "L4", gpusPerReplica: 4, instanceType: "g6.xlarge", minReplicas: 1, maxReplicas: 2 }],
      }),
    /gpuPools\[0\]\.instanceType/,
  ],
]);
