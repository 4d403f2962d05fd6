/**
 * The AWS components as registered for every `target: aws` example (offline plan under
 * Pulumi mocks): security properties of what is built, not snapshots.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { bundleBuilt } from "./helpers/tools.js";
import { examplesFor, ofType, planExample, type Plan, type Resource } from "./helpers/plans.js";
import { SELF_HOSTED_RUNTIMES } from "../schemas/spec-constants.js";

const ready = bundleBuilt();
const examples = examplesFor("aws");

function statements(document: string | undefined): any[] {
  return document ? (JSON.parse(document) as { Statement: any[] }).Statement : [];
}

describe.skipIf(!ready).each(examples)("AWS plan of %s", (example) => {
  let plan: Plan;
  let byId: Map<string, Resource>;
  beforeAll(() => {
    plan = planExample(example);
    byId = new Map(plan.resources.map((resource) => [`mocked-${resource.name}`, resource]));
  });

  const hasCluster = () => ofType(plan, "aws:eks/cluster:Cluster").length > 0;

  it("builds an EKS cluster with a private endpoint, KMS secrets encryption, every log type, API auth and no bootstrap admin", () => {
    if (!hasCluster()) return expect(plan.spec.spec.pattern).toBe("embedded");
    const [cluster] = ofType(plan, "aws:eks/cluster:Cluster");
    expect(cluster!.props.vpcConfig.endpointPrivateAccess).toBe(true);
    expect(cluster!.props.vpcConfig.endpointPublicAccess).toBe(false);
    expect(cluster!.props.encryptionConfig.resources).toEqual(["secrets"]);
    expect(cluster!.props.encryptionConfig.provider.keyArn).toMatch(/^arn:aws:kms:/);
    expect([...cluster!.props.enabledClusterLogTypes].sort()).toEqual([
      "api",
      "audit",
      "authenticator",
      "controllerManager",
      "scheduler",
    ]);
    expect(cluster!.props.accessConfig).toEqual({
      authenticationMode: "API",
      bootstrapClusterCreatorAdminPermissions: false,
    });
    expect(ofType(plan, "aws:iam/openIdConnectProvider:OpenIdConnectProvider")[0]!.props.clientIdLists).toEqual([
      "sts.amazonaws.com",
    ]);
  });

  it("requires IMDSv2 with hop limit 1 and encrypted volumes on every launch template", () => {
    const templates = ofType(plan, "aws:ec2/launchTemplate:LaunchTemplate");
    if (hasCluster()) expect(templates.length).toBeGreaterThanOrEqual(1);
    for (const template of templates) {
      expect(template.props.metadataOptions).toMatchObject({ httpTokens: "required", httpPutResponseHopLimit: 1 });
      for (const device of template.props.blockDeviceMappings)
        expect(device.ebs).toMatchObject({ encrypted: "true", kmsKeyId: expect.stringMatching(/^arn:aws:kms:/) });
    }
  });

  it("puts nodes in private subnets only; GPU groups, if any, are tainted and labelled", () => {
    for (const group of ofType(plan, "aws:eks/nodeGroup:NodeGroup")) {
      for (const subnetId of group.props.subnetIds)
        expect(byId.get(subnetId)?.props.tags["llmops:tier"]).toBe("private");
      if (group.props.labels["llmops.dev/pool"] === "gpu") {
        expect(group.props.taints).toEqual([{ key: "nvidia.com/gpu", value: "present", effect: "NO_SCHEDULE" }]);
        expect(group.props.instanceTypes[0]).toMatch(/^(g6|g5|g6e|p4d|p5)\./);
        // The AMI ships the NVIDIA driver and device plugin, so nvidia.com/gpu is allocatable.
        expect(group.props.amiType).toBe("BOTTLEROCKET_x86_64_NVIDIA");
      }
    }
    for (const subnet of ofType(plan, "aws:ec2/subnet:Subnet")) expect(subnet.props.mapPublicIpOnLaunch).toBe(false);
  });

  it("keeps model weights on an encrypted EFS cache reached only from the nodes, mounted by the EFS CSI add-on", () => {
    if (
      !hasCluster() ||
      !plan.spec.spec.models.some((model: any) =>
        (SELF_HOSTED_RUNTIMES as readonly string[]).includes(model.serving.runtime),
      )
    )
      return;
    const [fileSystem] = ofType(plan, "aws:efs/fileSystem:FileSystem");
    expect(fileSystem!.props).toMatchObject({ encrypted: true, kmsKeyId: expect.stringMatching(/^arn:aws:kms:/) });
    expect(ofType(plan, "aws:efs/mountTarget:MountTarget").length).toBe(plan.spec.spec.target.availabilityZones);
    expect(ofType(plan, "aws:eks/addon:Addon").map((addon) => addon.props.addonName)).toContain("aws-efs-csi-driver");
    const [storageClass] = ofType(plan, "kubernetes:storage.k8s.io/v1:StorageClass");
    expect(storageClass!.props).toMatchObject({
      provisioner: "efs.csi.aws.com",
      parameters: { provisioningMode: "efs-ap" },
    });
    for (const claim of ofType(plan, "kubernetes:core/v1:PersistentVolumeClaim").filter((candidate) =>
      candidate.props.metadata.name.startsWith("weights-"),
    )) {
      expect(claim.props.spec.storageClassName).toBe(storageClass!.props.metadata.name);
    }
  });

  it("gives node roles only the worker, CNI and ECR read-only policies", () => {
    const nodeRoles = ofType(plan, "aws:iam/role:Role").filter((role) => role.name.endsWith("-node-role"));
    // The system group's role, and Karpenter's GPU node role when a self-hosted model needs GPUs.
    const karpenter = ofType(plan, "llmops:aws:KarpenterIam").length;
    if (hasCluster()) expect(nodeRoles).toHaveLength(1 + karpenter);
    for (const role of nodeRoles) {
      const roleName = (role.props.name as string | undefined) ?? role.name;
      const attached = ofType(plan, "aws:iam/rolePolicyAttachment:RolePolicyAttachment")
        .filter((attachment) => attachment.props.role === roleName)
        .map((attachment) => attachment.props.policyArn);
      expect(attached.sort()).toEqual([
        "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
        "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
        "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
      ]);
      expect(
        ofType(plan, "aws:iam/rolePolicy:RolePolicy").filter((policy) => policy.props.role === `mocked-${role.name}`),
      ).toEqual([]);
    }
  });

  it("rotates every KMS key and grants no wildcard principal", () => {
    const keys = ofType(plan, "aws:kms/key:Key");
    expect(keys.length).toBeGreaterThanOrEqual(5);
    for (const key of keys) {
      expect(key.props.enableKeyRotation).toBe(true);
      for (const statement of statements(key.props.policy)) {
        expect(statement.Principal).not.toBe("*");
        expect(JSON.stringify(statement.Principal)).not.toMatch(/"AWS":"\*"/);
      }
    }
  });

  it("secures every bucket: Block Public Access, SSE-KMS, versioning, TLS-only policy", () => {
    const buckets = ofType(plan, "aws:s3/bucket:Bucket");
    expect(buckets.length).toBeGreaterThanOrEqual(2);
    for (const bucket of buckets) {
      const id = `mocked-${bucket.name}`;
      const pab = ofType(plan, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").find(
        (resource) => resource.props.bucket === id,
      );
      expect(pab?.props).toMatchObject({
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      });
      const sse = ofType(
        plan,
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
      ).find((resource) => resource.props.bucket === id);
      expect(sse?.props.rules[0].applyServerSideEncryptionByDefault).toMatchObject({
        sseAlgorithm: "aws:kms",
        kmsMasterKeyId: expect.stringMatching(/^arn:aws:kms:/),
      });
      expect(
        ofType(plan, "aws:s3/bucketVersioning:BucketVersioning").find((resource) => resource.props.bucket === id)?.props
          .versioningConfiguration.status,
      ).toBe("Enabled");
      const policy = ofType(plan, "aws:s3/bucketPolicy:BucketPolicy").find((resource) => resource.props.bucket === id);
      expect(
        statements(policy?.props.policy).some(
          (statement) => statement.Effect === "Deny" && statement.Condition?.Bool?.["aws:SecureTransport"] === "false",
        ),
      ).toBe(true);
    }
  });

  it("keeps audit records write-once (Object Lock, compliance mode) with a validated CloudTrail trail", () => {
    const locked = ofType(plan, "aws:s3/bucket:Bucket").filter((bucket) => bucket.props.objectLockEnabled === true);
    expect(locked).toHaveLength(1);
    const lock = ofType(plan, "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration")[0]!;
    expect(lock.props.rule.defaultRetention).toEqual({
      mode: "COMPLIANCE",
      days: plan.spec.spec.observability.audit.retentionDays,
    });
    const [trail] = ofType(plan, "aws:cloudtrail/trail:Trail");
    expect(trail!.props).toMatchObject({
      enableLogFileValidation: true,
      isMultiRegionTrail: true,
      kmsKeyId: expect.stringMatching(/^arn:aws:kms:/),
    });
    expect(trail!.props.eventSelectors[0].dataResources[0].type).toBe("AWS::S3::Object");
    for (const group of ofType(plan, "aws:cloudwatch/logGroup:LogGroup"))
      expect(group.props.kmsKeyId).toMatch(/^arn:aws:kms:/);
  });

  it("opens no security group to 0.0.0.0/0 and locks the default security group", () => {
    for (const group of ofType(plan, "aws:ec2/securityGroup:SecurityGroup")) {
      for (const rule of group.props.ingress ?? []) expect(rule.cidrBlocks ?? []).not.toContain("0.0.0.0/0");
    }
    for (const group of ofType(plan, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"))
      expect(group.props).toMatchObject({ ingress: [], egress: [] });
    if (hasCluster()) expect(ofType(plan, "aws:ec2/flowLog:FlowLog")[0]!.props.trafficType).toBe("ALL");
  });

  it("keeps the vector store private, encrypted and IAM-authenticated", () => {
    for (const cluster of ofType(plan, "aws:rds/cluster:Cluster")) {
      expect(cluster.props).toMatchObject({
        storageEncrypted: true,
        iamDatabaseAuthenticationEnabled: true,
        deletionProtection: true,
        enabledCloudwatchLogsExports: ["postgresql"],
      });
      expect(cluster.props.kmsKeyId).toMatch(/^arn:aws:kms:/);
      expect(cluster.props.backupRetentionPeriod).toBeGreaterThanOrEqual(7);
    }
    for (const instance of ofType(plan, "aws:rds/clusterInstance:ClusterInstance"))
      expect(instance.props.publiclyAccessible).toBe(false);
    if (plan.spec.spec.vectorStore?.engine === "auroraPgvector")
      expect(ofType(plan, "aws:rds/cluster:Cluster")).toHaveLength(1);
  });

  it("pins every IRSA trust to one service account with the STS audience, and grants no wildcard", () => {
    const irsa = ofType(plan, "aws:iam/role:Role").filter((role) =>
      role.props.assumeRolePolicy.includes("AssumeRoleWithWebIdentity"),
    );
    if (hasCluster()) expect(irsa.length).toBeGreaterThanOrEqual(3);
    for (const role of irsa) {
      const [statement] = statements(role.props.assumeRolePolicy);
      const conditions = statement.Condition.StringEquals as Record<string, string>;
      const sub = Object.entries(conditions).find(([key]) => key.endsWith(":sub"))![1];
      expect(sub).toMatch(/^system:serviceaccount:[a-z0-9-]+:[a-z0-9-]+$/);
      expect(Object.entries(conditions).find(([key]) => key.endsWith(":aud"))![1]).toBe("sts.amazonaws.com");
    }
    for (const policy of ofType(plan, "aws:iam/rolePolicy:RolePolicy")) {
      for (const statement of statements(policy.props.policy)) {
        for (const action of [statement.Action].flat()) expect(action).not.toMatch(/(^\*$|:\*$)/);
        // Resource * only for reads IAM cannot scope to a resource (Karpenter's Describe calls, region-bound).
        if ([statement.Resource].flat().includes("*")) {
          for (const action of [statement.Action].flat())
            expect(action).toMatch(/^[a-z0-9-]+:(Describe|List)[A-Za-z]*$/);
          expect(statement.Condition?.StringEquals?.["aws:RequestedRegion"]).toBe(plan.spec.spec.target.region);
        }
      }
    }
    const breakGlass = ofType(plan, "aws:iam/role:Role").find((role) => role.name.endsWith("-break-glass"));
    if (breakGlass)
      expect(statements(breakGlass.props.assumeRolePolicy)[0].Condition.Bool["aws:MultiFactorAuthPresent"]).toBe(
        "true",
      );
  });

  it("creates VPC endpoints for the services the spec uses", () => {
    if (!hasCluster()) return;
    const services = ofType(plan, "aws:ec2/vpcEndpoint:VpcEndpoint").map((endpoint) =>
      String(endpoint.props.serviceName).split(".").slice(3).join("."),
    );
    for (const service of plan.spec.spec.network.privateEndpoints) expect(services).toContain(service);
    if (plan.spec.spec.blackBoxApi?.provider === "bedrock") expect(services).toContain("bedrock-runtime");
  });
});
