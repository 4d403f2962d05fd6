/**
 * The Kubernetes workloads as registered for every example (target kubernetes, and the
 * workload part of target aws): Pod Security "restricted" on every pod template (one table),
 * pinned images, GPU scheduling, no secret literals, private services, namespace guardrails.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { restrictedViolations } from "../components/kubernetes/pod-security.js";
import { bundleBuilt } from "./helpers/tools.js";
import { examplesFor, ofType, planExample, podTemplates, type Plan } from "./helpers/plans.js";

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
    const problems = podTemplates(plans.get(example)!).flatMap((pod) => restrictedViolations(pod.spec).map((problem) => `${pod.owner}: ${problem}`));
    expect(problems).toEqual([]);
  });

  it("the checker itself rejects a privileged, root, capability-adding pod", () => {
    const problems = restrictedViolations({
      hostNetwork: true,
      containers: [{ name: "bad", securityContext: { privileged: true, runAsUser: 0, capabilities: { add: ["SYS_ADMIN"] } } }],
      volumes: [{ name: "host", hostPath: { path: "/" } }],
    });
    expect(problems).toEqual(expect.arrayContaining([
      "host namespaces are shared", "volume host is a hostPath", "bad: allowPrivilegeEscalation is not false", "bad: privileged",
      "bad: runs as UID 0", "bad: capabilities do not drop ALL", "bad: adds capabilities SYS_ADMIN",
    ]));
  });
});

describe.skipIf(!ready).each(examples)("workloads of %s", (example) => {
  const plan = () => plans.get(example)!;

  it("pins every image by digest and reads secrets only by reference", () => {
    for (const pod of podTemplates(plan())) {
      for (const container of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) {
        expect(container.image, pod.owner).toMatch(/@sha256:[a-f0-9]{64}$/);
        for (const variable of container.env ?? []) {
          if (SECRET_NAME.test(variable.name)) expect(variable.valueFrom?.secretKeyRef, `${pod.owner} ${variable.name}`).toBeDefined();
        }
        expect(container.resources?.limits?.memory ?? container.resources?.requests?.memory, pod.owner).toBeDefined();
      }
      expect(pod.spec.automountServiceAccountToken).toBe(false);
    }
    for (const configMap of ofType(plan(), "kubernetes:core/v1:ConfigMap")) {
      expect(JSON.stringify(configMap.props.data)).not.toMatch(/(sk-[A-Za-z0-9]{10,}|master_key:\s*["']?[A-Za-z0-9]{8,})/);
    }
  });

  it("schedules model servers on GPU nodes with limits, probes and token limits from the spec", () => {
    const servers = podTemplates(plan()).filter((pod) => pod.metadata.labels["llmops.dev/tier"] === "inference");
    const selfHosted = plan().spec.spec.models.filter((model: any) => ["vllm", "tgi", "triton"].includes(model.serving.runtime));
    expect(servers).toHaveLength(selfHosted.length);
    for (const pod of servers) {
      const model = selfHosted.find((candidate: any) => pod.metadata.labels["llmops.dev/role"] === `inference-${candidate.name}`);
      const server = pod.spec.containers[0];
      if (model.gpu.count > 0) {
        expect(server.resources.limits["nvidia.com/gpu"]).toBe(String(model.gpu.count));
        expect(pod.spec.nodeSelector["llmops.dev/gpu"]).toBe(model.gpu.type);
        expect(pod.spec.tolerations).toContainEqual({ key: "nvidia.com/gpu", operator: "Equal", value: "present", effect: "NoSchedule" });
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
    for (const hpa of ofType(plan(), "kubernetes:autoscaling/v2:HorizontalPodAutoscaler")) {
      const model = selfHosted.find((candidate: any) => hpa.props.metadata.name === `inference-${candidate.name}`);
      expect(hpa.props.spec.maxReplicas).toBe(model.replicas.max);
    }
    expect(ofType(plan(), "kubernetes:policy/v1:PodDisruptionBudget").length).toBeGreaterThanOrEqual(selfHosted.length);
  });

  it("exposes only ClusterIP services, unless the spec allows public ingress (then CIDR-restricted)", () => {
    for (const service of ofType(plan(), "kubernetes:core/v1:Service")) {
      const type = service.props.spec.type ?? "ClusterIP";
      if (type === "LoadBalancer") {
        expect(plan().spec.spec.network.publicIngress.inference).toBe(true);
        expect(service.props.spec.loadBalancerSourceRanges).toEqual(plan().spec.spec.network.publicIngress.allowedCidrs);
      } else {
        expect(type).toBe("ClusterIP");
      }
    }
  });

  it("guards the namespace: restricted labels, default deny, GPU quota, no default token", () => {
    const [namespace] = ofType(plan(), "kubernetes:core/v1:Namespace");
    expect(namespace!.props.metadata.labels).toMatchObject({
      "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/audit": "restricted", "pod-security.kubernetes.io/warn": "restricted",
    });
    const policies = ofType(plan(), "kubernetes:networking.k8s.io/v1:NetworkPolicy");
    expect(policies.find((policy) => policy.props.metadata.name === "default-deny-all")?.props.spec).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
    expect(ofType(plan(), "kubernetes:core/v1:ResourceQuota")[0]!.props.spec.hard).toHaveProperty("requests.nvidia.com/gpu");
    expect(ofType(plan(), "kubernetes:core/v1:ServiceAccount").find((account) => account.props.metadata.name === "default")?.props.automountServiceAccountToken).toBe(false);
    for (const role of ofType(plan(), "kubernetes:rbac.authorization.k8s.io/v1:Role")) {
      for (const rule of role.props.rules) expect([...rule.verbs, ...rule.resources, ...rule.apiGroups]).not.toContain("*");
    }
    expect(ofType(plan(), "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding")).toEqual([]);
  });

  it("lets only the retriever and ingestion reach an in-cluster vector database, and the gateway reach inference", () => {
    const policies = ofType(plan(), "kubernetes:networking.k8s.io/v1:NetworkPolicy");
    const vector = policies.find((policy) => policy.props.metadata.name === "vector-db-ingress");
    if (["qdrant", "pgvector"].includes(plan().spec.spec.vectorStore?.engine)) {
      const roles = vector!.props.spec.ingress[0].from.map((peer: any) => peer.podSelector.matchLabels["llmops.dev/role"]);
      expect(roles.sort()).toEqual(["ingestion", "retrieval"]);
    }
    for (const policy of policies.filter((candidate) => /^inference-.*-ingress$/.test(candidate.props.metadata.name))) {
      expect(policy.props.spec.ingress[0].from).toEqual([{ podSelector: { matchLabels: { "llmops.dev/role": "gateway" } } }]);
    }
  });
});
