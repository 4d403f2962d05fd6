/**
 * The CycloneDX 1.6 ML-BOM, built with @cyclonedx/cyclonedx-library: the stack as the BOM's
 * subject; each model as a `machine-learning-model` component with its weights digest as a SHA-256
 * hash; each dataset (evaluation datasets, data sources with a lineage version, fine-tuning
 * datasets) as a `data` component; each serving or platform image as a `container` component; the
 * policy bundle as a `data` component whose version is its revision.
 *
 * The library (10.3) models neither `modelCard` nor a component's `data`, so they are added to the
 * normalized document by bom-ref after the library has normalized it, in the shapes of the 1.6
 * schema (modelCard: modelParameters with datasets by ref, quantitativeAnalysis.performanceMetrics
 * from the evidence, considerations.ethicalConsiderations from the risk tier and use case). Tests
 * validate the result with the library's JSON validator against the official 1.6 schema.
 */
import { Enums, Models, Serialize, Spec } from "@cyclonedx/cyclonedx-library";
import { createHash } from "node:crypto";
import type { LLMOpsStack } from "../schemas/spec-schema.js";
import type { ReportModel } from "./model.js";

type Json = Record<string, unknown>;

interface DatasetRef {
  readonly name: string;
  readonly version: string;
  readonly classification?: string;
  readonly description: string;
  readonly bomRef: string;
}

/** Deterministic serial number (RFC 4122 form, version 5 style) from the stack name and the report's content. */
function serialNumber(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

function datasetsOf(spec: LLMOpsStack): DatasetRef[] {
  const seen = new Map<string, DatasetRef>();
  const add = (name: string, version: string, description: string, classification?: string) => {
    const bomRef = `dataset:${name}@${version}`;
    if (!seen.has(bomRef))
      seen.set(bomRef, { name, version, description, bomRef, ...(classification ? { classification } : {}) });
  };
  for (const model of spec.spec.models) {
    const dataset = model.evaluation?.dataset;
    if (dataset) add(dataset.name, dataset.version, `evaluation dataset of ${model.name}`);
  }
  for (const source of spec.spec.data.sources) {
    if (source.lineage)
      add(
        source.name,
        source.lineage.datasetVersion,
        `${source.kind} data source${source.uri ? ` (${source.uri})` : ""}`,
        source.classification,
      );
  }
  for (const dataset of spec.spec.fineTuning?.datasets ?? [])
    add(dataset.name, dataset.version, "fine-tuning dataset", dataset.classification);
  return [...seen.values()];
}

function imageComponent(reference: string): Models.Component {
  const at = reference.lastIndexOf("@");
  const name = at > 0 ? reference.slice(0, at) : reference;
  const digest = at > 0 ? reference.slice(at + 1) : undefined;
  const component = new Models.Component(Enums.ComponentType.Container, name, {
    bomRef: `image:${reference}`,
    ...(digest ? { version: digest } : {}),
  });
  if (digest?.startsWith("sha256:")) component.hashes.set(Enums.HashAlgorithm["SHA-256"], digest.slice(7));
  return component;
}

/** A CycloneDX 1.6 ML-BOM (JSON) of the report: the stack as the subject, each model as a machine-learning-model component with its digest and model card (evaluation metrics and their evidence), datasets as data components; trailing newline. */
export function renderCycloneDx(model: ReportModel): string {
  const spec = model.spec;
  const bom = new Models.Bom();
  bom.serialNumber = serialNumber(
    `${spec.metadata.name}/${spec.metadata.environment}/${model.bundle?.revision ?? ""}/${JSON.stringify(spec.spec.models.map((m) => m.source))}`,
  );
  const subject = new Models.Component(Enums.ComponentType.Application, spec.metadata.name, {
    bomRef: `stack:${spec.metadata.name}`,
    description: spec.spec.useCase.purpose,
  });
  subject.properties.add(new Models.Property("llmops:environment", spec.metadata.environment));
  subject.properties.add(new Models.Property("llmops:pattern", spec.spec.pattern));
  subject.properties.add(new Models.Property("llmops:target", model.plan.target));
  bom.metadata = new Models.Metadata({ component: subject });
  bom.metadata.authors.add(
    new Models.OrganizationalContact({
      name: spec.metadata.owner.name ?? spec.metadata.owner.team,
      email: spec.metadata.owner.email,
    }),
  );
  bom.metadata.properties.add(new Models.Property("llmops:owner:team", spec.metadata.owner.team));

  const datasets = datasetsOf(spec);
  for (const dataset of datasets) {
    const component = new Models.Component(Enums.ComponentType.Data, dataset.name, {
      bomRef: dataset.bomRef,
      version: dataset.version,
      description: dataset.description,
    });
    bom.components.add(component);
  }
  for (const entry of spec.spec.models) {
    const component = new Models.Component(Enums.ComponentType.MachineLearningModel, entry.name, {
      bomRef: `model:${entry.name}`,
      description: `${entry.role} model from ${entry.source.type} ${entry.source.uri}`,
      ...(entry.source.digest
        ? { version: entry.source.digest }
        : entry.source.version
          ? { version: entry.source.version }
          : {}),
    });
    if (entry.source.digest)
      component.hashes.set(Enums.HashAlgorithm["SHA-256"], entry.source.digest.slice("sha256:".length));
    component.properties.add(new Models.Property("llmops:serving:runtime", entry.serving.runtime));
    component.properties.add(new Models.Property("llmops:source:uri", entry.source.uri));
    bom.components.add(component);
  }
  for (const image of model.images) bom.components.add(imageComponent(image));
  const bundle = new Models.Component(Enums.ComponentType.Data, "llmops-policy-bundle", {
    bomRef: "policy-bundle",
    version: model.bundle?.revision ?? "none",
    description: "Rego policy bundle (WebAssembly) that judged this stack",
  });
  bundle.properties.add(
    new Models.Property("llmops:bundle:digestsVerified", String(model.bundle?.digestsVerified ?? false)),
  );
  bundle.properties.add(
    new Models.Property("llmops:bundle:signatureVerified", String(model.bundle?.signatureVerified ?? false)),
  );
  bom.components.add(bundle);

  const normalizer = new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6).makeForBom();
  const document = normalizer.normalize(bom, { sortLists: true }) as unknown as Json;
  const components = (document.components ?? []) as Json[];
  for (const component of components) {
    const ref = component["bom-ref"];
    const dataset = datasets.find((candidate) => candidate.bomRef === ref);
    if (dataset) {
      component.data = [
        {
          type: "dataset",
          name: dataset.name,
          ...(dataset.classification ? { classification: dataset.classification } : {}),
          description: dataset.description,
        },
      ];
      continue;
    }
    if (ref === "policy-bundle") {
      component.data = [
        { type: "configuration", name: "policy bundle", description: `revision ${model.bundle?.revision ?? "none"}` },
      ];
      continue;
    }
    const entry = spec.spec.models.find((candidate) => `model:${candidate.name}` === ref);
    if (entry) component.modelCard = modelCard(entry, model, datasets);
  }
  return `${JSON.stringify(document, null, 2)}\n`;
}

type SpecModel = LLMOpsStack["spec"]["models"][number];

function modelCard(entry: SpecModel, model: ReportModel, datasets: readonly DatasetRef[]): Json {
  const spec = model.spec;
  const evaluation = entry.evaluation?.dataset;
  const trainingData =
    entry.role === "primary" ? datasets.filter((dataset) => dataset.description === "fine-tuning dataset") : [];
  const cardDatasets = [
    ...(evaluation ? [`dataset:${evaluation.name}@${evaluation.version}`] : []),
    ...trainingData.map((dataset) => dataset.bomRef),
  ].map((ref) => ({ ref }));
  const metrics = model.evidenceResults
    .filter((result) => entry.source.digest !== undefined && result.modelDigest === entry.source.digest)
    .flatMap((result) =>
      result.metrics.map((metric) => ({
        type: metric.name,
        value: String(metric.value),
        slice: `${result.dataset.name}@${result.dataset.version}${metric.sampleSize === undefined ? "" : ` (n=${metric.sampleSize})`}`,
      })),
    );
  const thresholds = (entry.evaluation?.metrics ?? []).map((metric) => `${metric.name} threshold ${metric.threshold}`);
  const ethical = [
    {
      name: `EU AI Act risk tier: ${spec.spec.useCase.riskTier}`,
      mitigationStrategy: `Controls of the llmops policy bundle ${model.bundle?.revision ?? "none"}; see the compliance report.`,
    },
    ...(spec.spec.useCase.regulatedDomain !== "none"
      ? [
          {
            name: `Regulated domain: ${spec.spec.useCase.regulatedDomain}`,
            mitigationStrategy: "User-facing explanations and human oversight as the spec declares.",
          },
        ]
      : []),
    ...(spec.spec.useCase.audience !== "internal"
      ? [
          {
            name: `Audience: ${spec.spec.useCase.audience}`,
            mitigationStrategy: spec.spec.governance?.disclosure?.aiDisclosure
              ? "Users are told they are talking to an AI system."
              : "No AI disclosure declared.",
          },
        ]
      : []),
  ];
  return {
    "bom-ref": `model-card:${entry.name}`,
    modelParameters: {
      task: entry.role === "embedding" ? "text embedding" : "text generation",
      ...(entry.parameters === undefined
        ? {}
        : { modelArchitecture: `${entry.parameters} billion parameters, ${entry.dtype}` }),
      ...(cardDatasets.length > 0 ? { datasets: cardDatasets } : {}),
      inputs: [{ format: "text" }],
      outputs: [{ format: entry.role === "embedding" ? "vector" : "text" }],
    },
    ...(metrics.length > 0 ? { quantitativeAnalysis: { performanceMetrics: metrics } } : {}),
    considerations: {
      users: [spec.spec.useCase.audience],
      useCases: [spec.spec.useCase.purpose],
      ...(thresholds.length > 0 ? { performanceTradeoffs: thresholds } : {}),
      ethicalConsiderations: ethical,
    },
    properties: [
      ...(entry.reproducibility?.seed === undefined
        ? []
        : [{ name: "llmops:reproducibility:seed", value: String(entry.reproducibility.seed) }]),
      ...(entry.reproducibility?.promptTemplateVersion
        ? [{ name: "llmops:reproducibility:promptTemplateVersion", value: entry.reproducibility.promptTemplateVersion }]
        : []),
      ...(entry.evaluation ? [{ name: "llmops:evaluation:gate", value: entry.evaluation.gate }] : []),
    ],
  };
}
