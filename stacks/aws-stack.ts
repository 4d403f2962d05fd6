/**
 * target: aws — composes the AWS components from a validated spec: keys, private network,
 * EKS with GPU node groups, model artifacts, feedback store, vector store, per-workload IAM
 * roles, and the audit trail. The Kubernetes workloads on the cluster come from
 * kubernetes-stack (the Kubernetes-components issue).
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import type { LLMOpsStack } from "../schemas/spec-schema.js";
import { EncryptionKeys } from "../components/aws/encryption-keys.js";
import { PrivateNetwork } from "../components/aws/private-network.js";
import { BEDROCK_INVOKE_ACTIONS, BedrockPrivateEndpoint } from "../components/aws/bedrock-endpoint.js";
import { GpuInferenceCluster, type GpuPool } from "../components/aws/gpu-inference-cluster.js";
import type { GpuType } from "../components/aws/gpu-instance-types.js";
import { SecureBucket } from "../components/aws/secure-bucket.js";
import { FeedbackStore, ModelArtifacts } from "../components/aws/data-stores.js";
import { VectorStore } from "../components/aws/vector-store.js";
import {
  AccessControls,
  additionalRoleName,
  workloadRoleName,
  type AdditionalRole,
  type Workload,
  type WorkloadGrant,
} from "../components/aws/access-controls.js";
import { AuditTrail, logRetentionFor } from "../components/aws/audit-trail.js";
import { RuntimeMonitoring } from "../components/aws/runtime-monitoring.js";
import { composeWorkloads, MissingPlatformImageError } from "./workloads.js";
import { bedrockModelId, isSelfHosted } from "./model-serving.js";
import { DISCOVERY_TAG, EKS_ENDPOINT_SERVICES, KarpenterIam, KarpenterNodePools } from "../components/aws/karpenter.js";
import { embeddedSources } from "./pattern-workloads.js";
import { WORKLOAD_UID } from "../components/kubernetes/pod-security.js";
import { modelSizing } from "./model-sizing.js";
import { INSTANCE_SHAPES } from "../components/aws/gpu-instance-types.js";
import { ModelCacheStorage } from "../components/aws/model-cache-storage.js";
import { ServingMetrics } from "../components/aws/serving-metrics.js";
import { FineTuningDataStore } from "../components/aws/fine-tuning-data.js";
import { outputModelOf } from "./fine-tuning-workloads.js";
import { vectorTenants } from "./vector-tenancy.js";
import { tenantRoles, VECTOR_DB_PROVISIONER_ROLE } from "../components/kubernetes/vector-database.js";

/** StorageClass of the EFS-backed weights cache on EKS. */
export const MODEL_CACHE_STORAGE_CLASS = "llmops-model-cache";

export interface AwsEnvironment {
  readonly accountId: pulumi.Input<string>;
  readonly region: string;
  readonly availabilityZones: pulumi.Input<string>[];
}

type Model = LLMOpsStack["spec"]["models"][number];
const MANAGED_VECTOR_ENGINES = new Set(["auroraPgvector", "opensearchServerless"]);

/**
 * What RAG ingestion needs beyond the vector store: read the s3:// sources it embeds, and write its
 * data-quality evidence under evidence/ in the feedback bucket (encrypted with the feedback key).
 */
export function ingestionGrants(
  body: LLMOpsStack["spec"],
  feedbackBucketArn: pulumi.Input<string>,
  feedbackKeyArn: pulumi.Input<string>,
): WorkloadGrant[] {
  const buckets = embeddedSources({ spec: body } as LLMOpsStack)
    .map((source) => /^s3:\/\/([a-z0-9.-]{3,63})\/?(.*)$/.exec(source.uri ?? ""))
    .filter((match): match is RegExpExecArray => match !== null);
  return [
    ...(buckets.length > 0
      ? [
          {
            actions: ["s3:GetObject"],
            resources: buckets.map(([, bucket, prefix]) => `arn:aws:s3:::${bucket}/${prefix ?? ""}*`),
          },
        ]
      : []),
    { actions: ["s3:PutObject"], resources: [pulumi.interpolate`${feedbackBucketArn}/evidence/*`] },
    { actions: ["kms:GenerateDataKey"], resources: [feedbackKeyArn] },
  ];
}

/**
 * The IAM roles of a managed store partitioned per tenant (IRSA, one service account each), as
 * AccessControls' additional roles: per tenant `retrieval-<tenant>` (read its collection, or
 * `rds-db:connect` as `<tenant>-reader`) and `ingestion-<tenant>` (write its collection, or connect
 * as `<tenant>-writer`, plus ingestionGrants for that tenant's sources only); for Aurora the
 * provisioning Job's `vector-db-provisioner`, which may read only the RDS-managed master secret.
 * No role reaches two tenants' stores.
 */
export function tenantAccessRoles(
  spec: LLMOpsStack,
  env: AwsEnvironment,
  store: VectorStore,
  tenants: readonly { readonly name: string }[],
  feedbackBucketArn: pulumi.Input<string>,
  keys: { readonly arns: { readonly feedback: pulumi.Input<string>; readonly vectorStore: pulumi.Input<string> } },
): AdditionalRole[] {
  const body = spec.spec;
  const aurora = body.vectorStore?.engine === "auroraPgvector";
  const access = (tenant: string, user: string): WorkloadGrant =>
    aurora
      ? {
          actions: ["rds-db:connect"],
          resources: [
            pulumi.interpolate`arn:aws:rds-db:${env.region}:${env.accountId}:dbuser:${store.tenantResourceArns[tenant]!}/${user}`,
          ],
        }
      : { actions: ["aoss:APIAccessAll"], resources: [store.tenantResourceArns[tenant]!] };
  const roles: AdditionalRole[] = tenants.flatMap((tenant) => {
    const users = tenantRoles(tenant.name);
    const own = { ...body, data: { ...body.data, sources: body.data.sources.filter((s) => s.tenant === tenant.name) } };
    const tags = { "llmops:tenant": tenant.name };
    return [
      {
        key: `retrieval-${tenant.name}`,
        serviceAccount: `retrieval-${tenant.name}-sa`,
        grants: [access(tenant.name, users.reader)],
        tags,
      },
      {
        key: `ingestion-${tenant.name}`,
        serviceAccount: `ingestion-${tenant.name}-sa`,
        grants: [access(tenant.name, users.writer), ...ingestionGrants(own, feedbackBucketArn, keys.arns.feedback)],
        tags,
      },
    ];
  });
  if (aurora && store.masterSecretArn) {
    roles.push({
      key: VECTOR_DB_PROVISIONER_ROLE,
      serviceAccount: `${VECTOR_DB_PROVISIONER_ROLE}-sa`,
      grants: [
        { actions: ["secretsmanager:GetSecretValue"], resources: [store.masterSecretArn] },
        { actions: ["kms:Decrypt"], resources: [keys.arns.vectorStore] },
      ],
    });
  }
  return roles;
}

/** The tags every AWS resource carries: the spec's metadata.labels, then llmops:stack, llmops:environment, llmops:owner (the owner's email) and llmops:pattern, which override a label of the same name. */
export function stackTags(spec: LLMOpsStack): Record<string, string> {
  return {
    ...(spec.metadata.labels as Record<string, string> | undefined),
    "llmops:stack": spec.metadata.name,
    "llmops:environment": spec.metadata.environment,
    "llmops:owner": spec.metadata.owner.email,
    "llmops:pattern": spec.spec.pattern,
  };
}

/**
 * One GPU pool per GPU type: replicas add up, GPUs per replica is the largest asked for, and
 * the instance type is the largest any of its models was sized for (a bigger size of one
 * family offers at least as much CPU and memory per GPU, so every model's requests still fit).
 */
export function gpuPools(models: readonly Model[]): GpuPool[] {
  const pools = new Map<GpuType, GpuPool>();
  for (const model of models) {
    if (!isSelfHosted(model) || model.gpu.type === "none" || model.gpu.count === 0) continue;
    const gpu = model.gpu.type;
    const previous = pools.get(gpu);
    const sized = modelSizing(model).instanceType!;
    const shapes = INSTANCE_SHAPES[gpu];
    const rank = (instanceType: string | undefined) => shapes.findIndex((shape) => shape.instanceType === instanceType);
    pools.set(gpu, {
      gpu,
      gpusPerReplica: Math.max(previous?.gpusPerReplica ?? 0, model.gpu.count),
      instanceType: rank(previous?.instanceType) > rank(sized) ? previous!.instanceType! : sized,
      minReplicas: (previous?.minReplicas ?? 0) + model.replicas.min,
      maxReplicas: (previous?.maxReplicas ?? 0) + model.replicas.max,
    });
  }
  return [...pools.values()];
}

/** ARNs of the spec's Bedrock foundation models in `region` (what the inference role and the bedrock-runtime endpoint policy allow). */
export function bedrockModelArns(spec: LLMOpsStack, region: string): string[] {
  return [
    ...new Set(
      spec.spec.models
        .filter((model) => model.source.type === "bedrock")
        .map((model) => `arn:aws:bedrock:${region}::foundation-model/${bedrockModelId(model)}`),
    ),
  ];
}

/** A kubeconfig that authenticates with `aws eks get-token` (no long-lived credentials). */
export function eksKubeconfig(
  clusterName: string,
  endpoint: string,
  certificateAuthority: string,
  region: string,
): Record<string, unknown> {
  return {
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      { name: clusterName, cluster: { server: endpoint, "certificate-authority-data": certificateAuthority } },
    ],
    contexts: [{ name: clusterName, context: { cluster: clusterName, user: clusterName } }],
    "current-context": clusterName,
    users: [
      {
        name: clusterName,
        user: {
          exec: {
            apiVersion: "client.authentication.k8s.io/v1beta1",
            command: "aws",
            args: ["eks", "get-token", "--cluster-name", clusterName, "--region", region],
            interactiveMode: "Never",
          },
        },
      },
    ],
  };
}

/** True when the AWS stack needs an EKS cluster: any pattern but embedded, or an embedded stack that serves a model itself. */
export function needsCluster(spec: LLMOpsStack): boolean {
  return spec.spec.pattern !== "embedded" || spec.spec.models.some((model) => isSelfHosted(model));
}

/**
 * Builds the AWS stack for a validated spec under `opts` (parent, providers): keys, network, the EKS cluster and GPU pools when needed, stores, access, audit, monitoring and the Kubernetes workloads on the cluster.
 * @returns the stack outputs (names, ARNs, endpoints), Pulumi inputs
 * @throws MissingPlatformImageError when a workload's image is not in the spec, pulumi.InputPropertyError from a component
 */
export function composeAws(
  spec: LLMOpsStack,
  env: AwsEnvironment,
  opts: pulumi.ComponentResourceOptions = {},
): Record<string, pulumi.Input<unknown>> {
  const name = spec.metadata.name;
  const tags = stackTags(spec);
  const body = spec.spec;
  const namespace = body.target.kubernetes?.namespace ?? name;
  const keys = new EncryptionKeys(`${name}-keys`, { accountId: env.accountId, region: env.region, tags }, opts);
  const accessLogs = new SecureBucket(
    `${name}-access-logs`,
    {
      kmsKeyArn: keys.arns.audit,
      expireAfterDays: Math.max(body.observability.audit.retentionDays, 90),
      extraStatements: (arn) => [
        {
          Sid: "S3ServerAccessLogs",
          Effect: "Allow",
          Principal: { Service: "logging.s3.amazonaws.com" },
          Action: "s3:PutObject",
          Resource: `${arn}/*`,
        },
      ],
      tags,
    },
    opts,
  );

  const weights = Object.fromEntries(
    body.models
      .filter((model) => model.source.digest && ["registry", "s3", "huggingface"].includes(model.source.type))
      .map((model) => [model.name, model.source.digest!]),
  );
  const artifacts =
    Object.keys(weights).length > 0
      ? new ModelArtifacts(
          `${name}-models`,
          { kmsKeyArn: keys.arns.modelArtifacts, accessLogBucket: accessLogs.name, models: weights, tags },
          opts,
        )
      : undefined;
  const feedback = new FeedbackStore(
    `${name}-feedback`,
    {
      kmsKeyArn: keys.arns.feedback,
      accessLogBucket: accessLogs.name,
      retentionDays: body.humanFeedback.retentionDays,
      reviewQueue: body.humanFeedback.reviewQueue.enabled,
      tags,
    },
    opts,
  );

  const outputs: Record<string, pulumi.Input<unknown>> = {
    feedbackBucket: feedback.bucket.name,
    ...(artifacts ? { modelWeights: artifacts.weightUris } : {}),
  };

  let cluster: GpuInferenceCluster | undefined;
  let network: PrivateNetwork | undefined;
  const pools = gpuPools(body.models);
  let karpenter: KarpenterIam | undefined;
  if (needsCluster(spec)) {
    // With declared Bedrock models, bedrock-runtime gets its own endpoint (BedrockPrivateEndpoint, below).
    const endpointServices = [
      ...new Set([
        ...body.network.privateEndpoints,
        ...(body.blackBoxApi?.provider === "bedrock" ? ["bedrock-runtime"] : []),
        // Karpenter runs with isolatedVPC: EC2, SSM, SQS and EKS through endpoints.
        ...(pools.length > 0 ? EKS_ENDPOINT_SERVICES : []),
      ]),
    ].filter((service) => service !== "bedrock-runtime" || bedrockModelArns(spec, env.region).length === 0);
    network = new PrivateNetwork(
      `${name}-net`,
      {
        cidrBlock: body.network.vpcCidr,
        availabilityZones: env.availabilityZones,
        natEgress: body.network.egress.mode === "allowlist",
        egressAllowlist: body.network.egress.allowlist,
        endpointServices,
        region: env.region,
        logKeyArn: keys.arns.logs,
        flowLogRetentionDays: logRetentionFor(body.data.retention.logsDays),
        // Karpenter launches GPU nodes into the subnets tagged with the cluster's name (GpuInferenceCluster names the cluster after itself).
        ...(pools.length > 0 ? { privateSubnetTags: { [DISCOVERY_TAG]: `${name}-eks` } } : {}),
        tags,
      },
      opts,
    );
    cluster = new GpuInferenceCluster(
      `${name}-eks`,
      {
        vpcId: network.vpc.id,
        privateSubnetIds: network.privateSubnetIds,
        secretsKeyArn: keys.arns.cluster,
        volumeKeyArn: keys.arns.inference,
        logKeyArn: keys.arns.logs,
        publicEndpoint: body.network.clusterEndpoint.public,
        ...(body.network.clusterEndpoint.public ? { publicAccessCidrs: body.network.clusterEndpoint.publicCidrs } : {}),
        gpuPools: pools,
        logRetentionDays: logRetentionFor(body.data.retention.logsDays),
        tags,
      },
      opts,
    );
    const modelArns = bedrockModelArns(spec, env.region);
    if (modelArns.length > 0) {
      const bedrockEndpoint = new BedrockPrivateEndpoint(
        `${name}-bedrock`,
        {
          vpcId: network.vpc.id,
          subnetIds: network.privateSubnetIds,
          clientSecurityGroupIds: [cluster.nodeSecurityGroupId],
          region: env.region,
          accountId: env.accountId,
          modelArns,
          tags,
        },
        opts,
      );
      outputs.bedrockEndpointId = bedrockEndpoint.endpoint.id;
    }
    outputs.clusterName = cluster.cluster.name;
    outputs.clusterEndpoint = cluster.cluster.endpoint;
    outputs.oidcProviderArn = cluster.oidcProvider.arn;
    outputs.vpcId = network.vpc.id;
    if (pools.length > 0) {
      // GPU nodes come from Karpenter (components/aws/karpenter.ts): its AWS half here, its NodePools on the cluster below.
      karpenter = new KarpenterIam(
        `${name}-karpenter`,
        {
          accountId: env.accountId,
          region: env.region,
          clusterName: cluster.cluster.name,
          oidcProviderArn: cluster.oidcProvider.arn,
          oidcIssuer: cluster.oidcIssuer,
          privateSubnetIds: network.privateSubnetIds,
          clusterSecurityGroupId: cluster.nodeSecurityGroupId,
          volumeKeyArn: keys.arns.inference,
          queueKeyArn: keys.arns.cluster,
          tags,
        },
        opts,
      );
      outputs.karpenterInterruptionQueue = karpenter.queue.url;
    }
  }

  const roleArn = (workload: Workload) =>
    pulumi.interpolate`arn:aws:iam::${env.accountId}:role/${workloadRoleName(`${name}-access`, workload)}`;
  const tenantRoleArn = (workload: "retrieval" | "ingestion", tenant: string) =>
    pulumi.interpolate`arn:aws:iam::${env.accountId}:role/${additionalRoleName(`${name}-access`, `${workload}-${tenant}`)}`;
  const managedEngine = body.vectorStore && MANAGED_VECTOR_ENGINES.has(body.vectorStore.engine);
  // Tenancy on a managed store: each tenant's collection or database, reached only by its own roles.
  const tenants = managedEngine
    ? vectorTenants(spec, (message, path) => new MissingPlatformImageError(message, path))
    : undefined;
  let vectorStore: VectorStore | undefined;
  if (body.vectorStore && managedEngine && cluster && network) {
    vectorStore = new VectorStore(
      `${name}-vectors`,
      {
        engine: body.vectorStore.engine as "auroraPgvector" | "opensearchServerless",
        vpcId: network.vpc.id,
        dataSubnetIds: network.dataSubnetIds,
        clientSecurityGroupId: cluster.nodeSecurityGroupId,
        kmsKeyArn: keys.arns.vectorStore,
        readerRoleArns: [roleArn("retrieval")],
        writerRoleArns: [roleArn("ingestion")],
        ...(tenants
          ? {
              tenants: tenants.map((tenant) => ({
                name: tenant.name,
                store: tenant.store,
                readerRoleArn: tenantRoleArn("retrieval", tenant.name),
                writerRoleArn: tenantRoleArn("ingestion", tenant.name),
              })),
            }
          : {}),
        tags,
      },
      opts,
    );
    outputs.vectorStoreEndpoint = vectorStore.endpoint;
    if (tenants) outputs.vectorTenantEndpoints = vectorStore.tenantEndpoints;
  }

  if (cluster) {
    const grants: Partial<Record<Workload, WorkloadGrant[]>> = {};
    const modelRead: WorkloadGrant[] = artifacts
      ? [
          { actions: ["s3:GetObject"], resources: [pulumi.interpolate`${artifacts.bucket.arn}/models/*`] },
          { actions: ["kms:Decrypt"], resources: [keys.arns.modelArtifacts] },
        ]
      : [];
    const bedrock: WorkloadGrant[] = bedrockModelArns(spec, env.region).map((arn) => ({
      actions: [...BEDROCK_INVOKE_ACTIONS],
      resources: [arn],
    }));
    grants.inference = [...modelRead, ...bedrock];
    grants.evaluation = [
      ...modelRead,
      { actions: ["s3:GetObject"], resources: [pulumi.interpolate`${feedback.bucket.arn}/*`] },
      { actions: ["kms:Decrypt"], resources: [keys.arns.feedback] },
    ];
    grants.feedback = [
      // The review queue and the dataset export (stacks/pattern-workloads.ts) read what they review and export.
      { actions: ["s3:PutObject", "s3:GetObject"], resources: [pulumi.interpolate`${feedback.bucket.arn}/*`] },
      { actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: [keys.arns.feedback] },
      ...(feedback.queue ? [{ actions: ["sqs:SendMessage"], resources: [feedback.queue.arn] }] : []),
    ];
    const additionalRoles: AdditionalRole[] =
      vectorStore && tenants ? tenantAccessRoles(spec, env, vectorStore, tenants, feedback.bucket.arn, keys) : [];
    if (vectorStore && !tenants) {
      const vectorAccess: WorkloadGrant =
        body.vectorStore?.engine === "auroraPgvector"
          ? {
              actions: ["rds-db:connect"],
              resources: [
                pulumi.interpolate`arn:aws:rds-db:${env.region}:${env.accountId}:dbuser:${vectorStore.resourceArn}/retrieval`,
              ],
            }
          : { actions: ["aoss:APIAccessAll"], resources: [vectorStore.resourceArn] };
      grants.retrieval = [vectorAccess];
      grants.ingestion = [
        vectorAccess.actions[0] === "rds-db:connect"
          ? {
              actions: ["rds-db:connect"],
              resources: [
                pulumi.interpolate`arn:aws:rds-db:${env.region}:${env.accountId}:dbuser:${vectorStore.resourceArn}/ingestion`,
              ],
            }
          : vectorAccess,
        ...ingestionGrants(body, feedback.bucket.arn, keys.arns.feedback),
      ];
    }
    const access = new AccessControls(
      `${name}-access`,
      {
        accountId: env.accountId,
        oidcProviderArn: cluster.oidcProvider.arn,
        oidcIssuer: cluster.oidcIssuer,
        namespace,
        grants,
        ...(additionalRoles.length > 0 ? { additionalRoles } : {}),
        breakGlass: body.access.breakGlass.enabled,
        tags,
      },
      opts,
    );
    outputs.roleArns = access.roleArns;
    if (additionalRoles.length > 0) outputs.tenantRoleArns = access.additionalRoleArns;
    if (access.breakGlassRole) {
      // The only cluster-admin path: the audited break-glass role, through an EKS access entry.
      const entry = new aws.eks.AccessEntry(
        `${name}-break-glass-access`,
        { clusterName: cluster.cluster.name, principalArn: access.breakGlassRole.arn, type: "STANDARD", tags },
        opts,
      );
      new aws.eks.AccessPolicyAssociation(
        `${name}-break-glass-admin`,
        {
          clusterName: cluster.cluster.name,
          principalArn: access.breakGlassRole.arn,
          policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
          accessScope: { type: "cluster" },
        },
        { ...opts, dependsOn: [entry] },
      );
      outputs.breakGlassRoleArn = access.breakGlassRole.arn;
    }

    // The workloads run on the new cluster, through a provider authenticated with `aws eks get-token`.
    const kubeconfig = pulumi
      .all([cluster.cluster.name, cluster.cluster.endpoint, cluster.cluster.certificateAuthority.data])
      .apply(([clusterName, endpoint, ca]) => JSON.stringify(eksKubeconfig(clusterName, endpoint, ca, env.region)));
    const k8sProvider = new k8s.Provider(`${name}-eks-k8s`, { kubeconfig, enableServerSideApply: true }, opts);
    // The metrics path the model servers scale on (Prometheus and KEDA); nothing else installs it on a new cluster.
    let metrics: ServingMetrics | undefined;
    if (body.models.some((model) => isSelfHosted(model))) {
      const images = body.platform.images;
      const need = (
        key: "prometheusOperator" | "prometheusConfigReloader" | "prometheus" | "keda" | "kedaMetricsServer",
      ) => {
        const image = images[key];
        if (!image)
          throw new MissingPlatformImageError(
            `spec.platform.images.${key} is required: on target aws the stack installs the Prometheus and KEDA that scale self-hosted models on queue depth`,
            "/spec/platform/images",
          );
        return image;
      };
      metrics = new ServingMetrics(
        `${name}-serving-metrics`,
        {
          monitoringNamespace: body.platform.autoscaling.monitoringNamespace,
          images: {
            prometheusOperator: need("prometheusOperator"),
            prometheusConfigReloader: need("prometheusConfigReloader"),
            prometheus: need("prometheus"),
            keda: need("keda"),
            kedaMetricsServer: need("kedaMetricsServer"),
          },
        },
        { ...(opts.parent ? { parent: opts.parent } : {}), provider: k8sProvider, dependsOn: [cluster] },
      );
    }
    if (karpenter) {
      const controllerImage = body.platform.images.karpenter;
      if (!controllerImage)
        throw new MissingPlatformImageError(
          "spec.platform.images.karpenter is required: target aws launches GPU nodes with Karpenter",
          "/spec/platform/images",
        );
      const nodePools = new KarpenterNodePools(
        `${name}-node-pools`,
        {
          clusterName: cluster.cluster.name,
          clusterEndpoint: cluster.cluster.endpoint,
          controllerRoleArn: karpenter.controllerRoleArn,
          interruptionQueueName: karpenter.queue.name,
          instanceProfile: karpenter.instanceProfile.name,
          volumeKeyArn: keys.arns.inference,
          controllerImage,
          gpuPools: pools,
          consolidateAfterSeconds: body.platform.autoscaling.scaleDownStabilizationSeconds,
          tags,
        },
        {
          ...(opts.parent ? { parent: opts.parent } : {}),
          provider: k8sProvider,
          dependsOn: [cluster, ...karpenter.ready, ...(metrics ? [metrics.crds] : [])],
        },
      );
      outputs.gpuNodePools = nodePools.nodePoolNames;
    }
    let modelCacheClass: k8s.storage.v1.StorageClass | undefined;
    if (network && body.models.some((model) => isSelfHosted(model))) {
      const cacheStorage = new ModelCacheStorage(
        `${name}-model-cache`,
        {
          clusterName: cluster.cluster.name,
          vpcId: network.vpc.id,
          privateSubnetIds: network.privateSubnetIds,
          clientSecurityGroupId: cluster.nodeSecurityGroupId,
          kmsKeyArn: keys.arns.modelArtifacts,
          oidcProviderArn: cluster.oidcProvider.arn,
          oidcIssuer: cluster.oidcIssuer,
          tags,
        },
        opts,
      );
      // Dynamic provisioning through EFS access points, owned by the workloads' non-root UID.
      modelCacheClass = new k8s.storage.v1.StorageClass(
        `${name}-model-cache-class`,
        {
          metadata: { name: MODEL_CACHE_STORAGE_CLASS },
          provisioner: "efs.csi.aws.com",
          reclaimPolicy: "Delete",
          volumeBindingMode: "Immediate",
          parameters: {
            provisioningMode: "efs-ap",
            fileSystemId: cacheStorage.fileSystem.id,
            directoryPerms: "750",
            uid: String(WORKLOAD_UID),
            gid: String(WORKLOAD_UID),
            basePath: "/weights",
          },
        },
        { ...(opts.parent ? { parent: opts.parent } : {}), provider: k8sProvider, dependsOn: [cacheStorage] },
      );
    }
    // Weights come from S3 through the gateway endpoint, whose addresses are the regional S3 prefix list.
    // Pattern fineTuning: the dataset store under its own key, and the pipeline Jobs' IRSA roles.
    const output = outputModelOf(spec);
    const fineTuning =
      body.fineTuning && artifacts && output
        ? new FineTuningDataStore(
            `${name}-fine-tuning`,
            {
              accountId: env.accountId,
              region: env.region,
              accessLogBucket: accessLogs.name,
              oidcProviderArn: cluster.oidcProvider.arn,
              oidcIssuer: cluster.oidcIssuer,
              namespace,
              serviceAccounts: {
                "dataset-gate": "dataset-gate-sa",
                training: "training-sa",
                "fine-tune-eval": "fine-tune-eval-sa",
              },
              sourceUris: body.data.sources
                .filter(
                  (source) =>
                    body.fineTuning!.datasets.some((dataset) => dataset.sources.includes(source.name)) &&
                    source.uri?.startsWith("s3://"),
                )
                .map((source) => source.uri!),
              registry: { bucketArn: artifacts.bucket.arn, kmsKeyArn: keys.arns.modelArtifacts },
              outputModel: output.name,
              ...(body.fineTuning.baseModel.startsWith("s3://") ? { baseWeightsUri: body.fineTuning.baseModel } : {}),
              tags,
            },
            opts,
          )
        : undefined;
    const s3Ranges = aws.ec2.getPrefixListOutput(
      { name: `com.amazonaws.${env.region}.s3` },
      opts.parent ? { parent: opts.parent } : {},
    );
    Object.assign(
      outputs,
      composeWorkloads(spec, {
        opts: { ...(opts.parent ? { parent: opts.parent } : {}), providers: [k8sProvider] },
        awsRoleArns: { ...access.roleArns, ...fineTuning?.roleArns, ...access.additionalRoleArns },
        ...(artifacts ? { weightUris: artifacts.weightUris } : {}),
        fetchEgressCidrs: s3Ranges.cidrBlocks,
        apiEgressCidrs: [body.network.vpcCidr],
        recordSinks: false,
        installDevicePlugin: false,
        ...(metrics ? { metricsReady: metrics.ready } : {}),
        ...(modelCacheClass ? { modelCacheStorageClass: modelCacheClass.metadata.name } : {}),
        ...(fineTuning && artifacts && output
          ? {
              fineTuning: {
                datasetsUri: fineTuning.datasetsUri,
                registryUri: pulumi.interpolate`s3://${artifacts.bucket.name}/models/${output.name}/`,
                evidenceUri: pulumi.interpolate`s3://${artifacts.bucket.name}/evidence/${output.name}/`,
              },
            }
          : {}),
        ...(vectorStore ? { vectorStoreEndpoint: vectorStore.endpoint } : {}),
        ...(vectorStore && tenants
          ? {
              vectorTenancy: {
                endpoints: vectorStore.tenantEndpoints,
                ...(vectorStore.masterSecretArn ? { masterSecretArn: vectorStore.masterSecretArn } : {}),
              },
            }
          : {}),
        evidenceUrl: pulumi.interpolate`s3://${feedback.bucket.name}/evidence/data-quality/`,
        feedbackStoreUrl: pulumi.interpolate`s3://${feedback.bucket.name}/records/`,
        datasetUrl: pulumi.interpolate`s3://${feedback.bucket.name}/datasets/`,
      }),
    );
  }

  const audit = new AuditTrail(
    `${name}-audit`,
    {
      accountId: env.accountId,
      region: env.region,
      kmsKeyArn: keys.arns.audit,
      accessLogBucket: accessLogs.name,
      retentionDays: body.observability.audit.retentionDays,
      dataEventBucketArns: [feedback.bucket.arn, ...(artifacts ? [artifacts.bucket.arn] : [])],
      tags,
    },
    opts,
  );
  outputs.auditBucket = audit.bucket.name;
  outputs.auditTrailArn = audit.trail.arn;

  // GuardDuty EKS Runtime Monitoring in production (LLM-AWS-036); Bedrock invocation logging
  // wherever a Bedrock model is called (LLM-AWS-037).
  const eksRuntimeMonitoring = cluster !== undefined && spec.metadata.environment === "prod";
  const bedrockInvocationLogging =
    body.models.some((model) => model.source.type === "bedrock") || body.blackBoxApi?.provider === "bedrock";
  if (eksRuntimeMonitoring || bedrockInvocationLogging) {
    new RuntimeMonitoring(
      `${name}-monitoring`,
      {
        accountId: env.accountId,
        region: env.region,
        eksRuntimeMonitoring,
        bedrockInvocationLogging,
        logKeyArn: keys.arns.logs,
        // Invocation logs hold prompts and responses: they expire at the shorter of the two
        // retentions (data.retention), rounded up to a period CloudWatch accepts (at least 1 day).
        logRetentionDays: logRetentionFor(
          Math.max(1, Math.min(body.data.retention.promptsDays, body.data.retention.responsesDays)),
        ),
        tags,
      },
      opts,
    );
  }
  return outputs;
}
