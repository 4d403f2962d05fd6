/**
 * IAM roles per workload, each trusted only by its own Kubernetes service account (IRSA,
 * audience sts.amazonaws.com) and allowed only the actions on the resources it needs, plus
 * an audited break-glass role that requires MFA and a short session.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { document, irsaTrustPolicy, type Statement } from "./iam-documents.js";

export const WORKLOADS = ["inference", "retrieval", "ingestion", "feedback", "evaluation"] as const;
export type Workload = (typeof WORKLOADS)[number];

export interface WorkloadGrant {
  readonly actions: readonly string[];
  /** Exact ARNs (or ARN prefixes ending in /*) the actions apply to; never "*". */
  readonly resources: readonly pulumi.Input<string>[];
}

/** One extra IRSA role: its key (role name suffix and roleArns key), its service account and its grants. */
export interface AdditionalRole {
  /** Role name suffix and key of additionalRoleArns (e.g. `retrieval-brand-a`). */
  readonly key: string;
  /** The one service account (in the namespace) that may assume the role. */
  readonly serviceAccount: string;
  /** What the role may do (at least one grant; no wildcards). */
  readonly grants: readonly WorkloadGrant[];
  /** Tags added to the role (beside the component's). @default none */
  readonly tags?: Record<string, string>;
}

export interface AccessControlsArgs {
  /** AWS account id (12 digits) the resources and their policies live in. */
  readonly accountId: pulumi.Input<string>;
  /** ARN of the EKS cluster's IAM OIDC provider, trusted by the IRSA roles. */
  readonly oidcProviderArn: pulumi.Input<string>;
  /** The cluster's OIDC issuer URL; its host (without https://) scopes the roles' trust conditions. */
  readonly oidcIssuer: pulumi.Input<string>;
  /** Namespace of the workloads' service accounts. */
  readonly namespace: string;
  /** What each workload may do; a workload without grants gets no role. */
  readonly grants: Partial<Record<Workload, readonly WorkloadGrant[]>>;
  /**
   * Roles beyond the fixed workloads, each trusted only by its own service account (IRSA), e.g. the
   * per-tenant retrieval and ingestion roles of a partitioned vector store and the store's
   * provisioner. Keys become role names `<name>-<key>` and must not repeat a workload's. @default none
   */
  readonly additionalRoles?: readonly AdditionalRole[];
  /** Create the break-glass role. @default true */
  readonly breakGlass?: boolean;
  /** Tags added to every AWS resource this component creates. @default none */
  readonly tags?: Record<string, string>;
}

/**
 * Checks AccessControlsArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - grants.${workload}[${index}].actions: wildcard actions are not allowed
 *  - grants.${workload}[${index}].resources: wildcard resources are not allowed (also for additional roles, by key)
 *  - additionalRoles: keys not unique or a workload's, or a service account trusted by two roles
 */
export function validateAccessControlsArgs(args: AccessControlsArgs): void {
  const keys = (args.additionalRoles ?? []).map((role) => role.key);
  if (new Set(keys).size !== keys.length || keys.some((key) => (WORKLOADS as readonly string[]).includes(key)))
    throw new pulumi.InputPropertyError({
      propertyPath: "additionalRoles",
      reason: "role keys must be unique and differ from the workloads': one role per identity",
    });
  const accounts = [
    ...Object.keys(args.grants).map((workload) => serviceAccountName(workload as Workload)),
    ...(args.additionalRoles ?? []).map((role) => role.serviceAccount),
  ];
  if (new Set(accounts).size !== accounts.length)
    throw new pulumi.InputPropertyError({
      propertyPath: "additionalRoles",
      reason: "each role is trusted by its own service account, never one another role trusts",
    });
  const all: Array<[string, readonly WorkloadGrant[] | undefined]> = [
    ...Object.entries(args.grants),
    ...(args.additionalRoles ?? []).map((role): [string, readonly WorkloadGrant[]] => [role.key, role.grants]),
  ];
  for (const [workload, grants] of all) {
    for (const [index, grant] of (grants ?? []).entries()) {
      if (grant.actions.some((action) => action === "*" || action.endsWith(":*"))) {
        throw new pulumi.InputPropertyError({
          propertyPath: `grants.${workload}[${index}].actions`,
          reason: "wildcard actions are not allowed",
        });
      }
      if (grant.resources.some((resource) => resource === "*")) {
        throw new pulumi.InputPropertyError({
          propertyPath: `grants.${workload}[${index}].resources`,
          reason: "wildcard resources are not allowed",
        });
      }
    }
  }
}

/** IAM role name of a workload; deterministic, so other components can name the ARN before the role exists. */
export function workloadRoleName(prefix: string, workload: Workload): string {
  return `${prefix}-${workload}`.slice(0, 64);
}

/** IAM role name of an additional role (same rule as workloadRoleName). */
export function additionalRoleName(prefix: string, key: string): string {
  return `${prefix}-${key}`.slice(0, 64);
}

/** Service account name of a workload in the stack's namespace. */
export function serviceAccountName(workload: Workload): string {
  return `${workload}-sa`;
}

/**
 * One IAM role per workload, trusted only by that workload's service account through IRSA and granted only its own statements, and, when enabled, the MFA-only break-glass role (sessions of at most 3,600 s).
 * @throws pulumi.InputPropertyError from validateAccessControlsArgs, before any resource is created
 */
export class AccessControls extends pulumi.ComponentResource {
  readonly roles: Partial<Record<Workload, aws.iam.Role>>;
  readonly roleArns: Partial<Record<Workload, pulumi.Output<string>>>;
  /** ARNs of the additional roles, by key. */
  readonly additionalRoleArns: Record<string, pulumi.Output<string>> = {};
  readonly breakGlassRole?: aws.iam.Role;

  constructor(name: string, args: AccessControlsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:aws:AccessControls", name, args, opts);
    validateAccessControlsArgs(args);
    const parent = { parent: this };
    this.roles = {};
    this.roleArns = {};
    const irsaRole = (
      resourceName: string,
      roleName: string,
      account: string,
      grants: readonly WorkloadGrant[],
      tags: Record<string, string>,
    ): aws.iam.Role => {
      const trust = pulumi
        .all([args.oidcProviderArn, args.oidcIssuer])
        .apply(([arn, issuer]) => JSON.stringify(irsaTrustPolicy(arn, issuer, args.namespace, account)));
      const role = new aws.iam.Role(
        resourceName,
        { name: roleName, assumeRolePolicy: trust, maxSessionDuration: 3600, tags: { ...args.tags, ...tags } },
        parent,
      );
      const resolvedResources: pulumi.Output<string[]>[] = grants.map((grant) => pulumi.all([...grant.resources]));
      const policy = pulumi.all(resolvedResources).apply((resolved: string[][]) =>
        JSON.stringify(
          document(
            ...grants.map((grant, i): Statement => ({
              Effect: "Allow",
              Action: [...grant.actions],
              Resource: resolved[i] ?? [],
            })),
          ),
        ),
      );
      new aws.iam.RolePolicy(`${resourceName}-policy`, { role: role.id, policy }, parent);
      return role;
    };
    for (const workload of WORKLOADS) {
      const grants = args.grants[workload];
      if (!grants || grants.length === 0) continue;
      const role = irsaRole(
        `${name}-${workload}`,
        workloadRoleName(name, workload),
        serviceAccountName(workload),
        grants,
        { "llmops:workload": workload },
      );
      this.roles[workload] = role;
      this.roleArns[workload] = role.arn;
    }
    for (const extra of args.additionalRoles ?? []) {
      const role = irsaRole(
        `${name}-${extra.key}`,
        additionalRoleName(name, extra.key),
        extra.serviceAccount,
        extra.grants,
        { "llmops:workload": extra.key, ...extra.tags },
      );
      this.additionalRoleArns[extra.key] = role.arn;
    }
    if (args.breakGlass ?? true) {
      const trust = pulumi.output(args.accountId).apply((account) =>
        JSON.stringify(
          document({
            Effect: "Allow",
            Principal: { AWS: `arn:aws:iam::${account}:root` },
            Action: "sts:AssumeRole",
            // Emergency use only: MFA within the last hour; every assumption is in CloudTrail.
            Condition: {
              Bool: { "aws:MultiFactorAuthPresent": "true" },
              NumericLessThan: { "aws:MultiFactorAuthAge": "3600" },
            },
          }),
        ),
      );
      this.breakGlassRole = new aws.iam.Role(
        `${name}-break-glass`,
        {
          assumeRolePolicy: trust,
          maxSessionDuration: 3600,
          tags: { ...args.tags, "llmops:break-glass": "true", "llmops:audited": "cloudtrail" },
        },
        parent,
      );
    }
    this.registerOutputs({
      roleArns: this.roleArns,
      additionalRoleArns: this.additionalRoleArns,
      breakGlassRoleArn: this.breakGlassRole?.arn,
    });
  }
}
