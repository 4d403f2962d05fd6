/**
 * Storage for the shared model-weights cache on EKS: an EFS file system, encrypted with the
 * given KMS key, reached from the cluster's nodes only (NFS 2049 from the cluster security
 * group), with a mount target in every private subnet, and the EFS CSI driver add-on (its
 * controller assumes an IRSA role with the AWS-managed AmazonEFSCSIDriverPolicy).
 *
 * Why EFS over a node-local NVMe cache or FSx for Lustre: the weights are written once per
 * digest by one Job and then read by every replica in every zone as a ReadOnlyMany volume,
 * with no hostPath and no per-node prefetch DaemonSet (a node-local cache needs both); and EFS
 * with elastic throughput has no capacity to provision or pay for when idle, where FSx for
 * Lustre needs a fixed-size file system per AZ. The price is load speed: replicas read the
 * weights over NFS, which the startupProbe budget allows for (inference-service).
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { irsaTrustPolicy } from "./iam-documents.js";

/** The EFS CSI controller's service account (the add-on's default). */
export const EFS_CSI_SERVICE_ACCOUNT = { namespace: "kube-system", name: "efs-csi-controller-sa" } as const;

export interface ModelCacheStorageArgs {
  /** Name of the EKS cluster. */
  readonly clusterName: pulumi.Input<string>;
  /** VPC the resources are placed in. */
  readonly vpcId: pulumi.Input<string>;
  /** One mount target per subnet (the nodes' private subnets). */
  readonly privateSubnetIds: pulumi.Input<string>[];
  /** Security group of the cluster's nodes; the only NFS client. */
  readonly clientSecurityGroupId: pulumi.Input<string>;
  /** ARN of the customer-managed KMS key that encrypts the data at rest. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** ARN of the EKS cluster's IAM OIDC provider, trusted by the IRSA roles. */
  readonly oidcProviderArn: pulumi.Input<string>;
  /** The cluster's OIDC issuer URL; its host (without https://) scopes the roles' trust conditions. */
  readonly oidcIssuer: pulumi.Input<string>;
  /** Tags added to every AWS resource this component creates. @default none */
  readonly tags?: Record<string, string>;
}

/**
 * Checks ModelCacheStorageArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - privateSubnetIds: needs at least one subnet for a mount target
 */
export function validateModelCacheStorageArgs(args: ModelCacheStorageArgs): void {
  if (args.privateSubnetIds.length === 0)
    throw new pulumi.InputPropertyError({
      propertyPath: "privateSubnetIds",
      reason: "needs at least one subnet for a mount target",
    });
}

/** EFS for the weights cache and the CSI driver that mounts it. */
export class ModelCacheStorage extends pulumi.ComponentResource {
  readonly fileSystem: aws.efs.FileSystem;
  readonly addon: aws.eks.Addon;

  constructor(name: string, args: ModelCacheStorageArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:aws:ModelCacheStorage", name, args, opts);
    validateModelCacheStorageArgs(args);
    const parent = { parent: this };
    const group = new aws.ec2.SecurityGroup(
      `${name}-nfs`,
      {
        vpcId: args.vpcId,
        description: "NFS from the EKS nodes to the model cache",
        ingress: [
          {
            protocol: "tcp",
            fromPort: 2049,
            toPort: 2049,
            securityGroups: [args.clientSecurityGroupId],
            description: "NFS from cluster nodes",
          },
        ],
        tags: args.tags,
      },
      parent,
    );
    this.fileSystem = new aws.efs.FileSystem(
      `${name}-fs`,
      {
        encrypted: true,
        kmsKeyId: args.kmsKeyArn,
        performanceMode: "generalPurpose",
        throughputMode: "elastic",
        tags: { ...args.tags, Name: name },
      },
      parent,
    );
    const mountTargets = args.privateSubnetIds.map(
      (subnetId, i) =>
        new aws.efs.MountTarget(
          `${name}-mt-${i}`,
          {
            fileSystemId: this.fileSystem.id,
            subnetId,
            securityGroups: [group.id],
          },
          parent,
        ),
    );
    const role = new aws.iam.Role(
      `${name}-csi-role`,
      {
        assumeRolePolicy: pulumi
          .all([args.oidcProviderArn, args.oidcIssuer])
          .apply(([arn, issuer]) =>
            JSON.stringify(
              irsaTrustPolicy(arn, issuer, EFS_CSI_SERVICE_ACCOUNT.namespace, EFS_CSI_SERVICE_ACCOUNT.name),
            ),
          ),
        tags: args.tags,
      },
      parent,
    );
    const attachment = new aws.iam.RolePolicyAttachment(
      `${name}-csi-policy`,
      { role: role.name, policyArn: "arn:aws:iam::aws:policy/service-role/AmazonEFSCSIDriverPolicy" },
      parent,
    );
    this.addon = new aws.eks.Addon(
      `${name}-csi`,
      {
        clusterName: args.clusterName,
        addonName: "aws-efs-csi-driver",
        serviceAccountRoleArn: role.arn,
        resolveConflictsOnCreate: "OVERWRITE",
        tags: args.tags,
      },
      { parent: this, dependsOn: [attachment, ...mountTargets] },
    );
    this.registerOutputs({ fileSystemId: this.fileSystem.id });
  }
}
