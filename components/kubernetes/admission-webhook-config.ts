/**
 * The ValidatingWebhookConfiguration of `llmops admission serve`, as a plain object (no Pulumi
 * import), shared by the tests against the local API server and the install manifests.
 *
 * Settings, and why:
 * - failurePolicy Fail: when the webhook cannot answer, nothing it would judge is admitted.
 * - timeoutSeconds 5 (the API server's own default and maximum are 10 and 30): the webhook refuses a
 *   decision over its own budget (2 s by default) long before that.
 * - sideEffects None, so dry-run requests are judged too; admissionReviewVersions [v1].
 * - The system namespaces are excluded by a namespaceSelector on the immutable
 *   kubernetes.io/metadata.name label (the server excludes them again), so the control plane can
 *   always start its own pods, and the webhook's own namespace is excluded so it can restart itself.
 * - Rules: every kind a runtime check judges at admission: pods and the workload kinds, Services,
 *   NetworkPolicies, Ingresses, RBAC, ServiceAccounts, ResourceQuotas and the serving custom
 *   resources (KServe, KubeRay, LeaderWorkerSet), on CREATE and UPDATE.
 */

/** Where the API server reaches the webhook: a Service in the cluster, or a URL (tests, out-of-cluster). */
export type WebhookEndpoint =
  | { readonly service: { readonly namespace: string; readonly name: string; readonly port?: number } }
  | { readonly url: string };

export interface WebhookConfigurationArgs {
  /** metadata.name of the configuration. @default "llmops-admission" */
  readonly name?: string;
  /** Where the API server sends AdmissionReviews: an in-cluster Service or a URL. */
  readonly endpoint: WebhookEndpoint;
  /** Base64 PEM of the CA that signed the serving certificate; omit when cert-manager injects it. @default none (cert-manager's CA injector fills it from the annotations) */
  readonly caBundle?: string;
  /** Namespaces never sent to the webhook. @default kube-system, kube-public, kube-node-lease */
  readonly excludedNamespaces?: readonly string[];
  /** Annotations (cert-manager's inject-ca-from). @default none */
  readonly annotations?: Readonly<Record<string, string>>;
  /** @default 5 (seconds; the API server allows 1 to 30) */
  readonly timeoutSeconds?: number;
}

export const WEBHOOK_PATH = "/validate";

/** The API groups and resources the webhook judges. */
export const ADMISSION_RULES: ReadonlyArray<{ apiGroups: string[]; apiVersions: string[]; resources: string[] }> = [
  { apiGroups: [""], apiVersions: ["v1"], resources: ["pods", "services", "serviceaccounts", "resourcequotas"] },
  { apiGroups: ["apps"], apiVersions: ["v1"], resources: ["deployments", "statefulsets", "daemonsets", "replicasets"] },
  { apiGroups: ["batch"], apiVersions: ["v1"], resources: ["jobs", "cronjobs"] },
  { apiGroups: ["networking.k8s.io"], apiVersions: ["v1"], resources: ["networkpolicies", "ingresses"] },
  {
    apiGroups: ["rbac.authorization.k8s.io"],
    apiVersions: ["v1"],
    resources: ["roles", "rolebindings", "clusterroles", "clusterrolebindings"],
  },
  {
    apiGroups: ["serving.kserve.io"],
    apiVersions: ["*"],
    resources: ["inferenceservices", "servingruntimes", "clusterservingruntimes", "llminferenceservices"],
  },
  { apiGroups: ["ray.io"], apiVersions: ["*"], resources: ["rayclusters", "rayservices", "rayjobs"] },
  { apiGroups: ["leaderworkerset.x-k8s.io"], apiVersions: ["*"], resources: ["leaderworkersets"] },
];

export const DEFAULT_WEBHOOK_EXCLUDED_NAMESPACES: readonly string[] = ["kube-system", "kube-public", "kube-node-lease"];

/** The admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration object. */
export function validatingWebhookConfiguration(args: WebhookConfigurationArgs): Record<string, unknown> {
  const clientConfig: Record<string, unknown> =
    "url" in args.endpoint
      ? { url: args.endpoint.url }
      : {
          service: {
            namespace: args.endpoint.service.namespace,
            name: args.endpoint.service.name,
            port: args.endpoint.service.port ?? 443,
            path: WEBHOOK_PATH,
          },
        };
  if (args.caBundle !== undefined) clientConfig.caBundle = args.caBundle;
  return {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingWebhookConfiguration",
    metadata: {
      name: args.name ?? "llmops-admission",
      ...(args.annotations ? { annotations: { ...args.annotations } } : {}),
    },
    webhooks: [
      {
        name: "runtime-policies.llmops.dev",
        admissionReviewVersions: ["v1"],
        sideEffects: "None",
        failurePolicy: "Fail",
        matchPolicy: "Equivalent",
        timeoutSeconds: args.timeoutSeconds ?? 5,
        clientConfig,
        namespaceSelector: {
          matchExpressions: [
            {
              key: "kubernetes.io/metadata.name",
              operator: "NotIn",
              values: [...(args.excludedNamespaces ?? DEFAULT_WEBHOOK_EXCLUDED_NAMESPACES)],
            },
          ],
        },
        rules: ADMISSION_RULES.map((rule) => ({ operations: ["CREATE", "UPDATE"], ...rule, scope: "*" })),
      },
    ],
  };
}
