/**
 * The objects that install `llmops admission serve` in a cluster, as plain objects (no Pulumi
 * import): `llmops admission manifests` prints them, and the AdmissionWebhook component
 * (admission-webhook.ts) creates the same objects through the Kubernetes provider.
 *
 *   Namespace            labelled for Pod Security "restricted" (enforce)
 *   ServiceAccount       no API token mounted (the webhook never calls the API server)
 *   Deployment           2 replicas, restricted security contexts, image pinned by digest, limits,
 *                        /healthz probes over HTTPS, spread across nodes
 *   PodDisruptionBudget  minAvailable 1, so a drain never takes both replicas (failurePolicy Fail
 *                        would then refuse every judged object in the cluster)
 *   Service              443 → 8443
 *   NetworkPolicy        ingress to 8443 only; no egress at all
 *   ValidatingWebhookConfiguration   admission-webhook-config.ts
 *   certificate wiring   either cert-manager (an Issuer-signed Certificate whose Secret the pods
 *                        mount, and the CA injected into the configuration by the
 *                        cert-manager.io/inject-ca-from annotation), or a Secret you create from
 *                        your own PEM files with the caBundle given here.
 */
import { validatingWebhookConfiguration } from "./admission-webhook-config.js";
import { restrictedContainerSecurityContext, WORKLOAD_UID } from "./pod-security.js";

/** Port the webhook listens on inside the pod (unprivileged). */
export const WEBHOOK_CONTAINER_PORT = 8443;
/** Non-root UID of the webhook process (as every component workload). */
const WEBHOOK_UID = WORKLOAD_UID;

export type WebhookCertificates =
  /** cert-manager issues the serving certificate from `issuer` (an Issuer in the webhook namespace). */
  | { readonly certManager: { readonly issuer: string } }
  /** A kubernetes.io/tls Secret you create; `caBundle` is the base64 PEM CA that signed it. */
  | { readonly secret: { readonly name: string; readonly caBundle: string } };

export interface AdmissionWebhookManifestArgs {
  /** @default "llmops-admission" */
  readonly namespace?: string;
  /** The toolkit's image, pinned by digest (`…@sha256:<64 hex>`). */
  readonly image: string;
  /** The webhook's serving certificate and key and the CA bundle the API server trusts it with. */
  readonly certificates: WebhookCertificates;
  /** Lowest severity that denies. @default "high" */
  readonly failOn?: "critical" | "high" | "medium" | "low";
  /** @default 2 (at least 2: the PDB keeps one up) */
  readonly replicas?: number;
}

const NAME = "llmops-admission";

/** Throws Error on an image not pinned by digest or fewer than 2 replicas. */
export function validateAdmissionWebhookManifestArgs(args: AdmissionWebhookManifestArgs): void {
  if (!/^[^\s@]+@sha256:[0-9a-f]{64}$/.test(args.image))
    throw new Error(`image ${args.image} is not pinned by digest (…@sha256:<64 hex>)`);
  if (args.replicas !== undefined && (!Number.isInteger(args.replicas) || args.replicas < 2))
    throw new Error("replicas must be an integer of at least 2");
}

/** Every object, in apply order. Throws Error (validateAdmissionWebhookManifestArgs). */
export function admissionWebhookManifests(args: AdmissionWebhookManifestArgs): Array<Record<string, unknown>> {
  validateAdmissionWebhookManifestArgs(args);
  const namespace = args.namespace ?? NAME;
  const labels = { "app.kubernetes.io/name": NAME, "app.kubernetes.io/component": "admission-webhook" };
  const tlsSecret = "certManager" in args.certificates ? `${NAME}-tls` : args.certificates.secret.name;
  const objects: Array<Record<string, unknown>> = [
    {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: {
        name: namespace,
        labels: {
          "pod-security.kubernetes.io/enforce": "restricted",
          "pod-security.kubernetes.io/enforce-version": "latest",
        },
      },
    },
    {
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: { name: NAME, namespace, labels },
      automountServiceAccountToken: false,
    },
  ];
  if ("certManager" in args.certificates) {
    objects.push({
      apiVersion: "cert-manager.io/v1",
      kind: "Certificate",
      metadata: { name: NAME, namespace, labels },
      spec: {
        secretName: tlsSecret,
        dnsNames: [`${NAME}.${namespace}.svc`, `${NAME}.${namespace}.svc.cluster.local`],
        issuerRef: { kind: "Issuer", name: args.certificates.certManager.issuer },
        privateKey: { algorithm: "ECDSA", size: 256, rotationPolicy: "Always" },
        duration: "2160h",
        renewBefore: "360h",
      },
    });
  }
  objects.push(
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: NAME, namespace, labels },
      spec: {
        replicas: args.replicas ?? 2,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: NAME,
            automountServiceAccountToken: false,
            securityContext: {
              runAsNonRoot: true,
              runAsUser: WEBHOOK_UID,
              runAsGroup: WEBHOOK_UID,
              seccompProfile: { type: "RuntimeDefault" },
            },
            priorityClassName: "system-cluster-critical",
            topologySpreadConstraints: [
              {
                maxSkew: 1,
                topologyKey: "kubernetes.io/hostname",
                whenUnsatisfiable: "ScheduleAnyway",
                labelSelector: { matchLabels: labels },
              },
            ],
            containers: [
              {
                name: "webhook",
                image: args.image,
                args: [
                  "admission",
                  "serve",
                  "--cert",
                  "/tls/tls.crt",
                  "--key",
                  "/tls/tls.key",
                  "--port",
                  String(WEBHOOK_CONTAINER_PORT),
                  "--fail-on",
                  args.failOn ?? "high",
                ],
                ports: [{ name: "https", containerPort: WEBHOOK_CONTAINER_PORT, protocol: "TCP" }],
                readinessProbe: { httpGet: { path: "/healthz", port: "https", scheme: "HTTPS" }, periodSeconds: 5 },
                livenessProbe: {
                  httpGet: { path: "/healthz", port: "https", scheme: "HTTPS" },
                  periodSeconds: 10,
                  failureThreshold: 3,
                },
                resources: { requests: { cpu: "100m", memory: "192Mi" }, limits: { memory: "384Mi" } },
                securityContext: restrictedContainerSecurityContext(),
                volumeMounts: [{ name: "tls", mountPath: "/tls", readOnly: true }],
              },
            ],
            volumes: [{ name: "tls", secret: { secretName: tlsSecret, defaultMode: 0o440 } }],
          },
        },
      },
    },
    {
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata: { name: NAME, namespace, labels },
      spec: { minAvailable: 1, selector: { matchLabels: labels } },
    },
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: NAME, namespace, labels },
      spec: {
        type: "ClusterIP",
        selector: labels,
        ports: [{ name: "https", port: 443, targetPort: "https", protocol: "TCP" }],
      },
    },
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: NAME, namespace, labels },
      spec: {
        podSelector: { matchLabels: labels },
        policyTypes: ["Ingress", "Egress"],
        ingress: [{ ports: [{ port: WEBHOOK_CONTAINER_PORT, protocol: "TCP" }] }],
        egress: [],
      },
    },
    validatingWebhookConfiguration({
      endpoint: { service: { namespace, name: NAME, port: 443 } },
      excludedNamespaces: ["kube-system", "kube-public", "kube-node-lease", namespace],
      ...("secret" in args.certificates
        ? { caBundle: args.certificates.secret.caBundle }
        : { annotations: { "cert-manager.io/inject-ca-from": `${namespace}/${NAME}` } }),
    }),
  );
  return objects;
}
