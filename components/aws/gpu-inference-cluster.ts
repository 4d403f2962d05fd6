/**
 * EKS for GPU inference: a private API endpoint (public only when asked, and then
 * CIDR-restricted), KMS envelope encryption of secrets, every control-plane log type,
 * API authentication mode without a bootstrap admin, an OIDC provider for IRSA, and the
 * system node group. Its launch template requires IMDSv2 with hop limit 1 and encrypts the
 * volume; nodes live in private subnets only and their role carries only the worker, CNI and
 * ECR read-only policies.
 *
 * GPU capacity is not a node group here: Karpenter launches GPU nodes for pending replicas
 * through one NodePool per GPU type (karpenter.ts, which says why no static GPU group is kept).
 * `gpuPools` is still validated here, and `nodeCounts` gives each pool's node bounds.
 *
 * GPU enablement: GPU nodes run Bottlerocket's NVIDIA variant (the EC2NodeClass's
 * `bottlerocket` alias; `BOTTLEROCKET_x86_64_NVIDIA` as a managed node group AMI type). It ships
 * the NVIDIA driver, the container toolkit and the NVIDIA device plugin as a host service, so
 * `nvidia.com/gpu` is allocatable without a privileged hostPath DaemonSet in the cluster, on an
 * immutable, read-only OS with SELinux enforcing. AL2023 NVIDIA would need the device plugin
 * DaemonSet (a hostPath to /var/lib/kubelet/device-plugins) — more privilege in the cluster for
 * the same result. Bottlerocket keeps the OS on /dev/xvda and containers, images and emptyDir on
 * /dev/xvdb; both are encrypted with the volume key.
 *
 * Sizing: each GPU pool's instance type comes from gpu-instance-types (`replicaRequests`), so
 * the replicas' requests fit the node's allocatable after the DaemonSets; the pool's bounds are
 * derived from the spec's replica bounds (`nodeCounts`).
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { INSTANCE_SHAPES, instanceTypeFor, type GpuType } from "./gpu-instance-types.js";
import { serviceTrustPolicy } from "./iam-documents.js";

export const CONTROL_PLANE_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;
export const NODE_ROLE_POLICIES = [
  "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
  "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
  "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
] as const;

/** A node IAM role and the attachments of NODE_ROLE_POLICIES to it (nodeRoleWithPolicies). */
export interface NodeRole {
  readonly role: aws.iam.Role;
  /** One attachment per NODE_ROLE_POLICIES entry, in that order: what a node group or access entry waits for. */
  readonly policies: aws.iam.RolePolicyAttachment[];
}

/**
 * The IAM role EKS worker nodes run as: EC2 may assume it (`<name>-node-role`), and each of
 * NODE_ROLE_POLICIES is attached (`<name>-node-policy-<i>`), all as children of `parent`. Used by
 * the system node group and by Karpenter's nodes.
 */
export function nodeRoleWithPolicies(
  name: string,
  tags: Record<string, string> | undefined,
  parent: pulumi.Resource,
): NodeRole {
  const role = new aws.iam.Role(
    `${name}-node-role`,
    { assumeRolePolicy: JSON.stringify(serviceTrustPolicy("ec2.amazonaws.com")), tags },
    { parent },
  );
  const policies = NODE_ROLE_POLICIES.map(
    (policyArn, i) =>
      new aws.iam.RolePolicyAttachment(`${name}-node-policy-${i}`, { role: role.name, policyArn }, { parent }),
  );
  return { role, policies };
}

export interface GpuPool {
  readonly gpu: GpuType;
  /** GPUs each model replica needs. */
  readonly gpusPerReplica: number;
  /** Instance type whose shape the replicas were sized for. @default the smallest with gpusPerReplica GPUs */
  readonly instanceType?: string;
  readonly minReplicas: number;
  readonly maxReplicas: number;
}

export interface GpuInferenceClusterArgs {
  /** VPC the resources are placed in. */
  readonly vpcId: pulumi.Input<string>;
  /** Private subnets for the control-plane ENIs and all nodes. */
  readonly privateSubnetIds: pulumi.Input<string>[];
  /** Key for Kubernetes secrets envelope encryption. */
  readonly secretsKeyArn: pulumi.Input<string>;
  /** Key for node volumes. */
  readonly volumeKeyArn: pulumi.Input<string>;
  /** Key for the control-plane log group. */
  readonly logKeyArn: pulumi.Input<string>;
  /** Kubernetes version. @default "1.33" */
  readonly kubernetesVersion?: string;
  /** Open the API endpoint publicly; requires publicAccessCidrs. @default false */
  readonly publicEndpoint?: boolean;
  /** CIDRs allowed to reach a public endpoint; must not contain 0.0.0.0/0. Only with publicEndpoint. @default none (the endpoint is private) */
  readonly publicAccessCidrs?: readonly string[];
  /** GPU pools, one per GPU type: validated here, provisioned by Karpenter (karpenter.ts). */
  readonly gpuPools: readonly GpuPool[];
  /** Control-plane log retention. @default 365 */
  readonly logRetentionDays?: number;
  /** Tags added to every AWS resource this component creates. @default none */
  readonly tags?: Record<string, string>;
}

/**
 * Checks GpuInferenceClusterArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - publicAccessCidrs: a public endpoint needs at least one CIDR
 *  - publicAccessCidrs: only valid together with publicEndpoint
 *  - publicAccessCidrs: 0.0.0.0/0 is not allowed
 *  - gpuPools[${index}].instanceType: ${pool.instanceType} is not a ${pool.gpu} size with ${pool.gpusPerReplica} GPUs
 *  - gpuPools[${index}].minReplicas: above maxReplicas
 */
export function validateGpuInferenceClusterArgs(args: GpuInferenceClusterArgs): void {
  const cidrs = args.publicAccessCidrs ?? [];
  if (args.publicEndpoint && cidrs.length === 0) {
    throw new pulumi.InputPropertyError({
      propertyPath: "publicAccessCidrs",
      reason: "a public endpoint needs at least one CIDR",
    });
  }
  if (!args.publicEndpoint && cidrs.length > 0) {
    throw new pulumi.InputPropertyError({
      propertyPath: "publicAccessCidrs",
      reason: "only valid together with publicEndpoint",
    });
  }
  if (cidrs.some((cidr) => cidr.endsWith("/0"))) {
    throw new pulumi.InputPropertyError({ propertyPath: "publicAccessCidrs", reason: "0.0.0.0/0 is not allowed" });
  }
  for (const [index, pool] of args.gpuPools.entries()) {
    try {
      instanceTypeFor(pool.gpu, pool.gpusPerReplica);
    } catch (error) {
      throw new pulumi.InputPropertyError({ propertyPath: `gpuPools[${index}]`, reason: (error as Error).message });
    }
    if (
      pool.instanceType &&
      !INSTANCE_SHAPES[pool.gpu].some(
        (shape) => shape.instanceType === pool.instanceType && shape.gpus >= pool.gpusPerReplica,
      )
    ) {
      throw new pulumi.InputPropertyError({
        propertyPath: `gpuPools[${index}].instanceType`,
        reason: `${pool.instanceType} is not a ${pool.gpu} size with ${pool.gpusPerReplica} GPUs`,
      });
    }
    if (pool.minReplicas > pool.maxReplicas)
      throw new pulumi.InputPropertyError({
        propertyPath: `gpuPools[${index}].minReplicas`,
        reason: "above maxReplicas",
      });
  }
}

/** Nodes needed for a pool: replicas packed onto nodes of the mapped size. */
export function nodeCounts(pool: GpuPool): { instanceType: string; min: number; max: number } {
  const smallest = instanceTypeFor(pool.gpu, pool.gpusPerReplica);
  const shape = pool.instanceType
    ? INSTANCE_SHAPES[pool.gpu].find((candidate) => candidate.instanceType === pool.instanceType)
    : undefined;
  const instanceType = shape?.instanceType ?? smallest.instanceType;
  const gpusPerNode = shape?.gpus ?? smallest.gpusPerNode;
  const perNode = Math.max(1, Math.floor(gpusPerNode / pool.gpusPerReplica));
  return {
    instanceType,
    min: Math.ceil(pool.minReplicas / perNode),
    max: Math.max(1, Math.ceil(pool.maxReplicas / perNode)),
  };
}

/**
 * The EKS cluster (private endpoint unless asked, KMS-encrypted secrets, all control-plane logs), its IRSA OIDC provider, the system node group and one tainted GPU node group per pool (GPU_TAINT, IMDSv2 hop limit 1, encrypted volumes).
 * @throws pulumi.InputPropertyError from validateGpuInferenceClusterArgs, before any resource is created
 */
export class GpuInferenceCluster extends pulumi.ComponentResource {
  readonly cluster: aws.eks.Cluster;
  readonly oidcProvider: aws.iam.OpenIdConnectProvider;
  readonly oidcIssuer: pulumi.Output<string>;
  readonly nodeRole: aws.iam.Role;
  readonly nodeSecurityGroupId: pulumi.Output<string>;
  readonly systemNodeGroup: aws.eks.NodeGroup;

  constructor(name: string, args: GpuInferenceClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:aws:GpuInferenceCluster", name, args, opts);
    validateGpuInferenceClusterArgs(args);
    const parent = { parent: this };

    const clusterRole = new aws.iam.Role(
      `${name}-cluster-role`,
      { assumeRolePolicy: JSON.stringify(serviceTrustPolicy("eks.amazonaws.com")), tags: args.tags },
      parent,
    );
    const clusterPolicy = new aws.iam.RolePolicyAttachment(
      `${name}-cluster-policy`,
      { role: clusterRole.name, policyArn: "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy" },
      parent,
    );
    // EKS writes control-plane logs to this group; creating it first sets KMS and retention.
    const logGroup = new aws.cloudwatch.LogGroup(
      `${name}-control-plane-logs`,
      {
        name: `/aws/eks/${name}/cluster`,
        retentionInDays: args.logRetentionDays ?? 365,
        kmsKeyId: args.logKeyArn,
        tags: args.tags,
      },
      parent,
    );

    this.cluster = new aws.eks.Cluster(
      `${name}`,
      {
        name,
        version: args.kubernetesVersion ?? "1.33",
        roleArn: clusterRole.arn,
        vpcConfig: {
          subnetIds: args.privateSubnetIds,
          endpointPrivateAccess: true,
          endpointPublicAccess: args.publicEndpoint ?? false,
          ...(args.publicEndpoint ? { publicAccessCidrs: [...(args.publicAccessCidrs ?? [])] } : {}),
        },
        encryptionConfig: { provider: { keyArn: args.secretsKeyArn }, resources: ["secrets"] },
        enabledClusterLogTypes: [...CONTROL_PLANE_LOG_TYPES],
        accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false },
        tags: args.tags,
      },
      { parent: this, dependsOn: [clusterPolicy, logGroup] },
    );

    this.oidcIssuer = this.cluster.identities.apply((identities) => identities[0]?.oidcs?.[0]?.issuer ?? "");
    this.oidcProvider = new aws.iam.OpenIdConnectProvider(
      `${name}-oidc`,
      { url: this.oidcIssuer, clientIdLists: ["sts.amazonaws.com"], tags: args.tags },
      parent,
    );

    const node = nodeRoleWithPolicies(name, args.tags, this);
    this.nodeRole = node.role;
    const nodePolicies = node.policies;

    const volume = (deviceName: string, volumeSize: number) => ({
      deviceName,
      ebs: {
        encrypted: "true",
        kmsKeyId: args.volumeKeyArn,
        volumeSize,
        volumeType: "gp3",
        deleteOnTermination: "true",
      },
    });
    const template = new aws.ec2.LaunchTemplate(
      `${name}-system-lt`,
      {
        // IMDSv2 only, and a hop limit of 1 so pods cannot reach the node's credentials (FSBP EC2.8).
        metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 },
        blockDeviceMappings: [volume("/dev/xvda", 50)],
        tagSpecifications: [{ resourceType: "instance", tags: { ...args.tags, "llmops:pool": "system" } }],
        tags: args.tags,
      },
      parent,
    );
    // The system group runs Karpenter, the gateway and the other CPU workloads.
    this.systemNodeGroup = new aws.eks.NodeGroup(
      `${name}-system`,
      {
        clusterName: this.cluster.name,
        nodeRoleArn: this.nodeRole.arn,
        subnetIds: args.privateSubnetIds,
        instanceTypes: ["m6i.large"],
        amiType: "AL2023_x86_64_STANDARD",
        scalingConfig: { minSize: 2, desiredSize: 2, maxSize: 4 },
        launchTemplate: { id: template.id, version: pulumi.interpolate`${template.latestVersion}` },
        labels: { "llmops.dev/pool": "system" },
        taints: [],
        updateConfig: { maxUnavailable: 1 },
        tags: args.tags,
      },
      { parent: this, dependsOn: nodePolicies },
    );
    this.nodeSecurityGroupId = this.cluster.vpcConfig.apply((config) => config.clusterSecurityGroupId ?? "");
    this.registerOutputs({
      clusterName: this.cluster.name,
      endpoint: this.cluster.endpoint,
      oidcProviderArn: this.oidcProvider.arn,
    });
  }
}
