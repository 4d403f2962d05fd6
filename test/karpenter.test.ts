/**
 * Node autoscaling on EKS (components/aws/karpenter.ts): the controller policy's least
 * privilege, the GPU NodePools and EC2NodeClass as pure functions (property-tested over every
 * GPU type, GPU count and replica bound), both components under Pulumi mocks, every example
 * planned for AWS, and LLM-K8S-052 on a NodePool that lost its taint or budget.
 */
import * as fc from "fast-check";
import { readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type * as pulumiType from "@pulumi/pulumi";
import {
  GPU_DISRUPTION_BUDGETS,
  INTERRUPTION_EVENTS,
  KARPENTER_CHART_VERSION,
  allowedInstanceTypes,
  gpuLimit,
  gpuNodeClassSpec,
  gpuNodePoolSpec,
  interruptionQueuePolicy,
  karpenterControllerPolicy,
  validateKarpenterIamArgs,
  validateKarpenterNodePoolsArgs,
} from "../components/aws/karpenter.js";
import {
  INSTANCE_FAMILIES,
  INSTANCE_SHAPES,
  EVICTION_HARD_MEMORY_MIB,
  MAX_PODS,
  SYSTEM_RESERVED,
  availableForReplicas,
  type GpuType,
} from "../components/aws/gpu-instance-types.js";
import { nodeCounts, type GpuPool } from "../components/aws/gpu-inference-cluster.js";
import type { Statement } from "../components/aws/iam-documents.js";
import type { RecordedResource } from "../stacks/mocks.js";
import { ROOT, runCli, tempDir } from "./helpers/cli.js";
import { bundleBuilt } from "./helpers/tools.js";
import { examplesFor, ofType, planExample, type Plan } from "./helpers/plans.js";

const DIGEST = `sha256:${"b".repeat(64)}`;
const GPU_TYPES = Object.keys(INSTANCE_SHAPES) as GpuType[];
const list = (value: string | readonly string[] | undefined): string[] =>
  value === undefined ? [] : typeof value === "string" ? [value] : [...value];

const policyInputs = {
  region: "eu-west-1",
  accountId: "123456789012",
  clusterName: "prod-eks",
  nodeRoleArn: "arn:aws:iam::123456789012:role/prod-karpenter-node-role",
  instanceProfileArn: "arn:aws:iam::123456789012:instance-profile/prod-karpenter-node-profile",
  queueArn: "arn:aws:sqs:eu-west-1:123456789012:prod-karpenter-interruptions",
  subnetIds: ["subnet-0a", "subnet-0b"],
  securityGroupIds: ["sg-0c"],
  volumeKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/volume",
};

/** A wildcard resource counts as scoped only behind a literal cluster-tag condition. */
function tagScoped(statement: Statement): boolean {
  const equals = statement.Condition?.StringEquals ?? {};
  return Object.entries(equals).some(
    ([key, value]) => /^aws:(Resource|Request)Tag\/kubernetes\.io\/cluster\/prod-eks$/.test(key) && value === "owned",
  );
}

describe("Karpenter controller policy (least privilege)", () => {
  const policy = karpenterControllerPolicy(policyInputs);
  const allows = policy.Statement.filter((statement) => statement.Effect === "Allow");
  const pairs = allows.flatMap((statement) =>
    list(statement.Action).flatMap((action) =>
      list(statement.Resource).map((resource) => ({ statement, action, resource })),
    ),
  );

  it("uses Resource * only for reads that have no resource-level permission, and only in its region", () => {
    for (const { statement, action } of pairs.filter((pair) => pair.resource === "*")) {
      expect(action).toMatch(/^ec2:Describe[A-Za-z]+$/);
      expect(statement.Condition).toEqual({ StringEquals: { "aws:RequestedRegion": "eu-west-1" } });
    }
  });

  it("reaches instances, volumes, interfaces, fleets and launch templates only behind the cluster's tag", () => {
    for (const { statement, resource } of pairs.filter((pair) =>
      /:(instance|volume|network-interface|fleet|launch-template)\/\*$/.test(pair.resource),
    )) {
      expect(tagScoped(statement), `${statement.Sid} on ${resource}`).toBe(true);
    }
    const deletion = allows.find((statement) => list(statement.Action).includes("ec2:TerminateInstances"))!;
    expect(deletion.Condition?.StringEquals).toEqual({ "aws:ResourceTag/kubernetes.io/cluster/prod-eks": "owned" });
  });

  it("launches only into the named subnets and security group, from images and their snapshots", () => {
    const launchResources = pairs
      .filter((pair) => pair.action === "ec2:RunInstances" && !tagScoped(pair.statement))
      .map((pair) => pair.resource);
    expect(launchResources.sort()).toEqual([
      "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0c",
      "arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-0a",
      "arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-0b",
      "arn:aws:ec2:eu-west-1::image/*",
      "arn:aws:ec2:eu-west-1::snapshot/*",
    ]);
  });

  it("passes only the node role to EC2, reads only its queue, its profile, its cluster and the Bottlerocket parameters", () => {
    const byAction = (prefix: string) => pairs.filter((pair) => pair.action.startsWith(prefix));
    expect(byAction("iam:").map((pair) => [pair.action, pair.resource])).toEqual([
      ["iam:PassRole", policyInputs.nodeRoleArn],
      ["iam:GetInstanceProfile", policyInputs.instanceProfileArn],
    ]);
    expect(allows.find((statement) => statement.Action === "iam:PassRole")!.Condition).toEqual({
      StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" },
    });
    expect(new Set(byAction("sqs:").map((pair) => pair.resource))).toEqual(new Set([policyInputs.queueArn]));
    expect(byAction("eks:").map((pair) => pair.resource)).toEqual([
      "arn:aws:eks:eu-west-1:123456789012:cluster/prod-eks",
    ]);
    expect(byAction("ssm:").map((pair) => pair.resource)).toEqual([
      "arn:aws:ssm:eu-west-1::parameter/aws/service/bottlerocket/*",
    ]);
    const kms = allows.find((statement) => list(statement.Action).some((action) => action.startsWith("kms:")))!;
    expect(kms.Resource).toBe(policyInputs.volumeKeyArn);
    expect(kms.Condition).toEqual({ StringEquals: { "kms:ViaService": "ec2.eu-west-1.amazonaws.com" } });
  });

  it("has none of what this stack leaves out: instance-profile management, pricing, Spot requests, wildcard actions", () => {
    const actions = pairs.map((pair) => pair.action);
    for (const action of [
      "iam:CreateInstanceProfile",
      "iam:AddRoleToInstanceProfile",
      "iam:DeleteInstanceProfile",
      "iam:TagInstanceProfile",
      "pricing:GetProducts",
    ])
      expect(actions).not.toContain(action);
    expect(pairs.some((pair) => pair.resource.includes("spot-instances-request"))).toBe(false);
    for (const action of actions) expect(action).not.toMatch(/\*/);
  });

  it("lets only EventBridge and SQS of this account send to the interruption queue", () => {
    const [statement] = interruptionQueuePolicy(policyInputs.queueArn, "123456789012").Statement;
    expect(statement).toMatchObject({
      Effect: "Allow",
      Action: "sqs:SendMessage",
      Resource: policyInputs.queueArn,
      Principal: { Service: ["events.amazonaws.com", "sqs.amazonaws.com"] },
    });
    expect(statement!.Condition).toEqual({ StringEquals: { "aws:SourceAccount": "123456789012" } });
  });
});

describe("GPU NodePools and the EC2NodeClass", () => {
  const pools = fc
    .record({
      gpu: fc.constantFrom(...GPU_TYPES),
      gpusPerReplica: fc.integer({ min: 1, max: 8 }),
      minReplicas: fc.integer({ min: 0, max: 64 }),
      extra: fc.integer({ min: 0, max: 192 }),
    })
    .filter(({ gpu, gpusPerReplica }) => INSTANCE_SHAPES[gpu].some((shape) => shape.gpus >= gpusPerReplica))
    .map(({ gpu, gpusPerReplica, minReplicas, extra }): GpuPool => ({
      gpu,
      gpusPerReplica,
      minReplicas,
      maxReplicas: Math.max(1, minReplicas + extra),
    }));

  it("taints, labels and bounds every GPU type × GPU count × replica bounds as the servers and the sizing expect", () => {
    fc.assert(
      fc.property(pools, fc.integer({ min: 0, max: 3600 }), (pool, after) => {
        const spec = gpuNodePoolSpec(pool, "llmops-gpu", after) as any;
        const template = spec.template.spec;
        expect(template.taints).toEqual([{ key: "nvidia.com/gpu", value: "present", effect: "NoSchedule" }]);
        expect(spec.template.metadata.labels).toEqual({
          "llmops.dev/pool": "gpu",
          "llmops.dev/gpu": pool.gpu,
          "nvidia.com/gpu.present": "true",
        });
        const requirement = (key: string) => template.requirements.find((entry: any) => entry.key === key);
        expect(requirement("karpenter.k8s.aws/instance-family").values).toEqual([INSTANCE_FAMILIES[pool.gpu]]);
        expect(requirement("karpenter.sh/capacity-type").values).toEqual(["on-demand"]);
        // Only sizes of the table, with enough GPUs, no smaller than the size the replicas were sized for.
        const sized = nodeCounts(pool).instanceType;
        const shapes = INSTANCE_SHAPES[pool.gpu];
        const types: string[] = requirement("node.kubernetes.io/instance-type").values;
        expect(types).toContain(sized);
        for (const type of types) {
          const shape = shapes.find((candidate) => candidate.instanceType === type)!;
          expect(shape.gpus).toBeGreaterThanOrEqual(pool.gpusPerReplica);
          expect(shapes.indexOf(shape)).toBeGreaterThanOrEqual(
            shapes.findIndex((candidate) => candidate.instanceType === sized),
          );
          expect(type.split(".")[0]).toBe(INSTANCE_FAMILIES[pool.gpu]);
        }
        // Whole nodes of the sized type: enough for the spec's maximum replicas, and one node fewer is not.
        const limit = Number(spec.limits["nvidia.com/gpu"]);
        const perNode = shapes.find((shape) => shape.instanceType === sized)!.gpus;
        const replicasPerNode = Math.floor(perNode / pool.gpusPerReplica);
        expect(limit).toBe(gpuLimit(pool));
        expect(limit % perNode).toBe(0);
        expect((limit / perNode) * replicasPerNode).toBeGreaterThanOrEqual(pool.maxReplicas);
        expect((limit / perNode - 1) * replicasPerNode).toBeLessThan(pool.maxReplicas);
        expect(spec.disruption).toEqual({
          consolidationPolicy: "WhenEmpty",
          consolidateAfter: `${after}s`,
          budgets: [{ nodes: "1" }],
        });
        expect(template.nodeClassRef).toEqual({ group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "llmops-gpu" });
      }),
      { numRuns: 300 },
    );
    expect(GPU_DISRUPTION_BUDGETS).toEqual([{ nodes: "1" }]);
  });

  it("allows every size of the family from the sized one up (L4, 1 GPU per replica) and only the 8-GPU sizes for 8", () => {
    expect(allowedInstanceTypes({ gpu: "L4", gpusPerReplica: 1, minReplicas: 1, maxReplicas: 2 })).toEqual([
      "g6.xlarge",
      "g6.2xlarge",
      "g6.4xlarge",
      "g6.12xlarge",
      "g6.48xlarge",
    ]);
    expect(allowedInstanceTypes({ gpu: "L40S", gpusPerReplica: 8, minReplicas: 1, maxReplicas: 2 })).toEqual([
      "g6e.48xlarge",
    ]);
    expect(allowedInstanceTypes({ gpu: "A10G", gpusPerReplica: 2, minReplicas: 1, maxReplicas: 2 })).toEqual([
      "g5.12xlarge",
      "g5.48xlarge",
    ]);
  });

  it("launches Bottlerocket with IMDSv2 hop limit 1, encrypted volumes, discovery tags and the kubelet figures the sizing assumes", () => {
    const spec = gpuNodeClassSpec({
      clusterName: "prod-eks",
      instanceProfile: "prod-profile",
      volumeKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/v",
      tags: { team: "ml" },
    }) as any;
    expect(spec.amiSelectorTerms).toEqual([{ alias: "bottlerocket@latest" }]);
    expect(spec.instanceProfile).toBe("prod-profile");
    expect(spec.metadataOptions).toEqual({
      httpEndpoint: "enabled",
      httpProtocolIPv6: "disabled",
      httpPutResponseHopLimit: 1,
      httpTokens: "required",
    });
    expect(spec.subnetSelectorTerms).toEqual([{ tags: { "karpenter.sh/discovery": "prod-eks" } }]);
    expect(spec.securityGroupSelectorTerms).toEqual([{ tags: { "karpenter.sh/discovery": "prod-eks" } }]);
    expect(spec.blockDeviceMappings.map((device: any) => device.deviceName)).toEqual(["/dev/xvda", "/dev/xvdb"]);
    for (const device of spec.blockDeviceMappings)
      expect(device.ebs).toMatchObject({
        encrypted: true,
        kmsKeyID: "arn:aws:kms:eu-west-1:123456789012:key/v",
        volumeType: "gp3",
      });
    expect(spec.kubelet).toEqual({
      maxPods: MAX_PODS,
      systemReserved: { cpu: `${SYSTEM_RESERVED.cpuMilli}m`, memory: `${SYSTEM_RESERVED.memoryMiB}Mi` },
      evictionHard: { "memory.available": `${EVICTION_HARD_MEMORY_MIB}Mi` },
    });
    expect(spec.tags).toEqual({ team: "ml", "llmops:pool": "gpu" });
  });

  it("refuses an unpinned controller, a non-Bottlerocket AMI, two pools of one GPU type, no subnets and an empty region", () => {
    const base = {
      clusterName: "c",
      clusterEndpoint: "https://c",
      controllerRoleArn: "r",
      interruptionQueueName: "q",
      instanceProfile: "p",
      volumeKeyArn: "k",
      controllerImage: { repository: "registry.example/karpenter", digest: DIGEST },
      gpuPools: [{ gpu: "L4" as const, gpusPerReplica: 1, minReplicas: 1, maxReplicas: 2 }],
    };
    expect(() => validateKarpenterNodePoolsArgs(base)).not.toThrow();
    expect(() =>
      validateKarpenterNodePoolsArgs({ ...base, controllerImage: { repository: "r", digest: "latest" } }),
    ).toThrow(/controllerImage\.digest|sha256/);
    expect(() => validateKarpenterNodePoolsArgs({ ...base, amiAlias: "al2023@latest" })).toThrow(/Bottlerocket/);
    expect(() => validateKarpenterNodePoolsArgs({ ...base, amiAlias: "bottlerocket@v1.44.0" })).not.toThrow();
    expect(() => validateKarpenterNodePoolsArgs({ ...base, gpuPools: [...base.gpuPools, ...base.gpuPools] })).toThrow(
      /one pool per GPU type/,
    );
    expect(() => validateKarpenterNodePoolsArgs({ ...base, consolidateAfterSeconds: -1 })).toThrow(/seconds/);
    const iam = {
      accountId: "1",
      region: "eu-west-1",
      clusterName: "c",
      oidcProviderArn: "o",
      oidcIssuer: "https://i",
      privateSubnetIds: ["s"],
      clusterSecurityGroupId: "sg",
      volumeKeyArn: "k",
      queueKeyArn: "k",
    };
    expect(() => validateKarpenterIamArgs(iam)).not.toThrow();
    expect(() => validateKarpenterIamArgs({ ...iam, privateSubnetIds: [] })).toThrow(/subnet/);
    expect(() => validateKarpenterIamArgs({ ...iam, region: " " })).toThrow(/region/);
  });
});

describe("LLM-K8S-053's node table", () => {
  it("is what gpu-instance-types computes for every size (allocatable less reservations and DaemonSets)", () => {
    const table = (
      parse(readFileSync(join(ROOT, "policies/data.yaml"), "utf8")) as {
        llmops: { params: { gpu_node_available: Record<string, unknown> } };
      }
    ).llmops.params.gpu_node_available;
    const expected = Object.fromEntries(
      Object.values(INSTANCE_SHAPES)
        .flat()
        .map((shape) => {
          const available = availableForReplicas(shape);
          return [
            shape.instanceType,
            { cpu_milli: available.cpuMilli, memory_mib: available.memoryMiB, gpus: shape.gpus },
          ];
        }),
    );
    expect(table).toEqual(expected);
  });
});

describe("Karpenter components under Pulumi mocks", () => {
  const recorded: RecordedResource[] = [];
  const ofKind = (type: string) => recorded.filter((resource) => resource.type === type);

  beforeAll(async () => {
    const pulumi: typeof pulumiType = await import("@pulumi/pulumi");
    const { llmopsMocks } = await import("../stacks/mocks.js");
    const { runInStack, waitForRegistrations } = await import("../stacks/pulumi-internals.js");
    await pulumi.runtime.setMocks(llmopsMocks("eu-west-1", recorded), "responsible-llmops", "karpenter-test", false);
    const { KarpenterIam, KarpenterNodePools } = await import("../components/aws/karpenter.js");
    await runInStack(() => {
      const iam = new KarpenterIam("prod-karpenter", {
        accountId: "000000000000",
        region: "eu-west-1",
        clusterName: "prod-eks",
        oidcProviderArn: "arn:aws:iam::000000000000:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/X",
        oidcIssuer: "https://oidc.eks.eu-west-1.amazonaws.com/id/X",
        privateSubnetIds: ["subnet-a", "subnet-b"],
        clusterSecurityGroupId: "sg-c",
        volumeKeyArn: "arn:aws:kms:eu-west-1:000000000000:key/v",
        queueKeyArn: "arn:aws:kms:eu-west-1:000000000000:key/c",
      });
      new KarpenterNodePools("prod-node-pools", {
        clusterName: "prod-eks",
        clusterEndpoint: "https://prod-eks.example",
        controllerRoleArn: iam.controllerRoleArn,
        interruptionQueueName: iam.queue.name,
        instanceProfile: iam.instanceProfile.name,
        volumeKeyArn: "arn:aws:kms:eu-west-1:000000000000:key/v",
        controllerImage: { repository: "registry.example/karpenter-controller", digest: DIGEST },
        gpuPools: [
          { gpu: "L4", gpusPerReplica: 1, minReplicas: 2, maxReplicas: 6 },
          { gpu: "H100", gpusPerReplica: 8, minReplicas: 0, maxReplicas: 2 },
        ],
        consolidateAfterSeconds: 600,
      });
      return Promise.resolve({});
    });
    await waitForRegistrations();
  });

  it("trusts only kube-system:karpenter through IRSA and attaches the narrowed inline policy", () => {
    const controller = recorded.find(
      (resource) => resource.type === "aws:iam/role:Role" && resource.name === "prod-karpenter-controller-role",
    )!;
    const trust = JSON.parse(String(controller.inputs.assumeRolePolicy));
    expect(trust.Statement[0].Condition.StringEquals["oidc.eks.eu-west-1.amazonaws.com/id/X:sub"]).toBe(
      "system:serviceaccount:kube-system:karpenter",
    );
    const [policy] = ofKind("aws:iam/rolePolicy:RolePolicy");
    const statements = JSON.parse(String(policy!.inputs.policy)).Statement as Statement[];
    expect(statements.find((statement) => statement.Sid === "AllowLaunchIntoThisNetwork")!.Resource).toEqual([
      "arn:aws:ec2:eu-west-1:000000000000:subnet/subnet-a",
      "arn:aws:ec2:eu-west-1:000000000000:subnet/subnet-b",
      "arn:aws:ec2:eu-west-1:000000000000:security-group/sg-c",
    ]);
  });

  it("gives nodes their own role, instance profile and EC2_LINUX access entry, and tags the cluster security group for discovery", () => {
    const nodeRole = recorded.find((resource) => resource.name === "prod-karpenter-node-role")!;
    expect(JSON.parse(String(nodeRole.inputs.assumeRolePolicy)).Statement[0].Principal).toEqual({
      Service: "ec2.amazonaws.com",
    });
    expect(
      ofKind("aws:iam/rolePolicyAttachment:RolePolicyAttachment")
        .map((attachment) => attachment.inputs.policyArn)
        .sort(),
    ).toEqual([
      "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
      "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
      "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
    ]);
    expect(ofKind("aws:iam/instanceProfile:InstanceProfile")).toHaveLength(1);
    expect(ofKind("aws:eks/accessEntry:AccessEntry")[0]!.inputs).toMatchObject({
      clusterName: "prod-eks",
      type: "EC2_LINUX",
    });
    expect(ofKind("aws:ec2/tag:Tag").map((tag) => tag.inputs)).toEqual([
      { resourceId: "sg-c", key: "karpenter.sh/discovery", value: "prod-eks" },
    ]);
  });

  it("builds a KMS-encrypted interruption queue fed by the health and state-change rules", () => {
    const [queue] = ofKind("aws:sqs/queue:Queue");
    expect(queue!.inputs).toMatchObject({
      kmsMasterKeyId: "arn:aws:kms:eu-west-1:000000000000:key/c",
      messageRetentionSeconds: 300,
    });
    const patterns = ofKind("aws:cloudwatch/eventRule:EventRule").map((rule) =>
      JSON.parse(String(rule.inputs.eventPattern)),
    );
    expect(patterns).toEqual(
      INTERRUPTION_EVENTS.map((event) => ({ source: [event.source], "detail-type": [event.detailType] })),
    );
    expect(ofKind("aws:cloudwatch/eventTarget:EventTarget")).toHaveLength(INTERRUPTION_EVENTS.length);
    expect(ofKind("aws:sqs/queuePolicy:QueuePolicy")).toHaveLength(1);
  });

  it("installs the pinned chart and its CRD chart, the controller on the system nodes with the mirrored digest, isolated from public APIs", () => {
    const releases = ofKind("kubernetes:helm.sh/v3:Release");
    expect(releases.map((release) => [release.inputs.chart, release.inputs.version]).sort()).toEqual([
      ["oci://public.ecr.aws/karpenter/karpenter", KARPENTER_CHART_VERSION],
      ["oci://public.ecr.aws/karpenter/karpenter-crd", KARPENTER_CHART_VERSION],
    ]);
    const controller = releases.find((release) => release.inputs.name === "karpenter")!;
    const values = controller.inputs.values as any;
    expect(controller.inputs.skipCrds).toBe(true);
    expect(values.controller.image).toEqual({
      repository: "registry.example/karpenter-controller",
      tag: KARPENTER_CHART_VERSION,
      digest: DIGEST,
    });
    expect(values.nodeSelector["llmops.dev/pool"]).toBe("system");
    expect(values.serviceAccount).toEqual({
      name: "karpenter",
      annotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::000000000000:role/prod-karpenter-controller-role" },
    });
    expect(values.settings).toMatchObject({
      clusterName: "prod-eks",
      isolatedVPC: true,
      vmMemoryOverheadPercent: 0.075,
    });
    expect(values.settings.interruptionQueue).toBeTruthy();
  });

  it("creates one NodePool per GPU type on one EC2NodeClass, with the spec's consolidation delay", () => {
    const pools = ofKind("kubernetes:karpenter.sh/v1:NodePool");
    expect(pools.map((pool) => (pool.inputs.metadata as any).name).sort()).toEqual(["gpu-h100", "gpu-l4"]);
    for (const pool of pools) expect((pool.inputs.spec as any).disruption.consolidateAfter).toBe("600s");
    const h100 = pools.find((pool) => (pool.inputs.metadata as any).name === "gpu-h100")!;
    expect((h100.inputs.spec as any).limits).toEqual({ "nvidia.com/gpu": "16" });
    const classes = ofKind("kubernetes:karpenter.k8s.aws/v1:EC2NodeClass");
    expect(classes).toHaveLength(1);
    expect((classes[0]!.inputs.spec as any).instanceProfile).toBeTruthy();
  });
});

describe.skipIf(!bundleBuilt())("every example planned for AWS", () => {
  const plans = new Map<string, Plan>();
  beforeAll(() => {
    for (const example of examplesFor("any")) plans.set(example, planExample(example, "aws"));
  }, 600_000);

  it("launches GPU nodes only through Karpenter: one tainted, budgeted NodePool per GPU type of its self-hosted models, no GPU node group", () => {
    for (const [example, plan] of plans) {
      const gpuTypes = new Set<string>(
        plan.spec.spec.models
          .filter(
            (model: any) =>
              ["vllm", "tgi", "tei", "triton"].includes(model.serving.runtime) &&
              model.gpu.type !== "none" &&
              model.gpu.count > 0,
          )
          .map((model: any) => model.gpu.type),
      );
      const pools = ofType(plan, "kubernetes:karpenter.sh/v1:NodePool");
      expect(pools.map((pool) => pool.props.metadata.name).sort(), example).toEqual(
        [...gpuTypes].map((gpu) => `gpu-${gpu.toLowerCase()}`).sort(),
      );
      for (const pool of pools) {
        expect(pool.props.spec.template.spec.taints, example).toEqual([
          { key: "nvidia.com/gpu", value: "present", effect: "NoSchedule" },
        ]);
        expect(pool.props.spec.disruption.budgets, example).toEqual([{ nodes: "1" }]);
      }
      for (const group of ofType(plan, "aws:eks/nodeGroup:NodeGroup"))
        expect(group.props.labels["llmops.dev/pool"], example).toBe("system");
      if (gpuTypes.size > 0) {
        const karpenterReleases = ofType(plan, "kubernetes:helm.sh/v3:Release").filter((release) =>
          String(release.props.chart).includes("/karpenter"),
        );
        expect(
          karpenterReleases.map((release) => release.props.version),
          example,
        ).toEqual([KARPENTER_CHART_VERSION, KARPENTER_CHART_VERSION]);
        // The node subnets carry the discovery tag the EC2NodeClass selects on.
        const nodeClass = ofType(plan, "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass")[0]!;
        const clusterName = nodeClass.props.spec.subnetSelectorTerms[0].tags["karpenter.sh/discovery"];
        const tagged = ofType(plan, "aws:ec2/subnet:Subnet").filter(
          (subnet) => subnet.props.tags["karpenter.sh/discovery"] === clusterName,
        );
        expect(tagged.length, example).toBeGreaterThanOrEqual(2);
        for (const subnet of tagged) expect(subnet.props.tags["llmops:tier"], example).toBe("private");
        // isolatedVPC: the APIs Karpenter calls are reached through endpoints.
        const endpoints = ofType(plan, "aws:ec2/vpcEndpoint:VpcEndpoint").map((endpoint) =>
          String(endpoint.props.serviceName).split(".").pop(),
        );
        expect(endpoints, example).toEqual(expect.arrayContaining(["ec2", "ssm", "sqs", "eks", "sts"]));
      }
    }
    expect([...plans.values()].some((plan) => ofType(plan, "kubernetes:karpenter.sh/v1:NodePool").length > 0)).toBe(
      true,
    );
  });

  it("LLM-K8S-052 catches the example's NodePool once its taint or its budgets are removed", () => {
    const plan = [...plans.values()].find(
      (candidate) => ofType(candidate, "kubernetes:karpenter.sh/v1:NodePool").length > 0,
    )!;
    const pool = ofType(plan, "kubernetes:karpenter.sh/v1:NodePool")[0]!;
    const dir = tempDir("llmops-nodepool-");
    const manifest = (spec: unknown) =>
      JSON.stringify({
        apiVersion: "karpenter.sh/v1",
        kind: "NodePool",
        metadata: { name: pool.props.metadata.name },
        spec,
      });
    const intact = join(dir, "intact.json");
    const untainted = join(dir, "untainted.json");
    const unbudgeted = join(dir, "unbudgeted.json");
    writeFileSync(intact, manifest(pool.props.spec));
    writeFileSync(
      untainted,
      manifest({
        ...pool.props.spec,
        template: { ...pool.props.spec.template, spec: { ...pool.props.spec.template.spec, taints: [] } },
      }),
    );
    writeFileSync(
      unbudgeted,
      manifest({ ...pool.props.spec, disruption: { consolidationPolicy: "WhenEmpty", consolidateAfter: "300s" } }),
    );
    const ids = (file: string) => {
      const result = runCli(["check", file, "-f", "json", "--fail-on", "low"]);
      return (JSON.parse(result.stdout) as { findings: Array<{ id: string; path: string }> }).findings
        .filter((finding) => finding.id === "LLM-K8S-052")
        .map((finding) => finding.path);
    };
    expect(ids(intact)).toEqual([]);
    expect(ids(untainted)).toEqual([expect.stringMatching(/\/spec\/template\/spec\/taints$/)]);
    expect(ids(unbudgeted)).toEqual([expect.stringMatching(/\/spec\/disruption$/)]);
  });
});
