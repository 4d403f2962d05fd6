/**
 * A model's weights fetched once per volume, verified by digest, and shared read-only by
 * every replica: a PersistentVolumeClaim (ReadWriteOnce for the filling Job, ReadOnlyMany for
 * the servers) and a Job that runs the model fetcher against it. The claim and the Job are
 * named after the weights' digest, so new weights get a new volume and the old replicas keep
 * reading the old one until the rollout replaces them; a replica never starts on a volume
 * another digest wrote.
 *
 * Why a shared volume instead of a per-pod download into emptyDir: a pod start then costs a
 * volume attach instead of a full download, replicas on one node do not each hold a copy on
 * the root volume, and the digest is checked once, by one Job, before any server reads it.
 * The StorageClass must support ReadOnlyMany across nodes (NFS, CephFS, EFS, Filestore…).
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { restrictedContainerSecurityContext, restrictedPodBasics, workloadLabels } from "./pod-security.js";
import { httpsEgressRules, imageRef, requirePinnedDigest, roleSelector, type PinnedImage } from "./workload-basics.js";
import { MODEL_DIR } from "./serving-runtime.js";

export interface ModelCacheArgs {
  /** Stack name (metadata.name): the `app.kubernetes.io/part-of` label of every object. */
  readonly stack: string;
  /** Namespace the objects are created in. */
  readonly namespace: pulumi.Input<string>;
  /** Model name (DNS label); names the claim and the Job. */
  readonly model: string;
  /** The model fetcher image (`fetch --source --sha256 --dest`), pinned by digest. */
  readonly fetcherImage: PinnedImage;
  /** Where the weights are and their sha256 digest (`sha256:<64 hex>`). */
  readonly weights: { readonly uri: pulumi.Input<string>; readonly digest: string };
  /** Size of the weights, GiB; the claim asks for 1.25× this plus 5 GiB for tokenizer and config files. */
  readonly weightsGiB: number;
  /** StorageClass supporting ReadOnlyMany. @default the cluster's default class */
  readonly storageClass?: pulumi.Input<string>;
  /** Service account the pods run as (its own identity; no API token is mounted). */
  readonly serviceAccountName: pulumi.Input<string>;
  /** Secret with artifact-store credentials, when there is no workload identity. @default none */
  readonly credentialsSecret?: string;
  /** CIDRs the fetcher may reach on 443. @default [] (no egress) */
  readonly fetchEgressCidrs?: pulumi.Input<string[]>;
}

/** Where the Job mounts the cache; the servers mount it at the same path (MODEL_DIR). */
export const CACHE_MOUNT = MODEL_DIR;

/** `sha256:abcd…` → `abcd…` (first 12 hex), for names. */
export function digestSuffix(digest: string): string {
  return digest.replace(/^sha256:/, "").slice(0, 12);
}

/** Claim size in GiB for weights of `weightsGiB`. */
export function cacheSizeGiB(weightsGiB: number): number {
  return Math.ceil(weightsGiB * 1.25) + 5;
}

/**
 * Checks ModelCacheArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - weights.digest: weights must be pinned by sha256 digest
 *  - fetcherImage.digest: images must be pinned by sha256 digest
 *  - weightsGiB: must be positive
 */
export function validateModelCacheArgs(args: ModelCacheArgs): void {
  requirePinnedDigest(args.weights.digest, "weights.digest", "weights must be pinned by sha256 digest");
  requirePinnedDigest(args.fetcherImage.digest, "fetcherImage.digest");
  if (!(args.weightsGiB > 0))
    throw new pulumi.InputPropertyError({ propertyPath: "weightsGiB", reason: "must be positive" });
}

/** A shared, digest-verified weights volume and the Job that fills it. */
export class ModelCache extends pulumi.ComponentResource {
  /** Name of the claim replicas mount read-only. */
  readonly claimName: string;
  /** Path of the weights inside the claim. */
  readonly modelPath: string;

  constructor(name: string, args: ModelCacheArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:kubernetes:ModelCache", name, args, opts);
    validateModelCacheArgs(args);
    const parent = { parent: this };
    const suffix = digestSuffix(args.weights.digest);
    const role = `model-cache-${args.model}`;
    const labels = { ...workloadLabels(args.stack, role), "llmops.dev/weights-digest": suffix };
    this.claimName = `weights-${args.model}-${suffix}`.slice(0, 63);
    this.modelPath = `${CACHE_MOUNT}/${args.model}`;

    const claim = new k8s.core.v1.PersistentVolumeClaim(
      `${name}-claim`,
      {
        metadata: { name: this.claimName, namespace: args.namespace, labels },
        spec: {
          accessModes: ["ReadWriteOnce", "ReadOnlyMany"],
          ...(args.storageClass ? { storageClassName: args.storageClass } : {}),
          resources: { requests: { storage: `${cacheSizeGiB(args.weightsGiB)}Gi` } },
        },
      },
      parent,
    );
    const credentialsMount = args.credentialsSecret
      ? [{ name: "artifact-credentials", mountPath: "/var/run/llmops/credentials", readOnly: true }]
      : [];
    const job = new k8s.batch.v1.Job(
      `${name}-fill`,
      {
        metadata: { name: `fill-${args.model}-${suffix}`.slice(0, 63), namespace: args.namespace, labels },
        spec: {
          backoffLimit: 4,
          template: {
            metadata: { labels, annotations: { "llmops.dev/weights-digest": args.weights.digest } },
            spec: {
              ...restrictedPodBasics(args.serviceAccountName),
              restartPolicy: "OnFailure",
              containers: [
                {
                  name: "fetch-weights",
                  image: imageRef(args.fetcherImage),
                  args: [
                    "fetch",
                    "--source",
                    args.weights.uri,
                    "--sha256",
                    args.weights.digest.replace(/^sha256:/, ""),
                    "--dest",
                    this.modelPath,
                  ],
                  env: args.credentialsSecret
                    ? [{ name: "AWS_SHARED_CREDENTIALS_FILE", value: "/var/run/llmops/credentials/credentials" }]
                    : [],
                  securityContext: restrictedContainerSecurityContext(),
                  resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "2", memory: "2Gi" } },
                  volumeMounts: [
                    { name: "weights", mountPath: CACHE_MOUNT },
                    { name: "tmp", mountPath: "/tmp" },
                    ...credentialsMount,
                  ],
                },
              ],
              volumes: [
                { name: "weights", persistentVolumeClaim: { claimName: this.claimName } },
                { name: "tmp", emptyDir: { sizeLimit: "1Gi" } },
                ...(args.credentialsSecret
                  ? [
                      {
                        name: "artifact-credentials",
                        secret: { secretName: args.credentialsSecret, defaultMode: 0o440 },
                      },
                    ]
                  : []),
              ],
            },
          },
        },
      },
      { ...parent, dependsOn: [claim] },
    );
    if (args.fetchEgressCidrs !== undefined) {
      new k8s.networking.v1.NetworkPolicy(
        `${name}-egress`,
        {
          metadata: { name: `${role}-artifact-egress`.slice(0, 63), namespace: args.namespace },
          spec: {
            podSelector: roleSelector(role),
            policyTypes: ["Egress"],
            egress: pulumi.output(args.fetchEgressCidrs).apply(httpsEgressRules),
          },
        },
        parent,
      );
    }
    this.registerOutputs({ claimName: this.claimName, job: job.metadata.name });
  }
}
