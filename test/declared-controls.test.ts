/**
 * Declared, built, checked: the airport example (every control declared) is planned through the
 * components on both targets; the plan shows each control built, is clean, and removing one
 * control from the built resources (never from the spec) makes the matching LLM-CTRL check fire.
 * Also: the component's LiteLLM, nginx and LLM Guard configuration as their documents define them.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { PolicyEngine } from "../policies/engine/engine.js";
import {
  edgeProxyConfig,
  gatewayConfig,
  validateGatewayArgs,
  type GatewayArgs,
} from "../components/kubernetes/gateway.js";
import {
  guardrailTable,
  llmGuardScanners,
  validateGuardrailServicesArgs,
  type GuardrailSelection,
} from "../components/kubernetes/guardrail-services.js";
import { BUNDLE_DIR, bundleBuilt } from "./helpers/tools.js";
import { engineAnd, planExample, planSpecFile, type Plan, type Resource } from "./helpers/plans.js";
import { ROOT, runCli, tempDir } from "./helpers/cli.js";
import { MINIMAL_GATEWAY_ARGS } from "./helpers/refusals.js";

const ALL: GuardrailSelection = {
  inputPromptInjection: true,
  inputPii: true,
  inputToxicity: true,
  outputPii: true,
  outputToxicity: true,
  outputGrounding: true,
  redactLogs: true,
};

describe("gateway configuration, as LiteLLM, nginx and LLM Guard read it", () => {
  const urls = {
    presidioAnalyzerUrl: "http://a:3000",
    presidioAnonymizerUrl: "http://b:3000",
    llmGuardUrl: "http://g:8000",
  };

  it("puts every declared guardrail in LiteLLM's guardrails list, on by default, at its stage", () => {
    const config = parse(
      gatewayConfig([{ model: "m", requestsPerMinute: 60, maxInputTokens: 100, maxOutputTokens: 10 }], {
        guardrails: { selection: ALL, ...urls },
        auditSink: true,
      }),
    ) as {
      guardrails: Array<{ guardrail_name: string; litellm_params: Record<string, unknown> }>;
      litellm_settings: Record<string, unknown>;
    };
    const byName = Object.fromEntries(config.guardrails.map((entry) => [entry.guardrail_name, entry.litellm_params]));
    expect(Object.keys(byName).sort()).toEqual([
      "llm-guard-input",
      "llm-guard-output",
      "pii-input",
      "pii-logging",
      "pii-output",
    ]);
    expect(config.guardrails.every((entry) => entry.litellm_params.default_on === true)).toBe(true);
    expect(byName["pii-input"]).toMatchObject({
      guardrail: "presidio",
      mode: "pre_call",
      presidio_analyzer_api_base: "http://a:3000",
      presidio_anonymizer_api_base: "http://b:3000",
    });
    expect(byName["pii-logging"]).toMatchObject({ guardrail: "presidio", mode: "logging_only" });
    expect(byName["llm-guard-output"]).toMatchObject({
      guardrail: "generic_guardrail_api",
      mode: "post_call",
      api_base: "http://g:8000",
      api_key: "os.environ/LLM_GUARD_TOKEN",
    });
    expect(config.litellm_settings.success_callback).toEqual(["generic_api"]);
  });

  it("builds only what is declared", () => {
    const none = {
      ...ALL,
      inputPromptInjection: false,
      inputToxicity: false,
      outputToxicity: false,
      outputGrounding: false,
      redactLogs: false,
      outputPii: false,
    };
    const config = parse(gatewayConfig([], { guardrails: { selection: none, ...urls } })) as {
      guardrails: Array<{ guardrail_name: string }>;
    };
    expect(config.guardrails.map((entry) => entry.guardrail_name)).toEqual(["pii-input"]);
  });

  it("LLM Guard's scanners.yml names the scanners LLM Guard documents, per selection", () => {
    const scanners = parse(llmGuardScanners(ALL)) as {
      input_scanners: Array<{ type: string }>;
      output_scanners: Array<{ type: string }>;
      app: { scan_fail_fast: boolean };
    };
    expect(scanners.input_scanners.map((scanner) => scanner.type)).toEqual(["PromptInjection", "Toxicity"]);
    expect(scanners.output_scanners.map((scanner) => scanner.type)).toEqual(["Toxicity", "FactualConsistency"]);
    expect(scanners.app.scan_fail_fast).toBe(true);
  });

  it("the edge proxy terminates TLS, proxies to loopback and adds the disclosure to every response", () => {
    const conf = edgeProxyConfig({
      disclosure: "You are chatting with an AI; answers may be wrong.",
      tlsMinVersion: "1.3",
    });
    expect(conf).toMatch(/listen 8443 ssl;/);
    expect(conf).toMatch(/ssl_protocols TLSv1\.3;/);
    expect(conf).toContain('add_header X-AI-Disclosure "You are chatting with an AI; answers may be wrong." always;');
    expect(conf).toContain(`return 200 '{"disclosure":"You are chatting with an AI; answers may be wrong."}';`);
    expect(conf).toContain("proxy_pass http://127.0.0.1:4000;");
    expect(conf).not.toMatch(/listen \d+;/);
    // Braces balance: nginx would refuse the file otherwise.
    expect(conf.split("{").length).toBe(conf.split("}").length);
  });

  it("refuses a disclosure that would break out of the nginx string, a guardrail without its service, and a public edge without a certificate", () => {
    const base: GatewayArgs = { ...MINIMAL_GATEWAY_ARGS, replicas: 1 };
    const pathOf = (validate: () => void): string | undefined => {
      try {
        validate();
      } catch (error) {
        return (error as { propertyPath?: string }).propertyPath;
      }
      return undefined;
    };
    expect(pathOf(() => validateGatewayArgs({ ...base, disclosure: 'AI" always; add_header X "y' }))).toBe(
      "disclosure",
    );
    expect(pathOf(() => validateGatewayArgs({ ...base, disclosure: "costs $host" }))).toBe("disclosure");
    expect(
      pathOf(() =>
        validateGatewayArgs({ ...base, disclosure: "Answers are AI-generated; HR confirms (eligibility) decisions." }),
      ),
    ).toBeUndefined();
    expect(pathOf(() => validateGatewayArgs({ ...base, guardrails: { selection: ALL } }))).toBe(
      "guardrails.presidioAnalyzerUrl",
    );
    expect(
      pathOf(() =>
        validateGatewayArgs({
          ...base,
          exposure: { kind: "awsNlb", acmCertificateArn: "", cidrs: ["198.51.100.0/24"] },
        }),
      ),
    ).toBe("exposure.acmCertificateArn");
    expect(
      pathOf(() =>
        validateGatewayArgs({
          ...base,
          exposure: { kind: "ingress", hostname: "h.example.com", cidrs: ["198.51.100.0/24"] },
        }),
      ),
    ).toBe("exposure.clusterIssuer");
    expect(pathOf(() => validateGatewayArgs({ ...base, replicas: 2 }))).toBe("limiterStore");
    expect(
      pathOf(() =>
        validateGuardrailServicesArgs({
          stack: "s",
          namespace: "n",
          selection: ALL,
          serviceAccountName: "sa",
          llmGuardTokenSecret: "t",
        }),
      ),
    ).toBe("presidioAnalyzerImage");
  });

  it("states the spec field, stage, action and latency budget of every guardrail", () => {
    for (const row of guardrailTable) {
      expect(row.specField).toMatch(/^(guardrails\.(input|output)|privacy\.piiRedaction)\./);
      expect(row.action.length).toBeGreaterThan(10);
      expect(row.latencyBudgetMs).toBeGreaterThanOrEqual(0);
    }
  });
});

const ready = bundleBuilt();

function findings(engine: PolicyEngine, resources: Resource[], spec: unknown): string[] {
  return engine.evaluateRuntime({ resources: resources, spec }).map((finding) => finding.id);
}

/** The plan with one resource (found by name suffix) replaced by `edit` of a deep copy. */
function edited(plan: Plan, nameSuffix: string, edit: (resource: Resource) => void): Resource[] {
  let hits = 0;
  const resources = plan.resources.map((resource) => {
    if (!resource.name.endsWith(nameSuffix)) return resource;
    hits++;
    const copy = structuredClone(resource);
    edit(copy);
    return copy;
  });
  expect(hits, `one resource named *${nameSuffix}`).toBe(1);
  return resources;
}

function editConfig(resource: Resource, change: (config: Record<string, any>) => void): void {
  const config = parse(resource.props.data["config.yaml"] as string) as Record<string, any>;
  change(config);
  resource.props.data["config.yaml"] = stringify(config);
}

function inClusterAirport(): string {
  const file = join(tempDir("llmops-airport-"), "airport-assistant.rag.yaml");
  writeFileSync(
    file,
    readFileSync(join(ROOT, "examples/airport-assistant.rag.yaml"), "utf8")
      .replace(/^    engine: auroraPgvector$/m, "    engine: qdrant")
      .replace(
        /^(\s+)gateway: (\{.*\})$/m,
        `$1gateway: $2\n$1vectorDatabase: { repository: registry.internal.example.com/platform/qdrant, digest: "sha256:cfc35d18e7332fde265d77541e0fc0165a811854f7158046053adb9674f9e866" }`,
      ),
  );
  return file;
}

describe.skipIf(!ready).each(["aws", "kubernetes"] as const)(
  "airport assistant on %s: declared controls built and checked",
  (target) => {
    let engine: PolicyEngine;
    let plan: Plan;
    beforeAll(async () => {
      engine = await PolicyEngine.load(BUNDLE_DIR);
      // On kubernetes the airport assistant's managed vector store is refused (LLM-PLAT-003): plan its
      // in-cluster twin, Qdrant with the image the campaign summariser pins.
      plan =
        target === "aws" ? planExample("airport-assistant.rag.yaml", target) : planSpecFile(inClusterAirport(), target);
    }, 120_000);

    it("shows the guardrail services, the certificate and the TLS edge, and is clean", () => {
      const names = plan.resources.map((resource) => `${resource.type} ${resource.name}`);
      for (const role of ["presidio-analyzer", "presidio-anonymizer", "llm-guard"])
        expect(names).toContain(`kubernetes:apps/v1:Deployment airport-assistant-guardrails-${role}`);
      expect(names).toContain("kubernetes:cert-manager.io/v1:Certificate airport-assistant-gateway-certificate");
      if (target === "kubernetes")
        expect(names).toContain("kubernetes:networking.k8s.io/v1:Ingress airport-assistant-gateway-ingress");
      expect(plan.spec.spec.guardrails.input.promptInjection).toBe(true);
      expect(findings(engine, plan.resources, plan.spec)).toEqual([]);
    });

    const removals: Array<[string, string, string, (resource: Resource) => void]> = [
      [
        "prompt-injection guardrail",
        "LLM-CTRL-001",
        "gateway-config",
        (r) =>
          editConfig(r, (c) => {
            c.guardrails = c.guardrails.filter((g: any) => g.guardrail_name !== "llm-guard-input");
          }),
      ],
      [
        "output PII guardrail",
        "LLM-CTRL-001",
        "gateway-config",
        (r) =>
          editConfig(r, (c) => {
            c.guardrails = c.guardrails.filter((g: any) => g.guardrail_name !== "pii-output");
          }),
      ],
      [
        "default_on on a guardrail",
        "LLM-CTRL-002",
        "gateway-config",
        (r) =>
          editConfig(r, (c) => {
            c.guardrails[0].litellm_params.default_on = false;
          }),
      ],
      [
        "the logging redaction",
        "LLM-CTRL-003",
        "gateway-config",
        (r) =>
          editConfig(r, (c) => {
            c.guardrails = c.guardrails.filter((g: any) => g.guardrail_name !== "pii-logging");
            c.litellm_settings.success_callback = ["generic_api"];
          }),
      ],
      [
        "the disclosure header",
        "LLM-CTRL-004",
        "gateway-edge-config",
        (r) => {
          r.props.data["nginx.conf"] = (r.props.data["nginx.conf"] as string).replace(/^.*X-AI-Disclosure.*$/m, "");
        },
      ],
      [
        "the gateway Service's TLS port",
        "LLM-CTRL-005",
        "gateway-service",
        (r) => {
          r.props.spec.ports = [{ name: "http", port: 4000, targetPort: 4000 }];
        },
      ],
      [
        "the shared limiter store",
        "LLM-CTRL-007",
        "gateway-config",
        (r) =>
          editConfig(r, (c) => {
            delete c.router_settings;
          }),
      ],
      [
        "the model server Service's TLS (a plain port instead)",
        "LLM-CTRL-010",
        "llama-31-8b-service",
        (r) => {
          r.props.spec.ports = [{ name: "http", port: 8000, targetPort: "http", protocol: "TCP" }];
        },
      ],
      [
        "the embedding server's TLS (a plain port beside the TLS one)",
        "LLM-CTRL-010",
        "bge-large-service",
        (r) => {
          r.props.spec.ports = [...r.props.spec.ports, { name: "http-plain", port: 8080, targetPort: 8010 }];
        },
      ],
      [
        "the limiter store's TLS appProtocol",
        "LLM-CTRL-010",
        "limiter-service",
        (r) => {
          delete r.props.spec.ports[0].appProtocol;
        },
      ],
      [
        "the Presidio analyzer's TLS",
        "LLM-CTRL-010",
        "presidio-analyzer-service",
        (r) => {
          r.props.spec.ports[0].appProtocol = "http";
        },
      ],
    ];
    it.each(removals)("removing %s from the built resources fires %s", (_what, id, suffix, edit) => {
      expect(findings(engine, edited(plan, suffix, edit), plan.spec)).toContain(id);
    });

    it("serves TLS on every in-cluster Service from a namespace CA, with https URLs between the services and NetworkPolicies on the ports that now carry TLS", () => {
      const ofKind = (type: string) => plan.resources.filter((resource) => resource.type === type);
      const namespace = plan.spec.spec.target.kubernetes?.namespace ?? plan.spec.metadata.name;
      // The documented cert-manager CA bootstrap: self-signed Issuer → CA Certificate → CA Issuer.
      const issuers = ofKind("kubernetes:cert-manager.io/v1:Issuer");
      expect(issuers.find((issuer) => issuer.props.metadata.name === "llmops-selfsigned")!.props.spec).toEqual({
        selfSigned: {},
      });
      expect(issuers.find((issuer) => issuer.props.metadata.name === "llmops-ca")!.props.spec).toEqual({
        ca: { secretName: "llmops-ca" },
      });
      const certificates = ofKind("kubernetes:cert-manager.io/v1:Certificate");
      expect(
        certificates.find((certificate) => certificate.props.metadata.name === "llmops-ca")!.props.spec,
      ).toMatchObject({ isCA: true, issuerRef: { kind: "Issuer", name: "llmops-selfsigned" } });
      const services = ofKind("kubernetes:core/v1:Service").filter(
        (service) => service.props.metadata.namespace === namespace,
      );
      expect(services.length).toBeGreaterThan(5);
      for (const service of services) {
        const role = service.props.spec.selector["llmops.dev/role"] as string;
        // The egress proxy relays CONNECT tunnels only, each carrying its client's own TLS (docs/egress.md).
        if (role === "egress-proxy") continue;
        for (const port of service.props.spec.ports)
          expect(["https", "tls"], `${service.props.metadata.name}:${port.port}`).toContain(port.appProtocol);
        if (role === "gateway") continue;
        // Each server has a namespace-CA certificate for its Service's DNS names.
        const certificate = certificates.find((candidate) =>
          candidate.props.spec.dnsNames?.includes(`${service.props.metadata.name}.${namespace}.svc.cluster.local`),
        );
        expect(certificate, `certificate of ${service.props.metadata.name}`).toBeDefined();
        expect(certificate!.props.spec.issuerRef).toMatchObject({ kind: "Issuer", name: "llmops-ca" });
        // The port the Service sends to is the one the role's ingress NetworkPolicy admits.
        const workload = plan.resources.find(
          (resource) =>
            ["kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet"].includes(resource.type) &&
            resource.props.spec.template.metadata.labels["llmops.dev/role"] === role,
        )!;
        const containers = workload.props.spec.template.spec.containers as Array<{
          ports?: Array<{ name?: string; containerPort: number }>;
        }>;
        const admitted = ofKind("kubernetes:networking.k8s.io/v1:NetworkPolicy")
          .filter((policy) => policy.props.spec.podSelector.matchLabels?.["llmops.dev/role"] === role)
          .flatMap((policy) =>
            (policy.props.spec.ingress ?? []).flatMap((rule: any) => (rule.ports ?? []).map((port: any) => port.port)),
          );
        for (const port of service.props.spec.ports) {
          const target =
            typeof port.targetPort === "number"
              ? port.targetPort
              : containers
                  .flatMap((container) => container.ports ?? [])
                  .find((candidate) => candidate.name === port.targetPort)?.containerPort;
          expect(target, `${service.props.metadata.name} targetPort ${port.targetPort}`).toBeDefined();
          expect(admitted, `${role} admits ${target}`).toContain(target);
        }
      }
      // Every URL the gateway is handed for an in-cluster service is https, and LiteLLM trusts the CA.
      const config = plan.resources.find((resource) => resource.props.metadata?.name === "gateway-config")!.props.data[
        "config.yaml"
      ] as string;
      expect(config).not.toMatch(new RegExp(`http://[a-z0-9-]+\\.${namespace}\\.svc`));
      expect(config).toMatch(new RegExp(`https://inference-[a-z0-9-]+\\.${namespace}\\.svc\\.cluster\\.local:8000/v1`));
      const gateway = ofKind("kubernetes:apps/v1:Deployment").find(
        (deployment) => deployment.props.metadata.name === "gateway",
      )!;
      const env = Object.fromEntries(
        (gateway.props.spec.template.spec.containers[0].env as Array<{ name: string; value?: string }>).map(
          (variable) => [variable.name, variable.value],
        ),
      );
      expect(env).toMatchObject({
        SSL_CERT_FILE: "/etc/llmops-trust/ca-bundle.crt",
        REDIS_SSL: "True",
        REDIS_SSL_CA_CERTS: "/etc/llmops-ca/ca.crt",
      });
      const caVolume = (
        gateway.props.spec.template.spec.volumes as Array<{
          name: string;
          secret?: { secretName: string; items?: unknown[] };
        }>
      ).find((volume) => volume.secret?.secretName === "llmops-ca")!;
      // Only the CA's certificate reaches the pod, never its key.
      expect(caVolume.secret!.items).toEqual([{ key: "ca.crt", path: "ca.crt" }]);
    });

    // The public edge is an NLB with an ACM certificate on aws and an Ingress with a tls section on kubernetes.
    it(`removing the public edge's TLS on ${target} fires LLM-CTRL-006 (critical, no spec needed)`, () => {
      const resources =
        target === "aws"
          ? edited(plan, "gateway-service", (r) => {
              delete r.props.metadata.annotations["service.beta.kubernetes.io/aws-load-balancer-ssl-cert"];
              delete r.props.spec.ports[0].appProtocol;
            })
          : edited(plan, "gateway-ingress", (r) => {
              delete r.props.spec.tls;
            });
      expect(findings(engine, resources, undefined)).toContain("LLM-CTRL-006");
    });
  },
);

describe.skipIf(!ready)("llmops check --spec ties manifests to the spec they were rendered from", () => {
  it("flags a gateway ConfigMap without the declared guardrails only when the spec is given; refuses a bad spec with exit 2", () => {
    const dir = tempDir("llmops-check-spec-");
    const manifest = join(dir, "gateway-config.yaml");
    writeFileSync(
      manifest,
      stringify({
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name: "gateway-config", namespace: "airport-assistant" },
        data: {
          "config.yaml": gatewayConfig([
            { model: "m", requestsPerMinute: 60, maxInputTokens: 100, maxOutputTokens: 10 },
          ]),
        },
      }),
    );
    expect(runCli(["check", manifest]).status).toBe(0);
    const withSpec = runCli(["check", manifest, "--spec", "examples/airport-assistant.rag.yaml", "-f", "json"]);
    expect(withSpec.status).toBe(1);
    expect(withSpec.stdout).toContain("LLM-CTRL-001");
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "apiVersion: llmops/v1alpha1\nkind: LLMOpsStack\nmetadata: {name: x}\nspec: {pattern: nope}\n");
    const refused = runCli(["check", manifest, "--spec", bad]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/bad\.yaml:\d+:\d+: --spec is not a valid spec/);
  }, 60_000);
});

/** The airport assistant with a longer egress allowlist (its example allows the OIDC issuer only), a wildcard among it. */
function airportWithEgress(): string {
  const file = join(tempDir("llmops-airport-egress-"), "airport-assistant.rag.yaml");
  const text = readFileSync(join(ROOT, "examples/airport-assistant.rag.yaml"), "utf8");
  const changed = text.replace(
    /^( {6}allowlist: )\[login\.example\.com\]$/m,
    '$1[aviationweather.gov, "*.notams.example.org"]',
  );
  expect(changed).not.toBe(text);
  writeFileSync(file, changed);
  return file;
}

describe.skipIf(!ready)("egress allowlist on aws: built as a Network Firewall in front of NAT, and checked", () => {
  let engine: PolicyEngine;
  let plan: Plan;
  beforeAll(
    async () => void ({ engine, plan } = await engineAnd(() => planSpecFile(airportWithEgress(), "aws"))),
    120_000,
  );

  const byName = (suffix: string) => plan.resources.find((resource) => resource.name.endsWith(suffix))!;

  it("plans the firewall, its domain rule group (the spec's hosts on TLS SNI and HTTP Host) and routes through it; clean", () => {
    const types = plan.resources.map((resource) => resource.type);
    for (const type of [
      "aws:networkfirewall/firewall:Firewall",
      "aws:networkfirewall/firewallPolicy:FirewallPolicy",
      "aws:networkfirewall/ruleGroup:RuleGroup",
      "aws:networkfirewall/loggingConfiguration:LoggingConfiguration",
    ])
      expect(types).toContain(type);
    expect(byName("egress-domains").props.ruleGroup.rulesSource.rulesSourceList).toEqual({
      generatedRulesType: "ALLOWLIST",
      targetTypes: ["TLS_SNI", "HTTP_HOST"],
      targets: [".notams.example.org", "aviationweather.gov"],
    });
    expect(byName("egress-policy").props.firewallPolicy).toMatchObject({
      statelessDefaultActions: ["aws:forward_to_sfe"],
      statefulDefaultActions: ["aws:drop_established", "aws:alert_established"],
    });
    // Every workload subnet's default route goes to a firewall endpoint; only firewall subnets reach NAT.
    const workloadTables = plan.resources.filter((resource) => /-net-private-rt-[0-2]$/.test(resource.name));
    expect(workloadTables).toHaveLength(3);
    for (const table of workloadTables)
      expect(table.props.routes).toEqual([
        { cidrBlock: "0.0.0.0/0", vpcEndpointId: expect.stringMatching(/^vpce-mocked/) },
      ]);
    const natRoutes = plan.resources.filter(
      (resource) =>
        resource.type === "aws:ec2/routeTable:RouteTable" &&
        (resource.props.routes ?? []).some((route: any) => route.natGatewayId),
    );
    expect(natRoutes.map((table) => table.name).sort()).toEqual(
      [0, 1, 2].map((i) => `airport-assistant-net-firewall-rt-${i}`),
    );
    // Replies return through the firewall: the public subnet routes the workload range to it.
    expect(byName("net-public-rt-0").props.routes).toContainEqual({
      cidrBlock: "10.40.0.0/19",
      vpcEndpointId: expect.stringMatching(/^vpce-mocked/),
    });
    expect(findings(engine, plan.resources, plan.spec)).toEqual([]);
  });

  const removals: Array<[string, (resources: Resource[]) => Resource[]]> = [
    [
      "the firewall",
      (resources) => resources.filter((resource) => resource.type !== "aws:networkfirewall/firewall:Firewall"),
    ],
    [
      "the firewall from a workload subnet's route (straight to NAT)",
      (resources) =>
        resources.map((resource) => {
          if (!resource.name.endsWith("net-private-rt-0")) return resource;
          const nat = resources.find((candidate) => candidate.name.endsWith("net-nat-0"))!;
          return {
            ...resource,
            props: {
              ...resource.props,
              routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id ?? `mocked-${nat.name}` }],
            },
          };
        }),
    ],
    [
      "the stateful drop default",
      (resources) =>
        resources.map((resource) =>
          resource.name.endsWith("egress-policy")
            ? {
                ...resource,
                props: {
                  firewallPolicy: {
                    ...resource.props.firewallPolicy,
                    statefulDefaultActions: ["aws:alert_established"],
                  },
                },
              }
            : resource,
        ),
    ],
    [
      "the spec's bounds from the domain list (a host added)",
      (resources) =>
        resources.map((resource) => {
          if (!resource.name.endsWith("egress-domains")) return resource;
          const copy = structuredClone(resource);
          copy.props.ruleGroup.rulesSource.rulesSourceList.targets.push("pastebin.com");
          return copy;
        }),
    ],
  ];
  it.each(removals)("removing %s from the built resources fires LLM-CTRL-008", (_what, edit) => {
    expect(findings(engine, edit(plan.resources), plan.spec)).toContain("LLM-CTRL-008");
  });

  it("the component refuses NAT egress without an allowlist", async () => {
    const { validatePrivateNetworkArgs } = await import("../components/aws/private-network.js");
    const base = {
      cidrBlock: "10.0.0.0/16",
      availabilityZones: ["a", "b"],
      endpointServices: [],
      region: "r",
      logKeyArn: "k",
      natEgress: true,
    };
    expect(() => validatePrivateNetworkArgs(base)).toThrow(/egress firewall/);
    expect(() => validatePrivateNetworkArgs({ ...base, egressAllowlist: ["bad host!"] })).toThrow(/not a host name/);
    expect(() => validatePrivateNetworkArgs({ ...base, egressAllowlist: ["*.example.com"] })).not.toThrow();
  });
});

describe.skipIf(!ready)(
  "egress allowlist on kubernetes: pods reach out only through the egress proxy, and that is checked",
  () => {
    let engine: PolicyEngine;
    let plan: Plan;
    beforeAll(
      async () =>
        void ({ engine, plan } = await engineAnd(() => planExample("hr-benefits.blackbox.yaml", "kubernetes"))),
      120_000,
    );

    const policiesOf = (resources: Resource[]) =>
      resources.filter((resource) => resource.type === "kubernetes:networking.k8s.io/v1:NetworkPolicy");

    it("the stack builds its Squid proxy from the allowlist; the gateway reaches only the proxy pods; the plan is clean", () => {
      expect(plan.spec.spec.network.egress.mode).toBe("allowlist");
      const config = plan.resources.find((resource) => resource.name === "hr-benefits-egress-proxy-config")!;
      expect(config.props.data["squid.conf"]).toContain(
        "acl allowlisted dstdomain -n llm-proxy.internal.example.com\n",
      );
      const gatewayPolicy = policiesOf(plan.resources).find((policy) => policy.props.metadata.name === "gateway")!;
      const outside = gatewayPolicy.props.spec.egress.filter((rule: any) =>
        (rule.to ?? []).some((peer: any) => peer.ipBlock),
      );
      expect(outside).toEqual([]);
      expect(gatewayPolicy.props.spec.egress).toContainEqual({
        to: [{ podSelector: { matchLabels: { "llmops.dev/role": "egress-proxy" } } }],
        ports: [{ protocol: "TCP", port: 3128 }],
      });
      // Only the proxy's own policy names an address outside the cluster.
      const blocks = policiesOf(plan.resources).flatMap((policy) =>
        (policy.props.spec.egress ?? []).flatMap((rule: any) =>
          (rule.to ?? []).flatMap((peer: any) =>
            peer.ipBlock ? [`${policy.props.metadata.name} ${peer.ipBlock.cidr}`] : [],
          ),
        ),
      );
      expect(blocks).toEqual(["egress-proxy-egress 0.0.0.0/0"]);
      expect(findings(engine, plan.resources, plan.spec)).toEqual([]);
    });

    it("the proxy runs 2 restricted replicas with a PDB; the gateway's container is sent through it", () => {
      const byName = (name: string) => plan.resources.find((resource) => resource.name === name)!;
      const deployment = byName("hr-benefits-egress-proxy-deployment");
      expect(deployment.props.spec.replicas).toBe(2);
      const pod = deployment.props.spec.template.spec;
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
      expect(pod.containers[0].securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ["ALL"] },
      });
      expect(pod.volumes.filter((volume: any) => volume.emptyDir).map((volume: any) => volume.name)).toEqual([
        "run",
        "tmp",
      ]);
      expect(byName("hr-benefits-egress-proxy-pdb").props.spec.maxUnavailable).toBe(1);
      // The clients that exist in this stack: the gateway (an external API) and the review queue and export.
      expect(byName("hr-benefits-egress-proxy-ingress").props.spec.ingress).toEqual([
        {
          from: ["gateway", "feedback-review", "feedback-export"].map((role) => ({
            podSelector: { matchLabels: { "llmops.dev/role": role } },
          })),
          ports: [{ protocol: "TCP", port: 3128 }],
        },
      ]);
      const gateway = byName("hr-benefits-gateway-deployment").props.spec.template.spec.containers.find(
        (container: any) => container.name === "gateway",
      );
      const env = Object.fromEntries(gateway.env.map((entry: any) => [entry.name, entry.value]));
      expect(env.HTTPS_PROXY).toBe("http://egress-proxy.hr-benefits.svc.cluster.local:3128");
      expect(env.NO_PROXY).toContain(".svc.cluster.local");
    });

    it("removing the proxy's NetworkPolicy selection of a client (a pod with no egress policy) fires LLM-CTRL-009", () => {
      // The gateway's policy no longer governs egress: its pods may reach anything.
      const resources = edited(plan, "hr-benefits-gateway-policy", (r) => {
        r.props.spec.policyTypes = ["Ingress"];
        delete r.props.spec.egress;
      });
      const namespaceWide = resources.filter(
        (resource) =>
          resource.type === "kubernetes:networking.k8s.io/v1:NetworkPolicy" &&
          Object.keys(resource.props.spec.podSelector ?? {}).length === 0,
      );
      // Drop the namespace-wide policies too (default deny, DNS): then no egress policy selects the gateway's pods.
      const without = resources.filter((resource) => !namespaceWide.includes(resource));
      expect(findings(engine, without, plan.spec)).toContain("LLM-CTRL-009");
    });

    it("a narrow public range on a client's egress policy fires LLM-CTRL-009 (the namespace has a proxy)", () => {
      const resources = edited(plan, "hr-benefits-gateway-policy", (r) => {
        r.props.spec.egress = [
          ...r.props.spec.egress,
          { to: [{ ipBlock: { cidr: "52.218.0.0/17" } }], ports: [{ protocol: "TCP", port: 443 }] },
        ];
      });
      expect(findings(engine, resources, plan.spec)).toContain("LLM-CTRL-009");
    });

    it("widening the proxy's configuration beyond the allowlist fires LLM-CTRL-014", () => {
      const widened = edited(plan, "hr-benefits-egress-proxy-config", (r) => {
        r.props.data["squid.conf"] = r.props.data["squid.conf"].replace(
          "llm-proxy.internal.example.com",
          "llm-proxy.internal.example.com .pastebin.com",
        );
      });
      expect(findings(engine, widened, plan.spec)).toEqual(["LLM-CTRL-014"]);
      const opened = edited(plan, "hr-benefits-egress-proxy-config", (r) => {
        r.props.data["squid.conf"] = r.props.data["squid.conf"].replace(
          "http_access deny all",
          "http_access allow all",
        );
      });
      expect(findings(engine, opened, plan.spec)).toEqual(["LLM-CTRL-014"]);
    });

    it("the component refuses an empty allowlist, a bad host and an unpinned image", async () => {
      const { validateEgressProxyArgs } = await import("../components/kubernetes/egress-proxy.js");
      const base = {
        stack: "s",
        namespace: "ns",
        image: { repository: "squid", digest: `sha256:${"a".repeat(64)}` },
        serviceAccountName: "egress-proxy",
        allowlist: ["login.example.com"],
        clientRoles: ["gateway"],
      };
      expect(() => validateEgressProxyArgs(base)).not.toThrow();
      expect(() => validateEgressProxyArgs({ ...base, allowlist: [] })).toThrow(/at least one allowed host/);
      expect(() => validateEgressProxyArgs({ ...base, allowlist: ["bad host!"] })).toThrow(/not a host name/);
      expect(() => validateEgressProxyArgs({ ...base, image: { repository: "squid", digest: "latest" } })).toThrow(
        /sha256/,
      );
    });

    it.each([
      ["an egress rule to every destination on 443", { ports: [{ protocol: "TCP", port: 443 }] }],
      ["an IP block for the whole internet", { to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }],
    ])("adding %s to a built NetworkPolicy fires LLM-CTRL-009", (_what, rule) => {
      const resources = edited(plan, "hr-benefits-gateway-policy", (r) => {
        r.props.spec.egress = [...r.props.spec.egress, rule];
      });
      expect(findings(engine, resources, plan.spec)).toContain("LLM-CTRL-009");
    });
  },
);
