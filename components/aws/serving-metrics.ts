/**
 * The metrics path the model servers scale on, on the EKS cluster the stack builds: a Prometheus
 * that scrapes the servers' and the GPU nodes' PodMonitors, and KEDA, whose Prometheus trigger
 * reads the servers' queue depth from it (components/kubernetes/inference-service.ts). On target
 * kubernetes the cluster brings both (see InferenceService); on EKS nothing else would install
 * them, and without their CRDs the ScaledObjects and PodMonitors could not even be created.
 *
 * Choices, each with its reason:
 *
 * - **Prometheus Operator (kube-prometheus-stack), not Amazon Managed Prometheus.** The servers,
 *   the DCGM exporter and Karpenter (`serviceMonitor`) already declare what to scrape as
 *   PodMonitors and ServiceMonitors, which the operator reads; the managed scraper takes a
 *   static scrape configuration instead, and KEDA would need SigV4 and an `aps-workspaces`
 *   endpoint in the isolated VPC to query it. The chart runs only the operator and one
 *   Prometheus (no Grafana, Alertmanager, node exporter or kube-state-metrics, no default
 *   rules): this Prometheus serves the autoscaling signal, not dashboards. The operator names
 *   its Service `prometheus-operated`, so the schema's default
 *   `platform.autoscaling.prometheusAddress` (`http://prometheus-operated.<monitoringNamespace>.svc:9090`)
 *   reaches it. It selects PodMonitors and ServiceMonitors in every namespace. Its data is an
 *   emptyDir kept `PROMETHEUS_RETENTION`: the queue-depth signal needs minutes of history, and a
 *   restart costs one scrape interval of scaling decisions, not a record anyone audits.
 * - **CRDs from their own chart** (`prometheus-operator-crds`, the same operator release as the
 *   stack chart), installed first, because Helm never upgrades a chart's `crds/` and because the
 *   Karpenter chart's ServiceMonitor needs them (KarpenterNodePools depends on this component).
 * - **KEDA, not prometheus-adapter.** A ScaledObject carries its PromQL query, threshold and HPA
 *   behaviour (scale-down stabilisation) beside the Deployment it scales; prometheus-adapter
 *   needs a cluster-wide rules file rewritten for every model. The admission webhooks are off
 *   (a third image and a certificate for a validation the plan's checks already do).
 * - **Admission webhooks of the operator off**, with its TLS listener, for the same reason; the
 *   operator still validates what it reconciles.
 * - **Images mirrored and pinned by digest** from `platform.images` (the VPC reaches no public
 *   registry), at the app versions of the pinned charts; every pod on the system node group
 *   (`llmops.dev/pool: system`), never on a GPU node.
 * - **Install through `helm.v3.Release`** at pinned chart versions, like Karpenter: RBAC, CRDs
 *   and APIService registration are versioned with the charts. The charts' pods are not visible
 *   to the offline plan's checks; what they render is documented by the chart versions.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { requirePinnedDigest, type PinnedImage } from "../kubernetes/workload-basics.js";

/** kube-prometheus-stack and its CRD chart (prometheus-community; operator v0.86 line). */
export const PROMETHEUS_CHARTS = {
  repository: "https://prometheus-community.github.io/helm-charts",
  crds: { chart: "prometheus-operator-crds", version: "24.0.2" },
  stack: { chart: "kube-prometheus-stack", version: "79.5.0" },
} as const;
/** KEDA chart (kedacore, https://kedacore.github.io/charts; KEDA 2.17 supports Kubernetes 1.30–1.32). */
export const KEDA_CHART = {
  repository: "https://kedacore.github.io/charts",
  chart: "keda",
  version: "2.17.2",
} as const;
/** Namespace KEDA runs in. */
export const KEDA_NAMESPACE = "keda";
/** How long Prometheus keeps samples: the autoscaler reads the last minutes. */
export const PROMETHEUS_RETENTION = "2d";
const SYSTEM_POOL = { "kubernetes.io/os": "linux", "llmops.dev/pool": "system" } as const;

export interface ServingMetricsArgs {
  /** Namespace of the Prometheus (spec platform.autoscaling.monitoringNamespace), created by the chart. */
  readonly monitoringNamespace: string;
  /** Mirrored images, pinned by digest. */
  readonly images: {
    readonly prometheusOperator: PinnedImage;
    readonly prometheusConfigReloader: PinnedImage;
    readonly prometheus: PinnedImage;
    readonly keda: PinnedImage;
    readonly kedaMetricsServer: PinnedImage;
  };
}

/**
 * Checks ServingMetricsArgs before any resource is created; the component's constructor calls it first.
 * @throws pulumi.InputPropertyError naming the property and the reason, when:
 *  - images.${name}.digest: images must be pinned by sha256 digest
 */
export function validateServingMetricsArgs(args: ServingMetricsArgs): void {
  for (const [name, image] of Object.entries(args.images)) requirePinnedDigest(image.digest, `images.${name}.digest`);
}

/** kube-prometheus-stack's image fields: repository, and the digest as `sha` (hex, no prefix). */
function chartImage(image: PinnedImage): { registry: string; repository: string; sha: string } {
  return { registry: "", repository: image.repository, sha: image.digest.replace(/^sha256:/, "") };
}

/** KEDA's chart renders `repository:tag`; a tag of `@sha256:…` after the version pins the digest. */
function kedaImage(image: PinnedImage): { repository: string; tag: string } {
  return { repository: image.repository, tag: `${KEDA_CHART.version}@${image.digest}` };
}

/** Prometheus (operator and one server) and KEDA on the system node group; `crds` is what CRD users must wait for. */
export class ServingMetrics extends pulumi.ComponentResource {
  /** The Prometheus Operator CRDs release: PodMonitor, ServiceMonitor, … */
  readonly crds: k8s.helm.v3.Release;
  /** Everything a ScaledObject or PodMonitor needs before it is created. */
  readonly ready: pulumi.Resource[];

  constructor(name: string, args: ServingMetricsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:aws:ServingMetrics", name, args, opts);
    validateServingMetricsArgs(args);
    const parent = { parent: this };
    this.crds = new k8s.helm.v3.Release(
      `${name}-prometheus-crds`,
      {
        name: "prometheus-operator-crds",
        chart: PROMETHEUS_CHARTS.crds.chart,
        version: PROMETHEUS_CHARTS.crds.version,
        repositoryOpts: { repo: PROMETHEUS_CHARTS.repository },
        namespace: args.monitoringNamespace,
        createNamespace: true,
      },
      parent,
    );
    const prometheus = new k8s.helm.v3.Release(
      `${name}-prometheus`,
      {
        name: "prometheus",
        chart: PROMETHEUS_CHARTS.stack.chart,
        version: PROMETHEUS_CHARTS.stack.version,
        repositoryOpts: { repo: PROMETHEUS_CHARTS.repository },
        namespace: args.monitoringNamespace,
        createNamespace: true,
        skipCrds: true,
        values: {
          crds: { enabled: false },
          defaultRules: { create: false },
          grafana: { enabled: false },
          alertmanager: { enabled: false },
          kubeStateMetrics: { enabled: false },
          nodeExporter: { enabled: false },
          prometheusOperator: {
            image: chartImage(args.images.prometheusOperator),
            prometheusConfigReloader: { image: chartImage(args.images.prometheusConfigReloader) },
            admissionWebhooks: { enabled: false },
            tls: { enabled: false },
            nodeSelector: SYSTEM_POOL,
            resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "256Mi" } },
          },
          prometheus: {
            prometheusSpec: {
              image: chartImage(args.images.prometheus),
              nodeSelector: SYSTEM_POOL,
              retention: PROMETHEUS_RETENTION,
              // Every namespace's PodMonitors and ServiceMonitors, not only the chart's own.
              podMonitorSelectorNilUsesHelmValues: false,
              serviceMonitorSelectorNilUsesHelmValues: false,
              resources: { requests: { cpu: "500m", memory: "2Gi" }, limits: { memory: "2Gi" } },
            },
          },
        },
      },
      { parent: this, dependsOn: [this.crds] },
    );
    const keda = new k8s.helm.v3.Release(
      `${name}-keda`,
      {
        name: "keda",
        chart: KEDA_CHART.chart,
        version: KEDA_CHART.version,
        repositoryOpts: { repo: KEDA_CHART.repository },
        namespace: KEDA_NAMESPACE,
        createNamespace: true,
        values: {
          image: { keda: kedaImage(args.images.keda), metricsApiServer: kedaImage(args.images.kedaMetricsServer) },
          webhooks: { enabled: false },
          nodeSelector: SYSTEM_POOL,
        },
      },
      parent,
    );
    this.ready = [this.crds, prometheus, keda];
    this.registerOutputs({});
  }
}
