/**
 * The fine-tuning pipeline's Jobs, on any cluster (EKS included), in the order the data moves:
 *
 * 1. one dataset-gate Job per dataset: reads the declared sources, redacts personal data
 *    through the Presidio services (`--redaction pseudonymised|anonymised`) or checks the
 *    recorded lawful basis (`--consent-basis`), refuses a dataset with neither, and only then
 *    writes `datasets/<name>/<version>/` in the dataset store;
 * 2. the training Job, on the GPU pool: verifies the base weights against their pinned digest,
 *    trains on the admitted dataset versions, writes the new weights under their own sha256 in
 *    the model registry store, and a lineage record beside them (dataset versions → base digest
 *    → output digest);
 * 3. the evaluation Job: scores the output model's digest on the declared evaluation dataset
 *    with lm-evaluation-harness and writes EvaluationEvidence for that digest (the format
 *    `llmops validate --evidence` reads; see schemas/evidence-schema.ts).
 *
 * Each Job waits for the one before it (Pulumi waits for a Job to complete before creating what
 * depends on it; `customTimeouts` allow a long training run). Every pod runs restricted, egress
 * is limited to the artifact store (and the Presidio services for the gate), and the Jobs' images
 * are pinned by digest (spec.platform.images.trainer / datasetGate / evaluator).
 */
import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { restrictedContainerSecurityContext, workloadLabels } from "./pod-security.js";
import {
  httpsEgressRules,
  gpuPlacement,
  imageRef,
  requirePinnedDigest,
  restrictedJobPodSpec,
  roleSelector,
  type PinnedImage,
} from "./workload-basics.js";
import { digestSuffix } from "./model-cache.js";
import { caTrust, type InClusterTls } from "./transit-tls.js";

export const DATASET_GATE_ROLE = "dataset-gate";
export const TRAINING_ROLE = "training";
export const FINE_TUNE_EVAL_ROLE = "fine-tune-eval";

export interface PipelineDataset {
  readonly name: string;
  readonly version: string;
  /** Sources the gate reads (URIs of the declared data.sources). */
  readonly sourceUris: readonly string[];
  readonly redaction: "none" | "pseudonymised" | "anonymised";
  readonly consentBasis?: string;
  readonly personalData: boolean;
}

export interface FineTuningPipelineArgs {
  /** Stack name (metadata.name): the `app.kubernetes.io/part-of` label of every object. */
  readonly stack: string;
  /** Namespace the objects are created in. */
  readonly namespace: pulumi.Input<string>;
  /** Trainer image (`train …`), pinned by digest. */
  readonly trainerImage: PinnedImage;
  /** Dataset gate image (`admit …`), pinned by digest. */
  readonly gateImage: PinnedImage;
  /** Evaluation runner image (`evaluate …`), pinned by digest. */
  readonly evaluatorImage: PinnedImage;
  /** The pinned base weights: where they are and their sha256 digest. */
  readonly base: { readonly uri: pulumi.Input<string>; readonly digest: string };
  /** The training datasets, each admitted by its own gate Job before training starts; at least one. */
  readonly datasets: readonly PipelineDataset[];
  /** Where admitted dataset versions live (`…/datasets/`). */
  readonly datasetsUri: pulumi.Input<string>;
  /** The model the pipeline produces, the registry prefix its weights go under, and the digest the spec pins for it. */
  readonly output: { readonly model: string; readonly registryUri: pulumi.Input<string>; readonly digest: string };
  /** The evaluation the new digest must pass: dataset, metric names and thresholds, seed. */
  readonly evaluation: {
    readonly dataset: { readonly name: string; readonly version: string };
    readonly metrics: readonly string[];
    readonly evidenceUri: pulumi.Input<string>;
    readonly seed?: number;
  };
  /** GPUs of the training pod and the GPU pool it runs in. */
  readonly gpu: { readonly count: number; readonly type?: string };
  /** Service account of each Job's role (dataset gate, training, evaluation), so each gets only its own grants. */
  readonly serviceAccounts: Readonly<
    Record<typeof DATASET_GATE_ROLE | typeof TRAINING_ROLE | typeof FINE_TUNE_EVAL_ROLE, pulumi.Input<string>>
  >;
  /** Presidio analyzer and anonymizer URLs the gate redacts through; required when a dataset asks for redaction. @default none */
  readonly presidio?: {
    readonly analyzerUrl: pulumi.Input<string>;
    readonly anonymizerUrl: pulumi.Input<string>;
    readonly services: ReadonlyArray<{ readonly role: string; readonly port: number }>;
  };
  /** The gate trusts the namespace CA when it calls the Presidio services over TLS. @default none */
  readonly tls?: InClusterTls;
  /** Secret with artifact-store credentials, when there is no workload identity. @default none */
  readonly credentialsSecret?: string;
  /** CIDRs the Jobs may reach on 443 (artifact store). @default [] */
  readonly egressCidrs?: pulumi.Input<string[]>;
  /** Longest a training run may take before `pulumi up` gives up waiting. @default "24h" */
  readonly trainingTimeout?: string;
}

/**
 * Checks FineTuningPipelineArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - base.digest: the base weights must be pinned by sha256 digest
 *  - output.digest: the output model must be pinned by sha256 digest
 *  - ${key}.digest: images must be pinned by sha256 digest
 *  - datasets: at least one dataset is required
 *  - datasets[${index}]: personal data needs redaction or a lawful basis before it may enter the dataset store
 *  - presidio: dataset ${dataset.name} asks for redaction, which the gate does through Presidio
 *  - evaluation.metrics: the evaluation Job needs at least one metric to score
 *  - gpu.count: training runs on at least one GPU
 */
export function validateFineTuningPipelineArgs(args: FineTuningPipelineArgs): void {
  requirePinnedDigest(args.base.digest, "base.digest", "the base weights must be pinned by sha256 digest");
  requirePinnedDigest(args.output.digest, "output.digest", "the output model must be pinned by sha256 digest");
  for (const key of ["trainerImage", "gateImage", "evaluatorImage"] as const) {
    requirePinnedDigest(args[key].digest, `${key}.digest`);
  }
  if (args.datasets.length === 0)
    throw new pulumi.InputPropertyError({ propertyPath: "datasets", reason: "at least one dataset is required" });
  for (const [index, dataset] of args.datasets.entries()) {
    if (dataset.personalData && dataset.redaction === "none" && !dataset.consentBasis) {
      throw new pulumi.InputPropertyError({
        propertyPath: `datasets[${index}]`,
        reason: "personal data needs redaction or a lawful basis before it may enter the dataset store",
      });
    }
    if (dataset.redaction !== "none" && !args.presidio)
      throw new pulumi.InputPropertyError({
        propertyPath: "presidio",
        reason: `dataset ${dataset.name} asks for redaction, which the gate does through Presidio`,
      });
  }
  if (args.evaluation.metrics.length === 0)
    throw new pulumi.InputPropertyError({
      propertyPath: "evaluation.metrics",
      reason: "the evaluation Job needs at least one metric to score",
    });
  if (args.gpu.count < 1)
    throw new pulumi.InputPropertyError({ propertyPath: "gpu.count", reason: "training runs on at least one GPU" });
}

/** First 12 hex of the sha256 of the training inputs: the base digest and each dataset's name@version. */
export function trainingInputsId(args: Pick<FineTuningPipelineArgs, "base" | "datasets">): string {
  const inputs = [
    args.base.digest,
    ...args.datasets.map((dataset) => `${dataset.name}@${dataset.version}`).sort(),
  ].join("\n");
  return createHash("sha256").update(inputs).digest("hex").slice(0, 12);
}

/** The gate's arguments for one dataset. */
export function gateArgs(dataset: PipelineDataset, datasetsUri: string): string[] {
  return [
    "admit",
    "--dataset",
    `${dataset.name}@${dataset.version}`,
    ...dataset.sourceUris.flatMap((uri) => ["--source", uri]),
    "--redaction",
    dataset.redaction,
    ...(dataset.consentBasis ? ["--consent-basis", dataset.consentBasis] : []),
    ...(dataset.personalData ? ["--personal-data"] : []),
    "--dest",
    `${datasetsUri}${dataset.name}/${dataset.version}/`,
  ];
}

/** The trainer's arguments: pinned base digest in, dataset versions, output by digest and lineage out. */
export function trainerArgs(
  args: Pick<FineTuningPipelineArgs, "base" | "datasets" | "output">,
  resolved: { baseUri: string; datasetsUri: string; registryUri: string },
): string[] {
  return [
    "train",
    "--base-uri",
    resolved.baseUri,
    "--base-sha256",
    args.base.digest.replace(/^sha256:/, ""),
    ...args.datasets.flatMap((dataset) => [
      "--dataset",
      `${dataset.name}@${dataset.version}=${resolved.datasetsUri}${dataset.name}/${dataset.version}/`,
    ]),
    "--output-uri",
    resolved.registryUri,
    "--lineage-out",
    `${resolved.registryUri}lineage.json`,
  ];
}

/** The evaluator's arguments: the digest it scores and the evidence it writes. */
export function evaluatorArgs(
  args: Pick<FineTuningPipelineArgs, "output" | "evaluation">,
  resolved: { registryUri: string; evidenceUri: string },
): string[] {
  return [
    "evaluate",
    "--model",
    args.output.model,
    "--model-uri",
    resolved.registryUri,
    "--model-digest",
    args.output.digest,
    "--dataset",
    `${args.evaluation.dataset.name}@${args.evaluation.dataset.version}`,
    ...args.evaluation.metrics.flatMap((metric) => ["--metric", metric]),
    ...(args.evaluation.seed !== undefined ? ["--seed", String(args.evaluation.seed)] : []),
    "--evidence-out",
    `${resolved.evidenceUri}${digestSuffix(args.output.digest)}.evidence.json`,
  ];
}

/** The dataset gate Jobs, the GPU training Job and the evaluation Job of one fine-tuned model. */
export class FineTuningPipeline extends pulumi.ComponentResource {
  readonly trainingJobName: string;
  readonly evaluationJobName: string;

  constructor(name: string, args: FineTuningPipelineArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:kubernetes:FineTuningPipeline", name, args, opts);
    validateFineTuningPipelineArgs(args);
    const parent = { parent: this };
    const credentials = args.credentialsSecret;
    const credentialVolume = credentials
      ? [{ name: "artifact-credentials", secret: { secretName: credentials, defaultMode: 0o440 } }]
      : [];
    const credentialMount = credentials
      ? [{ name: "artifact-credentials", mountPath: "/var/run/llmops/credentials", readOnly: true }]
      : [];
    const credentialEnv = credentials
      ? [{ name: "AWS_SHARED_CREDENTIALS_FILE", value: "/var/run/llmops/credentials/credentials" }]
      : [];
    const suffix = digestSuffix(args.output.digest);
    const timeouts = { create: args.trainingTimeout ?? "24h" };

    interface JobContainer {
      readonly name: string;
      readonly image: string;
      readonly args: pulumi.Input<string[]>;
      readonly resources: { readonly requests: Record<string, string>; readonly limits: Record<string, string> };
      readonly env?: Array<{ name: string; value: pulumi.Input<string> }>;
      readonly volumeMounts?: Array<{ name: string; mountPath: string; readOnly?: boolean }>;
    }
    type PodSpec = k8s.types.input.core.v1.PodSpec;
    const jobPod = (
      role: string,
      serviceAccount: pulumi.Input<string>,
      container: JobContainer,
      extra: Omit<Partial<PodSpec>, "volumes"> & { volumes?: k8s.types.input.core.v1.Volume[] } = {},
    ): k8s.types.input.core.v1.PodTemplateSpec => {
      const { volumes = [], ...rest } = extra;
      return {
        metadata: { labels: workloadLabels(args.stack, role) },
        spec: restrictedJobPodSpec(serviceAccount, {
          containers: [
            {
              name: container.name,
              image: container.image,
              args: container.args,
              resources: container.resources,
              env: [...credentialEnv, ...(container.env ?? [])],
              securityContext: restrictedContainerSecurityContext(),
              volumeMounts: [{ name: "tmp", mountPath: "/tmp" }, ...credentialMount, ...(container.volumeMounts ?? [])],
            },
          ],
          volumes: [{ name: "tmp", emptyDir: { sizeLimit: "2Gi" } }, ...credentialVolume, ...volumes],
          ...rest,
        }),
      };
    };

    // The gate calls Presidio; with TLS in transit it trusts the namespace CA (combined bundle).
    const gateTrust = args.tls && args.presidio ? caTrust(args.tls) : undefined;
    const gates = args.datasets.map(
      (dataset) =>
        new k8s.batch.v1.Job(
          `${name}-gate-${dataset.name}`,
          {
            metadata: {
              name: `gate-${dataset.name}`.slice(0, 63),
              namespace: args.namespace,
              labels: workloadLabels(args.stack, DATASET_GATE_ROLE),
            },
            spec: {
              backoffLimit: 2,
              template: jobPod(
                DATASET_GATE_ROLE,
                args.serviceAccounts[DATASET_GATE_ROLE],
                {
                  name: "admit",
                  image: imageRef(args.gateImage),
                  args: pulumi.output(args.datasetsUri).apply((uri) => gateArgs(dataset, uri)),
                  env: [
                    ...(args.presidio
                      ? [
                          { name: "PRESIDIO_ANALYZER_URL", value: args.presidio.analyzerUrl },
                          { name: "PRESIDIO_ANONYMIZER_URL", value: args.presidio.anonymizerUrl },
                        ]
                      : []),
                    ...(gateTrust
                      ? gateTrust.env.map((variable) => ({
                          name: variable.name as string,
                          value: variable.value as string,
                        }))
                      : []),
                  ],
                  resources: { requests: { cpu: "1", memory: "2Gi" }, limits: { cpu: "2", memory: "4Gi" } },
                  ...(gateTrust
                    ? {
                        volumeMounts: gateTrust.mounts.map((mount) => ({
                          name: mount.name as string,
                          mountPath: mount.mountPath as string,
                          readOnly: true,
                        })),
                      }
                    : {}),
                },
                gateTrust ? { initContainers: [gateTrust.initContainer], volumes: gateTrust.volumes } : {},
              ),
            },
          },
          { ...parent, customTimeouts: { create: "2h" } },
        ),
    );

    const gpuLimits = { "nvidia.com/gpu": String(args.gpu.count) };
    // The training run is named after its inputs (base digest and dataset versions): new inputs, new Job.
    this.trainingJobName = `train-${args.output.model}-${trainingInputsId(args)}`.slice(0, 63);
    const training = new k8s.batch.v1.Job(
      `${name}-train`,
      {
        metadata: {
          name: this.trainingJobName,
          namespace: args.namespace,
          labels: workloadLabels(args.stack, TRAINING_ROLE),
        },
        spec: {
          backoffLimit: 1,
          template: jobPod(
            TRAINING_ROLE,
            args.serviceAccounts[TRAINING_ROLE],
            {
              name: "train",
              image: imageRef(args.trainerImage),
              args: pulumi
                .all([args.base.uri, args.datasetsUri, args.output.registryUri])
                .apply(([baseUri, datasetsUri, registryUri]) =>
                  trainerArgs(args, { baseUri, datasetsUri, registryUri }),
                ),
              resources: {
                requests: { cpu: "8", memory: "64Gi", ...gpuLimits },
                limits: { cpu: "16", memory: "96Gi", ...gpuLimits },
              },
              volumeMounts: [
                { name: "scratch", mountPath: "/scratch" },
                { name: "shm", mountPath: "/dev/shm" },
              ],
            },
            {
              ...gpuPlacement(args.gpu.type),
              volumes: [
                { name: "scratch", emptyDir: { sizeLimit: "200Gi" } },
                { name: "shm", emptyDir: { medium: "Memory", sizeLimit: "16Gi" } },
              ],
            },
          ),
        },
      },
      { ...parent, dependsOn: gates, customTimeouts: timeouts },
    );

    this.evaluationJobName = `evaluate-${args.output.model}-${suffix}`.slice(0, 63);
    new k8s.batch.v1.Job(
      `${name}-evaluate`,
      {
        metadata: {
          name: this.evaluationJobName,
          namespace: args.namespace,
          labels: workloadLabels(args.stack, FINE_TUNE_EVAL_ROLE),
        },
        spec: {
          backoffLimit: 1,
          template: jobPod(
            FINE_TUNE_EVAL_ROLE,
            args.serviceAccounts[FINE_TUNE_EVAL_ROLE],
            {
              name: "evaluate",
              image: imageRef(args.evaluatorImage),
              args: pulumi
                .all([args.output.registryUri, args.evaluation.evidenceUri])
                .apply(([registryUri, evidenceUri]) => evaluatorArgs(args, { registryUri, evidenceUri })),
              resources: {
                requests: { cpu: "4", memory: "32Gi", ...gpuLimits },
                limits: { cpu: "8", memory: "48Gi", ...gpuLimits },
              },
            },
            {
              ...gpuPlacement(args.gpu.type),
            },
          ),
        },
      },
      { ...parent, dependsOn: [training], customTimeouts: { create: "6h" } },
    );

    // Egress: the artifact store for every Job, and the Presidio services for the gate.
    const artifactEgress = pulumi.output(args.egressCidrs ?? []).apply(httpsEgressRules);
    for (const role of [DATASET_GATE_ROLE, TRAINING_ROLE, FINE_TUNE_EVAL_ROLE]) {
      const presidio = role === DATASET_GATE_ROLE && args.presidio ? args.presidio.services : [];
      new k8s.networking.v1.NetworkPolicy(
        `${name}-${role}-egress`,
        {
          metadata: { name: `${role}-egress`, namespace: args.namespace },
          spec: {
            podSelector: roleSelector(role),
            policyTypes: ["Egress"],
            egress: artifactEgress.apply((rules) => [
              ...rules,
              ...presidio.map((service) => ({
                to: [{ podSelector: roleSelector(service.role) }],
                ports: [{ protocol: "TCP", port: service.port }],
              })),
            ]),
          },
        },
        parent,
      );
    }
    this.registerOutputs({ trainingJob: this.trainingJobName, evaluationJob: this.evaluationJobName });
  }
}
