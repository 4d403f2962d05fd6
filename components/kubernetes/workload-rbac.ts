/**
 * One service account per workload, and namespace-scoped Roles only where a workload needs
 * the Kubernetes API. No wildcards, no cluster-admin, no bind, escalate or impersonate.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";

export interface RoleRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}

export interface WorkloadIdentity {
  readonly name: string;
  /** IAM role for IRSA (EKS). @default none */
  readonly awsRoleArn?: pulumi.Input<string>;
  /** Labels of the ServiceAccount (e.g. `llmops.dev/tenant` for a tenant's own identity, which LLM-CTRL-011 reads). @default none */
  readonly labels?: Record<string, string>;
  /** Kubernetes API access; most workloads need none. @default [] */
  readonly rules?: readonly RoleRule[];
}

export interface WorkloadRbacArgs {
  /** Namespace the objects are created in. */
  readonly namespace: pulumi.Input<string>;
  /** The workload identities: one ServiceAccount each, with the Role and RoleBinding its grants need. */
  readonly workloads: readonly WorkloadIdentity[];
}

const FORBIDDEN_VERBS = new Set(["*", "bind", "escalate", "impersonate"]);

/**
 * Core-API grants no workload account may hold: the runtime check LLM-K8S-043 and its table
 * rbac_sensitive_grants in policies/data.yaml (CIS Kubernetes Benchmark 5.1.2 secrets, 5.1.4
 * create pods, 5.1.13 service account tokens; pods/exec and pods/attach run commands in pods).
 */
const SENSITIVE_GRANTS: ReadonlyArray<{
  readonly what: string;
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}> = [
  { what: "reading secrets", resources: ["secrets"], verbs: ["get", "list", "watch"] },
  { what: "creating pods", resources: ["pods"], verbs: ["create"] },
  { what: "exec or attach into pods", resources: ["pods/exec", "pods/attach", "pods/*"], verbs: ["create", "get"] },
  {
    what: "minting service account tokens",
    resources: ["serviceaccounts/token", "serviceaccounts/*"],
    verbs: ["create"],
  },
];

/**
 * Checks WorkloadRbacArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - path: wildcard API groups or resources are not allowed
 *  - ${path}.verbs: verbs ${bad.join(", ")} are not allowed
 *  - path: ${grant.what} is not allowed for a workload account
 */
export function validateWorkloadRbacArgs(args: WorkloadRbacArgs): void {
  for (const [i, workload] of args.workloads.entries()) {
    for (const [j, rule] of (workload.rules ?? []).entries()) {
      const path = `workloads[${i}].rules[${j}]`;
      if ([...rule.apiGroups, ...rule.resources].includes("*"))
        throw new pulumi.InputPropertyError({
          propertyPath: path,
          reason: "wildcard API groups or resources are not allowed",
        });
      const bad = rule.verbs.filter((verb) => FORBIDDEN_VERBS.has(verb));
      if (bad.length > 0)
        throw new pulumi.InputPropertyError({
          propertyPath: `${path}.verbs`,
          reason: `verbs ${bad.join(", ")} are not allowed`,
        });
      if (!rule.apiGroups.includes("")) continue;
      for (const grant of SENSITIVE_GRANTS) {
        if (
          rule.resources.some((resource) => grant.resources.includes(resource)) &&
          rule.verbs.some((verb) => grant.verbs.includes(verb))
        ) {
          throw new pulumi.InputPropertyError({
            propertyPath: path,
            reason: `${grant.what} is not allowed for a workload account`,
          });
        }
      }
    }
  }
}

/**
 * One ServiceAccount per workload, `<name>-sa` (the IRSA role annotation when awsRoleArn is given;
 * an API token mounted only when the workload has rules), and for a workload with rules a Role
 * and RoleBinding granting exactly those rules. `serviceAccountNames` maps workload name to account name.
 * @throws pulumi.InputPropertyError from validateWorkloadRbacArgs, before any resource is created
 */
export class WorkloadRbac extends pulumi.ComponentResource {
  readonly serviceAccountNames: Record<string, pulumi.Output<string>>;

  constructor(name: string, args: WorkloadRbacArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:kubernetes:WorkloadRbac", name, args, opts);
    validateWorkloadRbacArgs(args);
    const parent = { parent: this };
    this.serviceAccountNames = {};
    for (const workload of args.workloads) {
      const account = new k8s.core.v1.ServiceAccount(
        `${name}-${workload.name}`,
        {
          metadata: {
            name: `${workload.name}-sa`,
            namespace: args.namespace,
            ...(workload.labels ? { labels: workload.labels } : {}),
            ...(workload.awsRoleArn ? { annotations: { "eks.amazonaws.com/role-arn": workload.awsRoleArn } } : {}),
          },
          // Pods opt in to a token only if they need the API (or IRSA, which projects its own token).
          automountServiceAccountToken: (workload.rules ?? []).length > 0,
        },
        parent,
      );
      this.serviceAccountNames[workload.name] = account.metadata.name;
      if ((workload.rules ?? []).length === 0) continue;
      const role = new k8s.rbac.v1.Role(
        `${name}-${workload.name}-role`,
        {
          metadata: { name: `${workload.name}-role`, namespace: args.namespace },
          rules: (workload.rules ?? []).map((rule) => ({
            apiGroups: [...rule.apiGroups],
            resources: [...rule.resources],
            verbs: [...rule.verbs],
          })),
        },
        parent,
      );
      new k8s.rbac.v1.RoleBinding(
        `${name}-${workload.name}-binding`,
        {
          metadata: { name: `${workload.name}-binding`, namespace: args.namespace },
          roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: role.metadata.name },
          subjects: [{ kind: "ServiceAccount", name: account.metadata.name, namespace: args.namespace }],
        },
        parent,
      );
    }
    this.registerOutputs({ serviceAccountNames: this.serviceAccountNames });
  }
}
