/**
 * The Kubernetes workloads as registered for every example (target kubernetes, and the
 * workload part of target aws): Pod Security "restricted" on every pod template (one table),
 * pinned images, GPU scheduling, no secret literals, private services, namespace guardrails.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { restrictedViolations } from "../components/kubernetes/pod-security.js";
import { bundleBuilt } from "./helpers/tools.js";
import { examplesFor, ofType, planExample, podTemplates, type Plan } from "./helpers/plans.js";
import { modelSizing } from "../stacks/model-sizing.js";
import { startupSeconds } from "../components/kubernetes/inference-service.js";
import { servingCommand } from "../components/kubernetes/serving-runtime.js";
import { SELF_HOSTED_RUNTIMES } from "../schemas/spec-constants.js";

const ready = bundleBuilt();
const examples = examplesFor("any").filter((example) => !example.includes("embedded"));
const plans = new Map<string, Plan>();

beforeAll(() => {
  if (!ready) return;
  for (const example of examples) plans.set(example, planExample(example));
});

const SECRET_NAME = /(^|_)(API_?KEY|SECRET|PASSWORD|MASTER_KEY|ACCESS_KEY|TOKEN)$/i;

describe.skipIf(!ready)("Pod Security restricted, for every pod template of every example", () => {
  it("finds pod templates to check", () => {
    const total = [...plans.values()].reduce((sum, plan) => sum + podTemplates(plan).length, 0);
    expect(total).toBeGreaterThanOrEqual(examples.length * 2);
  });

  it.each(examples)("%s: every pod template is restricted", (example) => {
    const problems = podTemplates(plans.get(example)!).flatMap((pod) =>
      restrictedViolations(pod.spec).map((problem) => `${pod.owner}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it("the checker itself rejects a privileged, root, capability-adding pod", () => {
    const problems = restrictedViolations({
      hostNetwork: true,
      containers: [
        { name: "bad", securityContext: { privileged: true, runAsUser: 0, capabilities: { add: ["SYS_ADMIN"] } } },
      ],
      volumes: [{ name: "host", hostPath: { path: "/" } }],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        "host namespaces are shared",
        "volume host is a hostPath",
        "bad: allowPrivilegeEscalation is not false",
        "bad: privileged",
        "bad: runs as UID 0",
        "bad: capabilities do not drop ALL",
        "bad: adds capabilities SYS_ADMIN",
      ]),
    );
  });
});

describe.skipIf(!ready).each(examples)("workloads of %s", (example) => {
  const plan = () => plans.get(example)!;

  it("pins every image by digest and reads secrets only by reference", () => {
    for (const pod of podTemplates(plan())) {
      for (const container of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) {
        expect(container.image, pod.owner).toMatch(/@sha256:[a-f0-9]{64}$/);
        for (const variable of container.env ?? []) {
          if (SECRET_NAME.test(variable.name))
            expect(variable.valueFrom?.secretKeyRef, `${pod.owner} ${variable.name}`).toBeDefined();
        }
        expect(container.resources?.limits?.memory ?? container.resources?.requests?.memory, pod.owner).toBeDefined();
      }
      expect(pod.spec.automountServiceAccountToken).toBe(false);
    }
    for (const configMap of ofType(plan(), "kubernetes:core/v1:ConfigMap")) {
      expect(JSON.stringify(configMap.props.data)).not.toMatch(
        /(sk-[A-Za-z0-9]{10,}|master_key:\s*["']?[A-Za-z0-9]{8,})/,
      );
    }
  });

  it("schedules model servers on GPU nodes with limits, probes and token limits from the spec", () => {
    const servers = podTemplates(plan()).filter((pod) => pod.metadata.labels["llmops.dev/tier"] === "inference");
    const selfHosted = plan().spec.spec.models.filter((model: any) =>
      (SELF_HOSTED_RUNTIMES as readonly string[]).includes(model.serving.runtime),
    );
    expect(servers).toHaveLength(selfHosted.length);
    for (const pod of servers) {
      const model = selfHosted.find(
        (candidate: any) => pod.metadata.labels["llmops.dev/role"] === `inference-${candidate.name}`,
      );
      const server = pod.spec.containers[0];
      if (model.gpu.count > 0) {
        expect(server.resources.limits["nvidia.com/gpu"]).toBe(String(model.gpu.count));
        expect(pod.spec.nodeSelector["llmops.dev/gpu"]).toBe(model.gpu.type);
        expect(pod.spec.tolerations).toContainEqual({
          key: "nvidia.com/gpu",
          operator: "Equal",
          value: "present",
          effect: "NoSchedule",
        });
      }
      expect(server.readinessProbe).toBeDefined();
      expect(server.livenessProbe).toBeDefined();
      expect(server.securityContext.readOnlyRootFilesystem).toBe(true);
      const env = Object.fromEntries(server.env.map((variable: any) => [variable.name, variable.value]));
      expect(env.LLMOPS_MAX_INPUT_TOKENS).toBe(String(model.limits.maxInputTokens));
      expect(env.LLMOPS_MAX_OUTPUT_TOKENS).toBe(String(model.limits.maxOutputTokens));
      expect(pod.metadata.annotations["llmops.dev/weights-digest"]).toBe(model.source.digest);
      expect(pod.spec.initContainers[0].args).toContain(model.source.digest.replace("sha256:", ""));
    }
    expect(ofType(plan(), "kubernetes:autoscaling/v2:HorizontalPodAutoscaler")).toEqual([]);
    expect(ofType(plan(), "kubernetes:policy/v1:PodDisruptionBudget").length).toBeGreaterThanOrEqual(selfHosted.length);
  });

  it("serves: a startupProbe sized by the weights, a drain before SIGTERM, zone spread, requests that fit the node", () => {
    const selfHosted = plan().spec.spec.models.filter((model: any) =>
      (SELF_HOSTED_RUNTIMES as readonly string[]).includes(model.serving.runtime),
    );
    for (const model of selfHosted) {
      const pod = podTemplates(plan()).find(
        (candidate) => candidate.metadata.labels["llmops.dev/role"] === `inference-${model.name}`,
      )!;
      const server = pod.spec.containers[0];
      const sizing = modelSizing(model);
      expect(
        server.startupProbe.periodSeconds * server.startupProbe.failureThreshold,
        model.name,
      ).toBeGreaterThanOrEqual(startupSeconds(sizing.weightsGiB));
      expect(server.livenessProbe.initialDelaySeconds).toBeUndefined();
      expect(server.lifecycle.preStop.sleep.seconds).toBeLessThan(pod.spec.terminationGracePeriodSeconds);
      expect(pod.spec.terminationGracePeriodSeconds).toBe(model.serving.terminationGracePeriodSeconds);
      expect(pod.spec.topologySpreadConstraints[0]).toMatchObject({
        topologyKey: "topology.kubernetes.io/zone",
        maxSkew: 1,
      });
      expect(server.resources.requests.cpu).toBe(`${sizing.requests.cpuMilli}m`);
      expect(server.resources.requests.memory).toBe(`${sizing.requests.memoryMiB}Mi`);
      // Weights come from the shared cache, read-only; no emptyDir sized by GPU count.
      const models = pod.spec.volumes.find((volume: any) => volume.name === "models");
      expect(models.persistentVolumeClaim).toMatchObject({ readOnly: true });
      for (const volume of pod.spec.volumes)
        if (volume.emptyDir?.sizeLimit && volume.emptyDir.medium !== "Memory")
          expect(parseInt(volume.emptyDir.sizeLimit, 10)).toBeLessThanOrEqual(10);
      const claim = ofType(plan(), "kubernetes:core/v1:PersistentVolumeClaim").find(
        (candidate) => candidate.props.metadata.name === models.persistentVolumeClaim.claimName,
      )!;
      expect(claim.props.spec.accessModes).toContain("ReadOnlyMany");
      const fill = ofType(plan(), "kubernetes:batch/v1:Job").find((job) =>
        job.props.spec.template.spec.volumes.some(
          (volume: any) => volume.persistentVolumeClaim?.claimName === claim.props.metadata.name,
        ),
      )!;
      expect(fill.props.spec.template.spec.containers[0].args).toEqual(
        expect.arrayContaining(["--sha256", model.source.digest.replace("sha256:", "")]),
      );
      // Scales on queue depth through KEDA and Prometheus, within the spec's bounds.
      const scaler = ofType(plan(), "kubernetes:keda.sh/v1alpha1:ScaledObject").find(
        (candidate) => candidate.props.metadata.name === `inference-${model.name}`,
      )!;
      expect(scaler.props.spec).toMatchObject({
        minReplicaCount: Math.max(1, model.replicas.min),
        maxReplicaCount: model.replicas.max,
      });
      expect(scaler.props.spec.triggers).toEqual([expect.objectContaining({ type: "prometheus" })]);
      expect(scaler.props.spec.triggers[0].metadata.query).toContain(
        servingCommand({
          name: model.name,
          runtime: model.serving.runtime,
          gpus: model.gpu.count,
          maxInputTokens: 1,
          maxOutputTokens: 1,
          maxConcurrentRequests: 1,
        }).metrics.queueMetric,
      );
      expect(
        scaler.props.spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.stabilizationWindowSeconds,
      ).toBe(plan().spec.spec.platform.autoscaling.scaleDownStabilizationSeconds);
      expect(
        ofType(plan(), "kubernetes:monitoring.coreos.com/v1:PodMonitor").some(
          (monitor) => monitor.props.metadata.name === `inference-${model.name}`,
        ),
      ).toBe(true);
    }
    if (selfHosted.some((model: any) => model.gpu.count > 0)) {
      const exporter = ofType(plan(), "kubernetes:apps/v1:DaemonSet").find(
        (daemon) => daemon.props.metadata.name === "dcgm-exporter",
      )!;
      expect(exporter.props.spec.template.spec.containers[0].image).toMatch(/dcgm-exporter@sha256:/);
      expect(exporter.props.spec.template.spec.volumes.some((volume: any) => volume.hostPath)).toBe(false);
    }
  });

  it("exposes only ClusterIP services, unless the spec allows public ingress (then CIDR-restricted)", () => {
    for (const service of ofType(plan(), "kubernetes:core/v1:Service")) {
      const type = service.props.spec.type ?? "ClusterIP";
      if (type === "LoadBalancer") {
        expect(plan().spec.spec.network.publicIngress.inference).toBe(true);
        expect(service.props.spec.loadBalancerSourceRanges).toEqual(
          plan().spec.spec.network.publicIngress.allowedCidrs,
        );
      } else {
        expect(type).toBe("ClusterIP");
      }
    }
  });

  it("guards the namespace: restricted labels, default deny, GPU quota, no default token", () => {
    const [namespace] = ofType(plan(), "kubernetes:core/v1:Namespace");
    expect(namespace!.props.metadata.labels).toMatchObject({
      "pod-security.kubernetes.io/enforce": "restricted",
      "pod-security.kubernetes.io/audit": "restricted",
      "pod-security.kubernetes.io/warn": "restricted",
    });
    const policies = ofType(plan(), "kubernetes:networking.k8s.io/v1:NetworkPolicy");
    expect(policies.find((policy) => policy.props.metadata.name === "default-deny-all")?.props.spec).toEqual({
      podSelector: {},
      policyTypes: ["Ingress", "Egress"],
    });
    expect(ofType(plan(), "kubernetes:core/v1:ResourceQuota")[0]!.props.spec.hard).toHaveProperty(
      "requests.nvidia.com/gpu",
    );
    expect(
      ofType(plan(), "kubernetes:core/v1:ServiceAccount").find((account) => account.props.metadata.name === "default")
        ?.props.automountServiceAccountToken,
    ).toBe(false);
    for (const role of ofType(plan(), "kubernetes:rbac.authorization.k8s.io/v1:Role")) {
      for (const rule of role.props.rules)
        expect([...rule.verbs, ...rule.resources, ...rule.apiGroups]).not.toContain("*");
    }
    expect(ofType(plan(), "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding")).toEqual([]);
  });

  it("lets only the retriever and ingestion reach an in-cluster vector database, and the gateway reach inference (and ingestion an embedding server)", () => {
    const policies = ofType(plan(), "kubernetes:networking.k8s.io/v1:NetworkPolicy");
    const vector = policies.find((policy) => policy.props.metadata.name === "vector-db-ingress");
    if (["qdrant", "pgvector"].includes(plan().spec.spec.vectorStore?.engine)) {
      const roles = vector!.props.spec.ingress[0].from.map(
        (peer: any) => peer.podSelector.matchLabels["llmops.dev/role"],
      );
      // With tenancy, the provisioning Job creates the tenants' collections or databases and roles.
      const provisioner =
        (plan().spec.spec.vectorStore?.tenancy ?? "single") !== "single" ? ["vector-db-provisioner"] : [];
      expect(roles.sort()).toEqual(["ingestion", "retrieval", ...provisioner]);
    }
    const embedders = new Set(
      (plan().spec.spec.models as Array<{ name: string; role?: string }>)
        .filter((model) => model.role === "embedding")
        .map((model) => `inference-${model.name}-ingress`),
    );
    for (const policy of policies.filter((candidate) => /^inference-.*-ingress$/.test(candidate.props.metadata.name))) {
      // Issue 18: RAG ingestion embeds with the declared embedding model, calling its server directly.
      const callers = [{ podSelector: { matchLabels: { "llmops.dev/role": "gateway" } } }];
      if (embedders.has(policy.props.metadata.name) && plan().spec.spec.pattern === "rag")
        callers.push({ podSelector: { matchLabels: { "llmops.dev/role": "ingestion" } } });
      expect(policy.props.spec.ingress[0].from).toEqual(callers);
    }
  });
});
