/**
 * Issue 17's done-when, as a user sees it: `llmops plan examples/airport-assistant.rag.yaml`
 * prints the resource tree, and the tree shows each declared control built — on aws the
 * guardrail services, the gateway's TLS listener (an NLB listener with the spec's ACM
 * certificate) and its cert-manager certificate, the network firewall of the egress allowlist and
 * the limiter store; on kubernetes the same controls in their Kubernetes form (an Ingress with a
 * certificate, NetworkPolicies that reach out only through the egress proxy). The tree is read
 * from the CLI's own text output; what the tree cannot show (annotations, CIDRs) from `--out`.
 *
 * On kubernetes the airport's managed vector store (Aurora pgvector) is refused (LLM-PLAT-003), so
 * its in-cluster twin is planned: the same spec with Qdrant, as test/declared-controls.test.ts does.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { bundleBuilt } from "./helpers/tools.js";
import { ROOT, runCli, tempDir } from "./helpers/cli.js";
import type { Plan } from "./helpers/plans.js";

const EXAMPLE = join(ROOT, "examples/airport-assistant.rag.yaml");

/** The airport with the in-cluster vector database the kubernetes target builds. */
function inClusterTwin(dir: string): string {
  const file = join(dir, "airport-assistant.rag.yaml");
  writeFileSync(
    file,
    readFileSync(EXAMPLE, "utf8")
      .replace(/^ {4}engine: auroraPgvector$/m, "    engine: qdrant")
      .replace(
        /^(\s+)gateway: (\{.*\})$/m,
        `$1gateway: $2\n$1vectorDatabase: { repository: registry.internal.example.com/platform/qdrant, digest: "sha256:cfc35d18e7332fde265d77541e0fc0165a811854f7158046053adb9674f9e866" }`,
      ),
  );
  return file;
}

/** The lines under the tree entry `<name> (<type>)`: its subtree, up to the next entry at its depth. */
function subtree(tree: string, componentType: string): string[] {
  const lines = tree.split("\n");
  const start = lines.findIndex((line) => line.includes(`(${componentType})`));
  if (start < 0) return [];
  const depth = lines[start]!.search(/[├└]/);
  const below: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const at = line.search(/[├└]/);
    if (at <= depth) break;
    below.push(line);
  }
  return below;
}

interface Planned {
  readonly status: number | null;
  readonly tree: string;
  readonly plan: Plan;
}

function planTree(spec: string, target: "aws" | "kubernetes"): Planned {
  const out = join(tempDir("llmops-tree-"), "plan.json");
  const result = runCli(["plan", spec, "--target", target, "--without-evidence", "--out", out], { timeoutMs: 180_000 });
  return { status: result.status, tree: result.stdout, plan: JSON.parse(readFileSync(out, "utf8")) as Plan };
}

const ready = bundleBuilt();

describe.skipIf(!ready)("llmops plan airport-assistant --target aws: the tree shows the declared controls", () => {
  let planned: Planned;
  beforeAll(() => {
    planned = planTree(EXAMPLE, "aws");
  }, 200_000);

  it("is clean", () => {
    expect(planned.tree).toMatch(/no findings/);
    expect(planned.status).toBe(0);
  });

  it("the guardrail services: Presidio analyzer and anonymizer and LLM Guard", () => {
    expect(subtree(planned.tree, "llmops:kubernetes:GuardrailServices")).toEqual(
      expect.arrayContaining([
        expect.stringContaining("3 × kubernetes:apps/v1:Deployment"),
        expect.stringContaining("3 × kubernetes:core/v1:Service"),
      ]),
    );
    const names = planned.plan.resources.map((resource) => resource.name);
    for (const role of ["presidio-analyzer", "presidio-anonymizer", "llm-guard"])
      expect(names).toContain(`airport-assistant-guardrails-${role}`);
  });

  it("the TLS listener (the gateway's NLB with the spec's ACM certificate) and the gateway's certificate", () => {
    const gateway = subtree(planned.tree, "llmops:kubernetes:Gateway");
    expect(gateway).toEqual(
      expect.arrayContaining([
        expect.stringContaining("1 × kubernetes:cert-manager.io/v1:Certificate"),
        expect.stringContaining("1 × kubernetes:core/v1:Service"),
      ]),
    );
    const service = planned.plan.resources.find((resource) => resource.name === "airport-assistant-gateway-service")!;
    const spec = parse(readFileSync(EXAMPLE, "utf8")) as {
      spec: { network: { publicIngress: { tls: { acmCertificateArn: string } } } };
    };
    expect(service.props.spec.type).toBe("LoadBalancer");
    expect(service.props.metadata.annotations).toMatchObject({
      "service.beta.kubernetes.io/aws-load-balancer-ssl-cert": spec.spec.network.publicIngress.tls.acmCertificateArn,
      "service.beta.kubernetes.io/aws-load-balancer-ssl-ports": "443",
    });
    expect(service.props.spec.ports).toEqual([expect.objectContaining({ port: 443, appProtocol: "https" })]);
  });

  it("the network firewall of the egress allowlist, with the spec's host", () => {
    const firewall = subtree(planned.tree, "llmops:aws:EgressFirewall");
    for (const type of [
      "aws:networkfirewall/firewall:Firewall",
      "aws:networkfirewall/firewallPolicy:FirewallPolicy",
      "aws:networkfirewall/ruleGroup:RuleGroup",
    ]) {
      expect(firewall).toEqual(expect.arrayContaining([expect.stringContaining(`1 × ${type}`)]));
    }
    const rules = planned.plan.resources.find(
      (resource) => resource.type === "aws:networkfirewall/ruleGroup:RuleGroup",
    )!;
    expect(rules.props.ruleGroup.rulesSource.rulesSourceList.targets).toEqual(["login.example.com"]);
  });

  it("the limiter store", () => {
    expect(subtree(planned.tree, "llmops:kubernetes:LimiterStore")).toEqual(
      expect.arrayContaining([expect.stringContaining("kubernetes:apps/v1:")]),
    );
  });
});

describe.skipIf(!ready)(
  "llmops plan airport-assistant --target kubernetes: the same controls in their Kubernetes form",
  () => {
    let planned: Planned;
    beforeAll(() => {
      planned = planTree(inClusterTwin(tempDir("llmops-airport-")), "kubernetes");
    }, 200_000);

    it("is clean", () => {
      expect(planned.tree).toMatch(/no findings/);
      expect(planned.status).toBe(0);
    });

    it("the guardrail services and the limiter store", () => {
      expect(subtree(planned.tree, "llmops:kubernetes:GuardrailServices")).toEqual(
        expect.arrayContaining([expect.stringContaining("3 × kubernetes:apps/v1:Deployment")]),
      );
      expect(subtree(planned.tree, "llmops:kubernetes:LimiterStore")).toEqual(
        expect.arrayContaining([expect.stringContaining("kubernetes:apps/v1:")]),
      );
    });

    it("the TLS listener (an Ingress with a cert-manager certificate) and the gateway's certificate", () => {
      expect(subtree(planned.tree, "llmops:kubernetes:Gateway")).toEqual(
        expect.arrayContaining([
          expect.stringContaining("1 × kubernetes:networking.k8s.io/v1:Ingress"),
          expect.stringContaining("1 × kubernetes:cert-manager.io/v1:Certificate"),
        ]),
      );
      const ingress = planned.plan.resources.find(
        (resource) => resource.type === "kubernetes:networking.k8s.io/v1:Ingress",
      )!;
      expect(ingress.props.metadata.annotations["cert-manager.io/cluster-issuer"]).toBe("letsencrypt-prod");
      expect(ingress.props.spec.tls).toEqual([
        { hosts: ["assistant.airport.example.com"], secretName: "gateway-public-tls" },
      ]);
    });

    it("egress: no firewall; the stack's Squid proxy from the allowlist; the review queue reaches only the proxy pods", () => {
      expect(planned.tree).not.toContain("aws:networkfirewall");
      expect(planned.tree).toContain("llmops:kubernetes:EgressProxy");
      const config = planned.plan.resources.find(
        (resource) => resource.name === "airport-assistant-egress-proxy-config",
      )!;
      expect(config.props.data["squid.conf"]).toContain("acl allowlisted dstdomain -n login.example.com\n");
      const policies = planned.plan.resources.filter(
        (resource) => resource.type === "kubernetes:networking.k8s.io/v1:NetworkPolicy",
      );
      const review = policies.find(
        (policy) => policy.name === "airport-assistant-feedback-loop-feedback-review-egress",
      )!;
      expect(review.props.spec.egress).toContainEqual({
        to: [{ podSelector: { matchLabels: { "llmops.dev/role": "egress-proxy" } } }],
        ports: [{ protocol: "TCP", port: 3128 }],
      });
      const outside = policies.flatMap((policy) =>
        (policy.props.spec.egress ?? []).flatMap((rule: { to?: Array<{ ipBlock?: { cidr: string } }> }) =>
          (rule.to ?? []).flatMap((peer) => (peer.ipBlock ? [`${policy.name} ${peer.ipBlock.cidr}`] : [])),
        ),
      );
      // The proxy opens 443 to any address; ingestion keeps the private network (platform.egressProxyCidrs)
      // for the Kafka broker; no other pod names an address outside the cluster.
      expect(new Set(outside)).toEqual(
        new Set([
          "airport-assistant-egress-proxy-egress 0.0.0.0/0",
          ...outside.filter((entry) => entry.includes("-ingest-") && entry.endsWith(" 10.40.255.0/28")),
        ]),
      );
    });
  },
);
