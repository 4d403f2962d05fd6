/**
 * The fine-tuning pattern's workloads, from the spec: which model the pipeline produces, what
 * the dataset gate is told about each dataset, and the FineTuningPipeline Jobs in the stack's
 * namespace. Called by composeWorkloads when spec.fineTuning is present; the AWS stack adds the
 * dataset store and the Jobs' IAM roles (components/aws/fine-tuning-data.ts) through the context.
 */
import * as pulumi from "@pulumi/pulumi";
import type { LLMOpsStack } from "../schemas/spec-schema.js";
import {
  DATASET_GATE_ROLE,
  FINE_TUNE_EVAL_ROLE,
  FineTuningPipeline,
  TRAINING_ROLE,
  type PipelineDataset,
} from "../components/kubernetes/fine-tuning-pipeline.js";
import type { PinnedImage } from "../components/kubernetes/workload-basics.js";
import type { InClusterTls } from "../components/kubernetes/transit-tls.js";

type Model = LLMOpsStack["spec"]["models"][number];
type FineTuning = NonNullable<LLMOpsStack["spec"]["fineTuning"]>;

/** The pipeline's Kubernetes identities (service accounts; IRSA roles on EKS). */
export const FINE_TUNING_IDENTITIES = [DATASET_GATE_ROLE, TRAINING_ROLE, FINE_TUNE_EVAL_ROLE] as const;

/** The models[] entry the pipeline produces: fineTuning.outputModel, else the first primary model. */
export function outputModelOf(spec: LLMOpsStack): Model | undefined {
  const fineTuning = spec.spec.fineTuning;
  if (!fineTuning) return undefined;
  return fineTuning.outputModel
    ? spec.spec.models.find((model) => model.name === fineTuning.outputModel)
    : spec.spec.models.find((model) => model.role === "primary");
}

/** What the gate is told about each dataset: its sources' URIs, its redaction and lawful basis. */
export function pipelineDatasets(spec: LLMOpsStack, fineTuning: FineTuning): PipelineDataset[] {
  const sources = new Map(spec.spec.data.sources.map((source) => [source.name, source]));
  return fineTuning.datasets.map((dataset) => {
    const drawn = dataset.sources.map((name) => sources.get(name)).filter((source) => source !== undefined);
    return {
      name: dataset.name,
      version: dataset.version,
      sourceUris: drawn.flatMap((source) => (source.uri ? [source.uri] : [])),
      redaction: dataset.redaction,
      ...(dataset.consentBasis ? { consentBasis: dataset.consentBasis } : {}),
      personalData:
        dataset.personalData || dataset.specialCategoryData || drawn.some((source) => source.containsPersonalData),
    };
  });
}

/** GPUs, CPU (millicores) and memory (MiB, limits) the pipeline adds to the namespace at most (its Jobs run one after another). */
export function pipelineCompute(spec: LLMOpsStack): { gpus: number; cpuMilli: number; memoryMiB: number } {
  const output = outputModelOf(spec);
  if (!output) return { gpus: 0, cpuMilli: 0, memoryMiB: 0 };
  return { gpus: Math.max(1, output.gpu.count), cpuMilli: 16_000, memoryMiB: 96 * 1024 };
}

export interface FineTuningContext {
  readonly name: string;
  readonly namespace: pulumi.Input<string>;
  readonly opts: pulumi.ComponentResourceOptions;
  readonly images: { readonly trainer: PinnedImage; readonly gate: PinnedImage; readonly evaluator: PinnedImage };
  readonly serviceAccount: (workload: string) => pulumi.Input<string>;
  /** Where admitted datasets live. @default `<output model's URI>datasets/` */
  readonly datasetsUri?: pulumi.Input<string>;
  /** Registry prefix the new weights go under. @default the output model's source URI */
  readonly registryUri?: pulumi.Input<string>;
  /** Where evaluation evidence goes. @default `<registry>evidence/` */
  readonly evidenceUri?: pulumi.Input<string>;
  readonly presidio?: {
    readonly analyzerUrl: pulumi.Input<string>;
    readonly anonymizerUrl: pulumi.Input<string>;
    readonly services: ReadonlyArray<{ readonly role: string; readonly port: number }>;
  };
  readonly credentialsSecret?: string;
  readonly egressCidrs: pulumi.Input<string[]>;
  /** TLS in transit: the gate trusts the namespace CA. @default none */
  readonly tls?: InClusterTls;
}

/**
 * The first spec field the pipeline cannot be built without, as a message and its JSON Pointer
 * (the caller raises it as a user-facing refusal), or undefined when the pipeline can be built.
 */
export function fineTuningProblem(spec: LLMOpsStack): { message: string; path: string } | undefined {
  const fineTuning = spec.spec.fineTuning;
  if (!fineTuning) return undefined;
  const output = outputModelOf(spec);
  if (!output)
    return {
      message: `spec.fineTuning.outputModel names no model in spec.models (${fineTuning.outputModel ?? "no primary model"})`,
      path: "/spec/fineTuning",
    };
  const at = `/spec/models/${spec.spec.models.indexOf(output)}`;
  if (!fineTuning.baseModelDigest)
    return {
      message: "spec.fineTuning.baseModelDigest is required: the training Job reads the base weights by digest",
      path: "/spec/fineTuning",
    };
  if (!output.source.digest)
    return {
      message: `spec.models[${output.name}].source.digest is required: the evaluation Job writes evidence for that digest`,
      path: `${at}/source`,
    };
  if (!output.evaluation.dataset)
    return {
      message: `spec.models[${output.name}].evaluation.dataset is required: the evaluation Job scores the new weights on it`,
      path: `${at}/evaluation`,
    };
  if (output.evaluation.metrics.length === 0)
    return {
      message: `spec.models[${output.name}].evaluation.metrics is required: the evaluation Job scores them`,
      path: `${at}/evaluation`,
    };
  return undefined;
}

/** Builds the pipeline (undefined without spec.fineTuning). Throws an Error when fineTuningProblem(spec) reports one. */
export function composeFineTuning(spec: LLMOpsStack, context: FineTuningContext): FineTuningPipeline | undefined {
  const fineTuning = spec.spec.fineTuning;
  if (!fineTuning) return undefined;
  const problem = fineTuningProblem(spec);
  if (problem) throw new Error(problem.message);
  const output = outputModelOf(spec)!;
  const evaluation = output.evaluation;
  const registryUri = context.registryUri ?? output.source.uri;
  const withSlash = (uri: pulumi.Input<string>) =>
    pulumi.output(uri).apply((value) => (value.endsWith("/") ? value : `${value}/`));
  const registry = withSlash(registryUri);
  const datasets = pipelineDatasets(spec, fineTuning);
  return new FineTuningPipeline(
    `${context.name}-fine-tuning`,
    {
      stack: context.name,
      namespace: context.namespace,
      trainerImage: context.images.trainer,
      gateImage: context.images.gate,
      evaluatorImage: context.images.evaluator,
      base: { uri: fineTuning.baseModel, digest: fineTuning.baseModelDigest! },
      datasets,
      datasetsUri: context.datasetsUri ? withSlash(context.datasetsUri) : registry.apply((uri) => `${uri}datasets/`),
      output: { model: output.name, registryUri: registry, digest: output.source.digest! },
      evaluation: {
        dataset: evaluation.dataset!,
        metrics: evaluation.metrics.map((metric) => metric.name),
        evidenceUri: context.evidenceUri ? withSlash(context.evidenceUri) : registry.apply((uri) => `${uri}evidence/`),
        ...(output.reproducibility ? { seed: output.reproducibility.seed } : {}),
      },
      gpu: { count: Math.max(1, output.gpu.count), ...(output.gpu.type !== "none" ? { type: output.gpu.type } : {}) },
      serviceAccounts: {
        [DATASET_GATE_ROLE]: context.serviceAccount(DATASET_GATE_ROLE),
        [TRAINING_ROLE]: context.serviceAccount(TRAINING_ROLE),
        [FINE_TUNE_EVAL_ROLE]: context.serviceAccount(FINE_TUNE_EVAL_ROLE),
      },
      ...(context.presidio ? { presidio: context.presidio } : {}),
      ...(context.tls ? { tls: context.tls } : {}),
      ...(context.credentialsSecret ? { credentialsSecret: context.credentialsSecret } : {}),
      egressCidrs: context.egressCidrs,
    },
    context.opts,
  );
}
