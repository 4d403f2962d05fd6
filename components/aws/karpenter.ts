/**
 * Node autoscaling on EKS with Karpenter: GPU nodes are launched when model replicas are
 * Pending and removed when they are empty. Two components, because one half is AWS and the
 * other half lives in the cluster:
 *
 * - `KarpenterIam` (AWS): the controller's IRSA role with a least-privilege inline policy, the
 *   node role with its instance profile and EKS access entry, the interruption queue with its
 *   EventBridge rules, and the discovery tag on the cluster security group (EKS creates that group;
 *   the private subnets carry the tag from PrivateNetwork's `privateSubnetTags`, since a Pulumi
 *   Subnet owns all its tags and would remove one added beside it).
 * - `KarpenterNodePools` (Kubernetes): the Karpenter chart at a pinned version, its CRDs from the
 *   `karpenter-crd` chart of the same version, one `EC2NodeClass` and one `NodePool` per GPU type.
 *
 * Choices, each with its reason:
 *
 * - **Karpenter, not the Cluster Autoscaler.** Karpenter picks the instance size from the pending
 *   pods' requests and launches it directly through EC2 Fleet, without one managed node group per
 *   size; GPU nodes start minutes sooner and the spec's GPU type maps onto one NodePool whose
 *   requirements name the instance family (`INSTANCE_FAMILIES`). It is what the ai-on-eks GPU
 *   blueprints run.
 * - **No static GPU node group.** Nothing must run on a GPU node before Karpenter starts:
 *   Karpenter itself runs on the system node group (node selector `llmops.dev/pool: system`), the
 *   DCGM exporter is a DaemonSet that follows the nodes, and the weights-cache Job runs on any node.
 *   `GpuInferenceCluster` therefore builds only the system group.
 * - **IRSA**, like every other role in this stack (the cluster already has the OIDC provider; Pod
 *   Identity would need its agent add-on and a second trust pattern). The trust names only
 *   `kube-system:karpenter`.
 * - **Controller policy.** Karpenter's documented controller policy (karpenter.sh,
 *   reference/cloudformation, v1.6), narrowed: subnets and the security group by exact ARN, SSM
 *   reads only under the Bottlerocket parameters, `iam:PassRole` and `iam:GetInstanceProfile` on
 *   this node role and profile only, the queue by ARN, `eks:DescribeCluster` on this cluster, KMS
 *   on the volume key only through EC2. Instances, volumes, network interfaces, fleets and launch
 *   templates stay `*` behind the cluster tag (`aws:RequestTag`/`aws:ResourceTag`
 *   `kubernetes.io/cluster/<name>: owned`), as the document has them: their ids do not exist
 *   before launch. Left out: the instance-profile create/tag/delete actions (the profile is built
 *   here and named in the EC2NodeClass), `pricing:GetProducts` and the Spot request ARN (see
 *   below). Karpenter runs with `isolatedVPC`, so it calls only services with a VPC endpoint;
 *   `EKS_ENDPOINT_SERVICES` lists the ones the stack adds.
 * - **On-demand only, no Spot.** A Spot GPU node gets a two-minute warning, shorter than a model
 *   server's drain (`terminationGracePeriodSeconds`, 120 s by default) plus the next replica's
 *   weight load; a reclaimed node would drop requests. The interruption queue is still built: it
 *   carries AWS Health scheduled-maintenance events and instance state changes, which Karpenter
 *   drains ahead of, so no Spot or rebalance rules are needed.
 * - **Bottlerocket.** The EC2NodeClass takes the `bottlerocket` AMI alias; for GPU instance types
 *   Karpenter resolves the `aws-k8s-<version>-nvidia` variant, which ships the NVIDIA driver and
 *   device plugin (as the managed node groups did). `@latest` is the default so nodes pick up
 *   security releases; a new AMI is drift, which the disruption budget paces one node at a time.
 * - **Node settings.** IMDSv2 only with hop limit 1, the OS and data volumes encrypted with the
 *   volume key, and the kubelet's `maxPods`, system reservation and eviction threshold pinned to
 *   the figures gpu-instance-types computes allocatable from (Karpenter computes kube-reserved with
 *   the same formula), so replica requests sized there fit here.
 * - **Consolidation `WhenEmpty`.** Karpenter removes a GPU node only when no replica runs on it
 *   (after KEDA scaled down), never to repack replicas onto fewer nodes: moving a replica reloads
 *   gigabytes of weights. `consolidateAfter` is the spec's scale-down stabilisation window, so a
 *   node emptied by a brief dip is kept for the next rise.
 * - **Disruption budget `nodes: "1"`.** At most one GPU node is voluntarily disrupted (emptied,
 *   drifted) at a time. A replica on a node being drained is evicted through the Eviction API, so
 *   its PodDisruptionBudget (inference-service, `maxUnavailable: 1`) holds and its `preStop` drain
 *   and `terminationGracePeriodSeconds` let in-flight requests finish: no replica is cut
 *   mid-request. `karpenter.sh/do-not-disrupt` on serving pods is not used: it would block every
 *   AMI update for as long as the pool has a replica. `expireAfter` is 720 h so nodes are
 *   replaced monthly; the NodePool sets no `terminationGracePeriod`, so an expiring node waits for
 *   the PDB rather than forcing pods off.
 * - **Limits** per NodePool: `nvidia.com/gpu` up to the spec's replica bounds times the GPUs each
 *   replica needs, in whole nodes of the size the replicas were sized for (`nodeCounts`).
 * - **Install.** The controller comes from the Karpenter Helm chart at `KARPENTER_CHART_VERSION`
 *   through `helm.v3.Release` (Pulumi's Helm provider), because its RBAC and CRDs are versioned
 *   with it; the controller image is the spec's mirrored `platform.images.karpenter`, pinned by
 *   digest (a private VPC reaches no public registry). CRDs come from the `karpenter-crd` chart so
 *   upgrades update them (Helm never upgrades a chart's `crds/`). The chart's pods are not visible
 *   to the offline plan's checks; what it renders is documented by the chart version.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import { document, irsaTrustPolicy, type PolicyDocument, type Statement } from "./iam-documents.js";
import {
  INSTANCE_FAMILIES,
  INSTANCE_SHAPES,
  EVICTION_HARD_MEMORY_MIB,
  MAX_PODS,
  SYSTEM_RESERVED,
  VM_MEMORY_OVERHEAD,
} from "./gpu-instance-types.js";
import { nodeCounts, nodeRoleWithPolicies, type GpuPool } from "./gpu-inference-cluster.js";
import { requirePinnedDigest, type PinnedImage } from "../kubernetes/workload-basics.js";

/** Karpenter chart and CRD chart version (https://karpenter.sh/v1.6/, Kubernetes 1.29 to 1.33). */
export const KARPENTER_CHART_VERSION = "1.6.6";
export const KARPENTER_CHART_REPOSITORY = "oci://public.ecr.aws/karpenter";
/** Where the controller runs and the service account its IRSA role trusts. */
export const KARPENTER_SERVICE_ACCOUNT = { namespace: "kube-system", name: "karpenter" } as const;
/** Tag that selects the subnets and security group Karpenter launches nodes into. */
export const DISCOVERY_TAG = "karpenter.sh/discovery";
/** VPC endpoint services an isolated-VPC Karpenter and its nodes call beyond the stack's defaults. */
export const EKS_ENDPOINT_SERVICES = ["ec2", "ssm", "sqs", "eks"] as const;
/** EventBridge events sent to the interruption queue (on-demand capacity: no Spot or rebalance events). */
export const INTERRUPTION_EVENTS: ReadonlyArray<{
  readonly id: string;
  readonly source: string;
  readonly detailType: string;
}> = [
  { id: "health", source: "aws.health", detailType: "AWS Health Event" },
  { id: "state-change", source: "aws.ec2", detailType: "EC2 Instance State-change Notification" },
];
/** The one voluntary-disruption budget of every GPU NodePool. */
export const GPU_DISRUPTION_BUDGETS = [{ nodes: "1" }] as const;
/** Node lifetime before Karpenter replaces it (its default, explicit). */
export const GPU_NODE_EXPIRY = "720h";
/** Bottlerocket volumes: OS and data (images, emptyDir); weights live on the shared cache. */
export const GPU_NODE_VOLUMES_GIB = { os: 8, data: 200 } as const;

/** Inputs of the controller policy; ARNs and ids as plain strings. */
export interface ControllerPolicyInputs {
  readonly region: string;
  readonly accountId: string;
  readonly clusterName: string;
  readonly nodeRoleArn: string;
  readonly instanceProfileArn: string;
  readonly queueArn: string;
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly volumeKeyArn: string;
}

/**
 * Karpenter's controller policy, narrowed to this cluster (see the file comment for each
 * narrowing and its source). Pure, so its least privilege is unit-tested.
 */
export function karpenterControllerPolicy(inputs: ControllerPolicyInputs): PolicyDocument {
  const { region, accountId, clusterName } = inputs;
  const ec2 = (resource: string) => `arn:aws:ec2:${region}:*:${resource}`;
  const launched = ["fleet/*", "instance/*", "volume/*", "network-interface/*", "launch-template/*"].map(ec2);
  const clusterTag = `kubernetes.io/cluster/${clusterName}`;
  const statements: Statement[] = [
    {
      Sid: "AllowLaunchIntoThisNetwork",
      Effect: "Allow",
      Action: ["ec2:RunInstances", "ec2:CreateFleet"],
      Resource: [
        ...inputs.subnetIds.map((id) => `arn:aws:ec2:${region}:${accountId}:subnet/${id}`),
        ...inputs.securityGroupIds.map((id) => `arn:aws:ec2:${region}:${accountId}:security-group/${id}`),
      ],
    },
    // The AMI and its snapshots are what an instance is launched from; their ids change with every Bottlerocket release.
    {
      Sid: "AllowLaunchFromImages",
      Effect: "Allow",
      Action: ["ec2:RunInstances", "ec2:CreateFleet"],
      Resource: [`arn:aws:ec2:${region}::image/*`, `arn:aws:ec2:${region}::snapshot/*`],
    },
    {
      Sid: "AllowLaunchWithOwnTemplates",
      Effect: "Allow",
      Action: ["ec2:RunInstances", "ec2:CreateFleet"],
      Resource: ec2("launch-template/*"),
      Condition: { StringEquals: { [`aws:ResourceTag/${clusterTag}`]: "owned" } },
    },
    {
      Sid: "AllowScopedEC2InstanceActionsWithTags",
      Effect: "Allow",
      Action: ["ec2:RunInstances", "ec2:CreateFleet", "ec2:CreateLaunchTemplate"],
      Resource: launched,
      Condition: {
        StringEquals: { [`aws:RequestTag/${clusterTag}`]: "owned" },
        StringLike: { "aws:RequestTag/karpenter.sh/nodepool": "*" },
      },
    },
    {
      Sid: "AllowScopedResourceCreationTagging",
      Effect: "Allow",
      Action: "ec2:CreateTags",
      Resource: launched,
      Condition: {
        StringEquals: {
          [`aws:RequestTag/${clusterTag}`]: "owned",
          "ec2:CreateAction": ["RunInstances", "CreateFleet", "CreateLaunchTemplate"],
        },
        StringLike: { "aws:RequestTag/karpenter.sh/nodepool": "*" },
      },
    },
    {
      Sid: "AllowScopedResourceTagging",
      Effect: "Allow",
      Action: "ec2:CreateTags",
      Resource: ec2("instance/*"),
      Condition: {
        StringEquals: { [`aws:ResourceTag/${clusterTag}`]: "owned" },
        StringLike: { "aws:ResourceTag/karpenter.sh/nodepool": "*" },
        "ForAllValues:StringEquals": { "aws:TagKeys": ["karpenter.sh/nodeclaim", "Name"] },
      },
    },
    {
      Sid: "AllowScopedDeletion",
      Effect: "Allow",
      Action: ["ec2:TerminateInstances", "ec2:DeleteLaunchTemplate"],
      Resource: [ec2("instance/*"), ec2("launch-template/*")],
      Condition: {
        StringEquals: { [`aws:ResourceTag/${clusterTag}`]: "owned" },
        StringLike: { "aws:ResourceTag/karpenter.sh/nodepool": "*" },
      },
    },
    {
      Sid: "AllowRegionalReadActions",
      Effect: "Allow",
      Action: [
        "ec2:DescribeAvailabilityZones",
        "ec2:DescribeImages",
        "ec2:DescribeInstances",
        "ec2:DescribeInstanceTypeOfferings",
        "ec2:DescribeInstanceTypes",
        "ec2:DescribeLaunchTemplates",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeSpotPriceHistory",
        "ec2:DescribeSubnets",
      ],
      Resource: "*",
      Condition: { StringEquals: { "aws:RequestedRegion": region } },
    },
    {
      Sid: "AllowBottlerocketAmiLookup",
      Effect: "Allow",
      Action: "ssm:GetParameter",
      Resource: `arn:aws:ssm:${region}::parameter/aws/service/bottlerocket/*`,
    },
    {
      Sid: "AllowInterruptionQueueActions",
      Effect: "Allow",
      Action: ["sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage"],
      Resource: inputs.queueArn,
    },
    {
      Sid: "AllowPassingInstanceRole",
      Effect: "Allow",
      Action: "iam:PassRole",
      Resource: inputs.nodeRoleArn,
      Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
    },
    {
      Sid: "AllowInstanceProfileRead",
      Effect: "Allow",
      Action: "iam:GetInstanceProfile",
      Resource: inputs.instanceProfileArn,
    },
    {
      Sid: "AllowAPIServerEndpointDiscovery",
      Effect: "Allow",
      Action: "eks:DescribeCluster",
      Resource: `arn:aws:eks:${region}:${accountId}:cluster/${clusterName}`,
    },
    {
      // Volumes encrypted with the customer-managed key: EC2 creates them with the caller's grant.
      Sid: "AllowVolumeKeyThroughEC2",
      Effect: "Allow",
      Action: ["kms:GenerateDataKeyWithoutPlaintext", "kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey"],
      Resource: inputs.volumeKeyArn,
      Condition: { StringEquals: { "kms:ViaService": `ec2.${region}.amazonaws.com` } },
    },
  ];
  return document(...statements);
}

/** The queue policy: EventBridge (and SQS itself) may send, nothing else. */
export function interruptionQueuePolicy(queueArn: string, accountId: string): PolicyDocument {
  return document({
    Sid: "EventBridgeSendsInterruptions",
    Effect: "Allow",
    Principal: { Service: ["events.amazonaws.com", "sqs.amazonaws.com"] },
    Action: "sqs:SendMessage",
    Resource: queueArn,
    Condition: { StringEquals: { "aws:SourceAccount": accountId } },
  });
}

/** Instance types a GPU pool may launch: the family's sizes from the one its replicas were sized for, up. */
export function allowedInstanceTypes(pool: GpuPool): string[] {
  const shapes = INSTANCE_SHAPES[pool.gpu];
  const sized = nodeCounts(pool).instanceType;
  const from = shapes.findIndex((shape) => shape.instanceType === sized);
  return shapes
    .slice(Math.max(0, from))
    .filter((shape) => shape.gpus >= pool.gpusPerReplica)
    .map((shape) => shape.instanceType);
}

/** Most GPUs a pool's nodes may hold: whole nodes of the sized type for the spec's maximum replicas. */
export function gpuLimit(pool: GpuPool): number {
  const counts = nodeCounts(pool);
  const shape = INSTANCE_SHAPES[pool.gpu].find((candidate) => candidate.instanceType === counts.instanceType)!;
  return counts.max * shape.gpus;
}

/** Name of a GPU type's NodePool. */
export function nodePoolName(pool: GpuPool): string {
  return `gpu-${pool.gpu.toLowerCase()}`;
}

/**
 * The `karpenter.sh/v1` NodePool of one GPU pool: tainted and labelled as the model servers
 * expect (inference-service), on-demand, the family and sizes of its GPU type, GPU limits from
 * the replica bounds, consolidation only of empty nodes after `consolidateAfterSeconds`, and one
 * node disrupted at a time.
 */
export function gpuNodePoolSpec(
  pool: GpuPool,
  nodeClassName: string,
  consolidateAfterSeconds: number,
): Record<string, unknown> {
  return {
    template: {
      metadata: { labels: { "llmops.dev/pool": "gpu", "llmops.dev/gpu": pool.gpu, "nvidia.com/gpu.present": "true" } },
      spec: {
        nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: nodeClassName },
        taints: [{ key: "nvidia.com/gpu", value: "present", effect: "NoSchedule" }],
        requirements: [
          { key: "karpenter.k8s.aws/instance-family", operator: "In", values: [INSTANCE_FAMILIES[pool.gpu]] },
          { key: "node.kubernetes.io/instance-type", operator: "In", values: allowedInstanceTypes(pool) },
          { key: "karpenter.sh/capacity-type", operator: "In", values: ["on-demand"] },
          { key: "kubernetes.io/arch", operator: "In", values: ["amd64"] },
          { key: "kubernetes.io/os", operator: "In", values: ["linux"] },
        ],
        expireAfter: GPU_NODE_EXPIRY,
      },
    },
    limits: { "nvidia.com/gpu": String(gpuLimit(pool)) },
    disruption: {
      consolidationPolicy: "WhenEmpty",
      consolidateAfter: `${consolidateAfterSeconds}s`,
      budgets: GPU_DISRUPTION_BUDGETS.map((budget) => ({ ...budget })),
    },
  };
}

/** Inputs of the EC2NodeClass; `clusterName` selects the discovery-tagged subnets and security group. */
export interface NodeClassInputs {
  readonly clusterName: pulumi.Input<string>;
  readonly instanceProfile: pulumi.Input<string>;
  readonly volumeKeyArn: pulumi.Input<string>;
  /** @default "bottlerocket@latest" */
  readonly amiAlias?: string;
  /** Tags added to the launched instances and volumes. @default none */
  readonly tags?: Record<string, string>;
}

/** The `karpenter.k8s.aws/v1` EC2NodeClass of the GPU nodes. */
export function gpuNodeClassSpec(inputs: NodeClassInputs): Record<string, unknown> {
  const volume = (deviceName: string, gib: number) => ({
    deviceName,
    ebs: {
      volumeSize: `${gib}Gi`,
      volumeType: "gp3",
      encrypted: true,
      kmsKeyID: inputs.volumeKeyArn,
      deleteOnTermination: true,
    },
  });
  return {
    amiSelectorTerms: [{ alias: inputs.amiAlias ?? "bottlerocket@latest" }],
    instanceProfile: inputs.instanceProfile,
    subnetSelectorTerms: [{ tags: { [DISCOVERY_TAG]: inputs.clusterName } }],
    securityGroupSelectorTerms: [{ tags: { [DISCOVERY_TAG]: inputs.clusterName } }],
    // IMDSv2 only, and a hop limit of 1 so pods cannot reach the node's credentials (FSBP EC2.8).
    metadataOptions: {
      httpEndpoint: "enabled",
      httpProtocolIPv6: "disabled",
      httpPutResponseHopLimit: 1,
      httpTokens: "required",
    },
    blockDeviceMappings: [volume("/dev/xvda", GPU_NODE_VOLUMES_GIB.os), volume("/dev/xvdb", GPU_NODE_VOLUMES_GIB.data)],
    kubelet: {
      maxPods: MAX_PODS,
      systemReserved: { cpu: `${SYSTEM_RESERVED.cpuMilli}m`, memory: `${SYSTEM_RESERVED.memoryMiB}Mi` },
      evictionHard: { "memory.available": `${EVICTION_HARD_MEMORY_MIB}Mi` },
    },
    tags: { ...inputs.tags, "llmops:pool": "gpu" },
  };
}

export interface KarpenterIamArgs {
  /** The stack's AWS account id (12 digits); the controller policy's ARNs are scoped to it. */
  readonly accountId: pulumi.Input<string>;
  /** AWS region the controller policy is scoped to (e.g. eu-west-1). */
  readonly region: string;
  /** EKS cluster name: the value of the discovery and ownership tags. */
  readonly clusterName: pulumi.Input<string>;
  /** ARN of the cluster's IAM OIDC provider, trusted by the controller role (IRSA). */
  readonly oidcProviderArn: pulumi.Input<string>;
  /** The cluster's OIDC issuer URL; the trust is limited to its `kube-system:karpenter` subject. */
  readonly oidcIssuer: pulumi.Input<string>;
  /** Subnets GPU nodes are launched into; they must carry `DISCOVERY_TAG` = the cluster name. */
  readonly privateSubnetIds: pulumi.Input<string>[];
  /** The cluster security group (tagged for discovery); nodes need it to reach the control plane. */
  readonly clusterSecurityGroupId: pulumi.Input<string>;
  /** Key of the nodes' EBS volumes. */
  readonly volumeKeyArn: pulumi.Input<string>;
  /** Key of the interruption queue; its policy must let EventBridge and SQS use it. */
  readonly queueKeyArn: pulumi.Input<string>;
  /** Tags added to every AWS resource this component creates. @default none */
  readonly tags?: Record<string, string>;
}

/** Throws InputPropertyError (propertyPath `privateSubnetIds` or `region`) without a subnet or with an empty region. */
export function validateKarpenterIamArgs(args: KarpenterIamArgs): void {
  if (args.privateSubnetIds.length === 0)
    throw new pulumi.InputPropertyError({
      propertyPath: "privateSubnetIds",
      reason: "GPU nodes need at least one subnet",
    });
  if (args.region.trim() === "")
    throw new pulumi.InputPropertyError({
      propertyPath: "region",
      reason: "the region the controller policy is scoped to",
    });
}

/** What Karpenter needs from AWS: its role, the nodes' role, the interruption queue, discovery tags. */
export class KarpenterIam extends pulumi.ComponentResource {
  readonly controllerRoleArn: pulumi.Output<string>;
  readonly nodeRole: aws.iam.Role;
  readonly instanceProfile: aws.iam.InstanceProfile;
  readonly queue: aws.sqs.Queue;
  /** Resources the node pools must wait for (access entry, discovery tags, policy). */
  readonly ready: pulumi.Resource[];

  constructor(name: string, args: KarpenterIamArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:aws:KarpenterIam", name, args, opts);
    validateKarpenterIamArgs(args);
    const parent = { parent: this };

    const node = nodeRoleWithPolicies(name, args.tags, this);
    this.nodeRole = node.role;
    const nodePolicies = node.policies;
    this.instanceProfile = new aws.iam.InstanceProfile(
      `${name}-node-profile`,
      { role: this.nodeRole.name, tags: args.tags },
      parent,
    );
    // Nodes join through an access entry (the cluster authenticates with API mode only).
    const access = new aws.eks.AccessEntry(
      `${name}-node-access`,
      { clusterName: args.clusterName, principalArn: this.nodeRole.arn, type: "EC2_LINUX", tags: args.tags },
      { parent: this, dependsOn: nodePolicies },
    );

    this.queue = new aws.sqs.Queue(
      `${name}-interruptions`,
      {
        messageRetentionSeconds: 300,
        kmsMasterKeyId: args.queueKeyArn,
        kmsDataKeyReusePeriodSeconds: 300,
        tags: args.tags,
      },
      parent,
    );
    new aws.sqs.QueuePolicy(
      `${name}-interruptions-policy`,
      {
        queueUrl: this.queue.url,
        policy: pulumi
          .all([this.queue.arn, args.accountId])
          .apply(([arn, account]) => JSON.stringify(interruptionQueuePolicy(arn, account))),
      },
      parent,
    );
    for (const event of INTERRUPTION_EVENTS) {
      const rule = new aws.cloudwatch.EventRule(
        `${name}-${event.id}`,
        {
          description: `${event.detailType} to Karpenter's interruption queue`,
          eventPattern: JSON.stringify({ source: [event.source], "detail-type": [event.detailType] }),
          tags: args.tags,
        },
        parent,
      );
      new aws.cloudwatch.EventTarget(`${name}-${event.id}-target`, { rule: rule.name, arn: this.queue.arn }, parent);
    }

    const tags = [
      new aws.ec2.Tag(
        `${name}-sg-discovery`,
        { resourceId: args.clusterSecurityGroupId, key: DISCOVERY_TAG, value: args.clusterName },
        parent,
      ),
    ];

    const controllerRole = new aws.iam.Role(
      `${name}-controller-role`,
      {
        assumeRolePolicy: pulumi
          .all([args.oidcProviderArn, args.oidcIssuer])
          .apply(([arn, issuer]) =>
            JSON.stringify(
              irsaTrustPolicy(arn, issuer, KARPENTER_SERVICE_ACCOUNT.namespace, KARPENTER_SERVICE_ACCOUNT.name),
            ),
          ),
        tags: args.tags,
      },
      parent,
    );
    const policy = new aws.iam.RolePolicy(
      `${name}-controller-policy`,
      {
        role: controllerRole.name,
        policy: pulumi
          .output({
            accountId: args.accountId,
            clusterName: args.clusterName,
            nodeRoleArn: this.nodeRole.arn,
            instanceProfileArn: this.instanceProfile.arn,
            queueArn: this.queue.arn,
            subnetIds: args.privateSubnetIds,
            securityGroupId: args.clusterSecurityGroupId,
            volumeKeyArn: args.volumeKeyArn,
          })
          .apply(({ securityGroupId, ...inputs }) =>
            JSON.stringify(
              karpenterControllerPolicy({ region: args.region, ...inputs, securityGroupIds: [securityGroupId] }),
            ),
          ),
      },
      parent,
    );
    this.controllerRoleArn = controllerRole.arn;
    this.ready = [access, policy, ...tags];
    this.registerOutputs({
      controllerRoleArn: this.controllerRoleArn,
      nodeRoleArn: this.nodeRole.arn,
      queueUrl: this.queue.url,
    });
  }
}

export interface KarpenterNodePoolsArgs {
  /** EKS cluster name (the chart's `settings.clusterName`, the discovery tag value). */
  readonly clusterName: pulumi.Input<string>;
  /** EKS API endpoint URL (the chart's `settings.clusterEndpoint`). */
  readonly clusterEndpoint: pulumi.Input<string>;
  /** IRSA role the controller's service account assumes (`KarpenterIam.controllerRoleArn`). */
  readonly controllerRoleArn: pulumi.Input<string>;
  /** SQS queue of interruption and health events (`KarpenterIam.queue.name`). */
  readonly interruptionQueueName: pulumi.Input<string>;
  /** Instance profile of the GPU nodes (`KarpenterIam.instanceProfile.name`). */
  readonly instanceProfile: pulumi.Input<string>;
  /** KMS key of the nodes' encrypted gp3 volumes. */
  readonly volumeKeyArn: pulumi.Input<string>;
  /** The controller image, mirrored at the chart's version and pinned by digest. */
  readonly controllerImage: PinnedImage;
  /** One NodePool per GPU pool. */
  readonly gpuPools: readonly GpuPool[];
  /** Seconds an empty GPU node is kept before removal. @default 300 */
  readonly consolidateAfterSeconds?: number;
  /** @default "bottlerocket@latest" */
  readonly amiAlias?: string;
  /** Tags added to the launched instances and volumes. @default none */
  readonly tags?: Record<string, string>;
}

/**
 * Throws InputPropertyError when the controller image is not pinned by sha256 digest, the AMI alias
 * is not a Bottlerocket one, or the consolidation delay is out of range.
 */
export function validateKarpenterNodePoolsArgs(args: KarpenterNodePoolsArgs): void {
  requirePinnedDigest(args.controllerImage.digest, "controllerImage.digest");
  if (args.amiAlias !== undefined && !/^bottlerocket@(latest|v\d+\.\d+\.\d+)$/.test(args.amiAlias)) {
    throw new pulumi.InputPropertyError({
      propertyPath: "amiAlias",
      reason:
        "GPU nodes run Bottlerocket, whose NVIDIA variant ships the driver and device plugin: bottlerocket@latest or bottlerocket@vX.Y.Z",
    });
  }
  const after = args.consolidateAfterSeconds ?? 300;
  if (!Number.isInteger(after) || after < 0)
    throw new pulumi.InputPropertyError({
      propertyPath: "consolidateAfterSeconds",
      reason: "a whole number of seconds, at least 0",
    });
  const names = args.gpuPools.map(nodePoolName);
  if (new Set(names).size !== names.length)
    throw new pulumi.InputPropertyError({ propertyPath: "gpuPools", reason: "one pool per GPU type" });
}

/** The Karpenter controller (Helm, pinned) and the GPU EC2NodeClass and NodePools. */
export class KarpenterNodePools extends pulumi.ComponentResource {
  readonly nodePoolNames: string[];

  constructor(name: string, args: KarpenterNodePoolsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:aws:KarpenterNodePools", name, args, opts);
    validateKarpenterNodePoolsArgs(args);
    const crds = new k8s.helm.v3.Release(
      `${name}-crds`,
      {
        name: "karpenter-crd",
        chart: `${KARPENTER_CHART_REPOSITORY}/karpenter-crd`,
        version: KARPENTER_CHART_VERSION,
        namespace: KARPENTER_SERVICE_ACCOUNT.namespace,
      },
      { parent: this },
    );
    const controller = new k8s.helm.v3.Release(
      `${name}-controller`,
      {
        name: "karpenter",
        chart: `${KARPENTER_CHART_REPOSITORY}/karpenter`,
        version: KARPENTER_CHART_VERSION,
        namespace: KARPENTER_SERVICE_ACCOUNT.namespace,
        skipCrds: true,
        values: {
          serviceAccount: {
            name: KARPENTER_SERVICE_ACCOUNT.name,
            annotations: { "eks.amazonaws.com/role-arn": args.controllerRoleArn },
          },
          // On the system node group, never on a node it manages.
          nodeSelector: { "kubernetes.io/os": "linux", "llmops.dev/pool": "system" },
          replicas: 2,
          controller: {
            image: {
              repository: args.controllerImage.repository,
              tag: KARPENTER_CHART_VERSION,
              digest: args.controllerImage.digest,
            },
            // Half the documented 1 CPU: the system nodes are m6i.large and one pool holds tens of nodes, not thousands.
            resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { memory: "1Gi" } },
          },
          settings: {
            clusterName: args.clusterName,
            clusterEndpoint: args.clusterEndpoint,
            interruptionQueue: args.interruptionQueueName,
            // Only services with a VPC endpoint; no pricing API (the stack's VPC has no internet route).
            isolatedVPC: true,
            vmMemoryOverheadPercent: VM_MEMORY_OVERHEAD,
          },
          serviceMonitor: { enabled: true },
        },
      },
      { parent: this, dependsOn: [crds] },
    );
    const nodeClassName = "llmops-gpu";
    const nodeClass = new k8s.apiextensions.CustomResource(
      `${name}-gpu-class`,
      {
        apiVersion: "karpenter.k8s.aws/v1",
        kind: "EC2NodeClass",
        metadata: { name: nodeClassName },
        spec: gpuNodeClassSpec({
          clusterName: args.clusterName,
          instanceProfile: args.instanceProfile,
          volumeKeyArn: args.volumeKeyArn,
          ...(args.amiAlias ? { amiAlias: args.amiAlias } : {}),
          ...(args.tags ? { tags: args.tags } : {}),
        }),
      },
      { parent: this, dependsOn: [crds, controller] },
    );
    this.nodePoolNames = args.gpuPools.map(nodePoolName);
    for (const pool of args.gpuPools) {
      new k8s.apiextensions.CustomResource(
        `${name}-${nodePoolName(pool)}`,
        {
          apiVersion: "karpenter.sh/v1",
          kind: "NodePool",
          metadata: { name: nodePoolName(pool), labels: { "llmops.dev/gpu": pool.gpu } },
          spec: gpuNodePoolSpec(pool, nodeClassName, args.consolidateAfterSeconds ?? 300),
        },
        { parent: this, dependsOn: [nodeClass] },
      );
    }
    this.registerOutputs({ nodePools: this.nodePoolNames });
  }
}
