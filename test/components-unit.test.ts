/**
 * The components' pure parts: CIDR maths (property-tested), the GPU instance table, IAM
 * documents, serving arguments, gateway configuration, and every validator's refusals.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contains, formatCidr, layoutSubnets, overlaps, parseCidr } from "../components/aws/cidr.js";
import { instanceTypeFor } from "../components/aws/gpu-instance-types.js";
import { allowedPairs, irsaTrustPolicy, keyPolicy, tlsOnlyStatement } from "../components/aws/iam-documents.js";
import { nodeCounts, validateGpuInferenceClusterArgs } from "../components/aws/gpu-inference-cluster.js";
import { validateAccessControlsArgs } from "../components/aws/access-controls.js";
import { validatePrivateNetworkArgs } from "../components/aws/private-network.js";
import { logRetentionFor, validateAuditTrailArgs } from "../components/aws/audit-trail.js";
import { validateSecureBucketArgs } from "../components/aws/secure-bucket.js";
import { servingCommand } from "../components/kubernetes/serving-runtime.js";
import { gatewayConfig, validateGatewayArgs } from "../components/kubernetes/gateway.js";
import { validateWorkloadRbacArgs } from "../components/kubernetes/workload-rbac.js";
import { validateInferenceServiceArgs } from "../components/kubernetes/inference-service.js";
import { validateNamespaceGuardrailsArgs } from "../components/kubernetes/namespace-guardrails.js";
import { validateModelCacheArgs } from "../components/kubernetes/model-cache.js";
import { validateGpuNodeAgentsArgs } from "../components/kubernetes/gpu-node-agents.js";
import { validateModelCacheStorageArgs } from "../components/aws/model-cache-storage.js";
import { restrictedContainerSecurityContext, restrictedPodSecurityContext, restrictedViolations } from "../components/kubernetes/pod-security.js";

const DIGEST = `sha256:${"a".repeat(64)}`;

describe("CIDR maths", () => {
  const vpc = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 16, max: 20 })).map(([a, b, prefix]) => {
    const base = 10 * 2 ** 24 + a * 2 ** 16 + b * 2 ** 8;
    const size = 2 ** (32 - prefix);
    return formatCidr({ base: base - (base % size), prefix });
  });

  it("lays out subnets inside the VPC, aligned and never overlapping", () => {
    fc.assert(fc.property(vpc, fc.integer({ min: 2, max: 6 }), fc.boolean(), (cidr, zones, withPublic) => {
      const layout = layoutSubnets(cidr, zones, withPublic);
      const all = [...layout.private, ...layout.data, ...layout.public, ...layout.firewall].map(parseCidr);
      expect(layout.private).toHaveLength(zones);
      expect(layout.data).toHaveLength(zones);
      expect(layout.public).toHaveLength(withPublic ? zones : 0);
      expect(layout.firewall).toHaveLength(withPublic ? zones : 0);
      for (const subnet of layout.firewall) expect(subnet).toMatch(/\/28$/);
      for (const subnet of all) expect(contains(parseCidr(cidr), subnet)).toBe(true);
      for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlaps(all[i]!, all[j]!)).toBe(false);
    }), { numRuns: 300 });
  });

  it("round-trips CIDRs and rejects host bits and garbage", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 }), (address, prefix) => {
      const size = 2 ** (32 - prefix);
      const cidr = formatCidr({ base: address - (address % size), prefix });
      expect(formatCidr(parseCidr(cidr))).toBe(cidr);
    }));
    expect(() => parseCidr("10.0.0.1/16")).toThrow(/host bits/);
    expect(() => parseCidr("10.0.0.0/33")).toThrow(/not an IPv4 CIDR/);
    expect(() => parseCidr("300.0.0.0/8")).toThrow(/not an IPv4 CIDR/);
    expect(() => layoutSubnets("10.0.0.0/24", 3, true)).toThrow(/too small/);
  });
});

describe("GPU instance mapping (the documented table)", () => {
  it.each([
    ["L4", 1, "g6.xlarge"], ["L4", 2, "g6.12xlarge"], ["A10G", 1, "g5.xlarge"], ["L40S", 4, "g6e.12xlarge"],
    ["A100", 1, "p4d.24xlarge"], ["H100", 8, "p5.48xlarge"], ["L4", 8, "g6.48xlarge"],
  ] as const)("%s × %d → %s", (gpu, count, instance) => {
    expect(instanceTypeFor(gpu, count).instanceType).toBe(instance);
  });

  it("packs replicas onto nodes", () => {
    expect(nodeCounts({ gpu: "L4", gpusPerReplica: 1, minReplicas: 2, maxReplicas: 6 })).toEqual({ instanceType: "g6.xlarge", min: 2, max: 6 });
    expect(nodeCounts({ gpu: "A100", gpusPerReplica: 2, minReplicas: 1, maxReplicas: 8 })).toEqual({ instanceType: "p4d.24xlarge", min: 1, max: 2 });
    expect(() => instanceTypeFor("L4", 9)).toThrow(/no L4 instance has 9 GPUs/);
  });
});

describe("IAM documents", () => {
  it("pins IRSA trust to one service account and the STS audience", () => {
    const trust = irsaTrustPolicy("arn:aws:iam::1:oidc-provider/x", "https://oidc.eks.eu-west-1.amazonaws.com/id/ABC", "ns", "inference-sa");
    expect(trust.Statement[0]!.Condition).toEqual({
      StringEquals: {
        "oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:ns:inference-sa",
        "oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com",
      },
    });
  });

  it("names no wildcard principal in key policies and denies plain HTTP on buckets", () => {
    const policy = keyPolicy("123456789012", "eu-west-1", ["logs", "s3"]);
    for (const statement of policy.Statement) expect(JSON.stringify(statement.Principal)).not.toMatch(/"\*"/);
    expect(tlsOnlyStatement("arn:aws:s3:::b")).toMatchObject({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } });
    expect(allowedPairs(policy).length).toBeGreaterThan(0);
  });
});

describe("serving runtimes carry the spec's limits", () => {
  const model = { name: "m", gpus: 2, maxInputTokens: 8000, maxOutputTokens: 1000, maxConcurrentRequests: 32, seed: 7 };
  it("vLLM", () => {
    const { args } = servingCommand({ ...model, runtime: "vllm" });
    expect(args).toEqual(expect.arrayContaining(["--max-model-len", "9000", "--max-num-seqs", "32", "--seed", "7", "--tensor-parallel-size", "2"]));
  });
  it("TGI", () => {
    const { args } = servingCommand({ ...model, runtime: "tgi" });
    expect(args).toEqual(expect.arrayContaining(["--max-input-tokens", "8000", "--max-total-tokens", "9000", "--max-concurrent-requests", "32", "--num-shard", "2"]));
  });
  it("text-embeddings-inference", () => {
    const { args } = servingCommand({ ...model, runtime: "tei" });
    expect(args).toEqual(expect.arrayContaining(["--model-id", "/models/m", "--max-concurrent-requests", "32", "--max-batch-tokens", "16384"]));
  });
  it("Triton", () => {
    const command = servingCommand({ ...model, runtime: "triton" });
    expect(command.healthPath).toBe("/v2/health/ready");
    expect(command.env).toMatchObject({ LLMOPS_MAX_INPUT_TOKENS: "8000", LLMOPS_MAX_OUTPUT_TOKENS: "1000" });
  });
  it("the gateway config reads its key from the environment and sets per-model limits", () => {
    const config = gatewayConfig([{ model: "m", apiBase: "http://x/v1", requestsPerMinute: 60, tokensPerMinute: 1000, maxInputTokens: 8000, maxOutputTokens: 500 }]);
    expect(config).toContain("master_key: os.environ/LITELLM_MASTER_KEY");
    expect(config).toMatch(/rpm: 60/);
    expect(config).toMatch(/tpm: 1000/);
  });
});

describe("validators refuse insecure or inconsistent arguments with a property path", () => {
  const cases: Array<[string, () => void, RegExp]> = [
    ["public EKS endpoint without CIDRs", () => validateGpuInferenceClusterArgs({ vpcId: "v", privateSubnetIds: [], secretsKeyArn: "k", volumeKeyArn: "k", logKeyArn: "k", gpuPools: [], publicEndpoint: true }), /publicAccessCidrs/],
    ["EKS endpoint open to the world", () => validateGpuInferenceClusterArgs({ vpcId: "v", privateSubnetIds: [], secretsKeyArn: "k", volumeKeyArn: "k", logKeyArn: "k", gpuPools: [], publicEndpoint: true, publicAccessCidrs: ["0.0.0.0/0"] }), /0\.0\.0\.0\/0/],
    ["one availability zone", () => validatePrivateNetworkArgs({ cidrBlock: "10.0.0.0/16", availabilityZones: ["a"], endpointServices: [], region: "r", logKeyArn: "k" }), /two availability zones/],
    ["wildcard IAM action", () => validateAccessControlsArgs({ accountId: "1", oidcProviderArn: "a", oidcIssuer: "i", namespace: "n", grants: { inference: [{ actions: ["s3:*"], resources: ["arn:aws:s3:::b/*"] }] } }), /wildcard actions/],
    ["wildcard IAM resource", () => validateAccessControlsArgs({ accountId: "1", oidcProviderArn: "a", oidcIssuer: "i", namespace: "n", grants: { inference: [{ actions: ["s3:GetObject"], resources: ["*"] }] } }), /wildcard resources/],
    ["audit retention 0", () => validateAuditTrailArgs({ accountId: "1", region: "r", kmsKeyArn: "k", accessLogBucket: "b", retentionDays: 0, dataEventBucketArns: [] }), /retentionDays/],
    ["expiry before object lock", () => validateSecureBucketArgs({ kmsKeyArn: "k", objectLockDays: 30, expireAfterDays: 10 }), /expireAfterDays/],
    ["public gateway open to the world", () => validateGatewayArgs({ stack: "s", namespace: "n", image: { repository: "r", digest: DIGEST }, edgeImage: { repository: "e", digest: DIGEST }, routes: [], serviceAccountName: "sa", masterKeySecret: "k", internalIssuer: "ca", exposure: { kind: "awsNlb", acmCertificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/x", cidrs: ["0.0.0.0/0"] }, egressTo: [] }), /0\.0\.0\.0\/0/],
    ["RBAC escalate verb", () => validateWorkloadRbacArgs({ namespace: "n", workloads: [{ name: "w", rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["escalate"] }] }] }), /escalate/],
    ["RBAC wildcard resource", () => validateWorkloadRbacArgs({ namespace: "n", workloads: [{ name: "w", rules: [{ apiGroups: [""], resources: ["*"], verbs: ["get"] }] }] }), /wildcard/],
    ["RBAC reading a secret", () => validateWorkloadRbacArgs({ namespace: "n", workloads: [{ name: "w", rules: [{ apiGroups: [""], resources: ["configmaps", "secrets"], verbs: ["get"] }] }] }), /reading secrets/],
    ["RBAC exec into pods", () => validateWorkloadRbacArgs({ namespace: "n", workloads: [{ name: "w", rules: [{ apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] }] }] }), /exec/],
    ["RBAC minting tokens", () => validateWorkloadRbacArgs({ namespace: "n", workloads: [{ name: "w", rules: [{ apiGroups: [""], resources: ["serviceaccounts/token"], verbs: ["create"] }] }] }), /tokens/],
    ["image by tag", () => validateInferenceServiceArgs({ stack: "s", namespace: "n", model: { name: "m", runtime: "vllm", gpus: 1, maxInputTokens: 1, maxOutputTokens: 1, maxConcurrentRequests: 1 }, image: { repository: "r", digest: "latest" }, fetcherImage: { repository: "f", digest: DIGEST }, weights: { digest: DIGEST, sizeGiB: 16 }, cache: { claimName: "c", modelPath: "/models/m" }, serviceAccountName: "sa", compute: { cpuMilli: 2000, memoryMiB: 8192 }, replicas: { min: 1, max: 2 }, autoscaling: { prometheusAddress: "http://p:9090", monitoringNamespace: "monitoring", queueTargetPerReplica: 4, scaleDownStabilizationSeconds: 300 }, allowedCallerRoles: ["gateway"] }), /pinned by sha256/],
    ["weights cache by tag", () => validateModelCacheArgs({ stack: "s", namespace: "n", model: "m", fetcherImage: { repository: "f", digest: DIGEST }, weights: { uri: "s3://x", digest: "latest" }, weightsGiB: 15, serviceAccountName: "sa" }), /weights\.digest/],
    ["empty weights cache", () => validateModelCacheArgs({ stack: "s", namespace: "n", model: "m", fetcherImage: { repository: "f", digest: DIGEST }, weights: { uri: "s3://x", digest: DIGEST }, weightsGiB: 0, serviceAccountName: "sa" }), /weightsGiB/],
    ["DCGM exporter by tag", () => validateGpuNodeAgentsArgs({ stack: "s", namespace: "n", dcgmExporterImage: { repository: "d", digest: "4.2.3" }, monitoringNamespace: "monitoring" }), /dcgmExporterImage\.digest/],
    ["pool on a size without its GPUs", () => validateGpuInferenceClusterArgs({ vpcId: "v", privateSubnetIds: [], secretsKeyArn: "k", volumeKeyArn: "k", logKeyArn: "k", gpuPools: [{ gpu: "L4", gpusPerReplica: 4, instanceType: "g6.xlarge", minReplicas: 1, maxReplicas: 2 }] }), /gpuPools\[0\]\.instanceType/],
    ["no mount target subnet", () => validateModelCacheStorageArgs({ clusterName: "c", vpcId: "v", privateSubnetIds: [], clientSecurityGroupId: "sg", kmsKeyArn: "k", oidcProviderArn: "a", oidcIssuer: "i" }), /privateSubnetIds/],
    ["bad namespace", () => validateNamespaceGuardrailsArgs({ namespace: "Not_A_Label", gpuQuota: 1 }), /DNS label/],
  ];
  it.each(cases)("%s", (_name, run, expected) => {
    let thrown: unknown;
    try {
      run();
    } catch (error) {
      thrown = error;
    }
    const error = thrown as { propertyPath?: string; message: string } | undefined;
    expect(error, "expected an InputPropertyError").toBeDefined();
    expect(`${error!.propertyPath ?? ""}: ${error!.message}`).toMatch(expected);
  });

  it("builds restricted security contexts", () => {
    expect(restrictedViolations({ securityContext: restrictedPodSecurityContext() as Record<string, unknown>, containers: [{ name: "c", securityContext: restrictedContainerSecurityContext() as Record<string, unknown> }] })).toEqual([]);
    expect(logRetentionFor(400)).toBe(400);
    expect(logRetentionFor(2555)).toBe(2557);
  });
});

describe("runtime monitoring (GuardDuty EKS runtime, Bedrock invocation logging)", () => {
  it("refuses an empty component and invocation logging without a KMS key", async () => {
    const { validateRuntimeMonitoringArgs } = await import("../components/aws/runtime-monitoring.js");
    expect(() => validateRuntimeMonitoringArgs({ accountId: "1", region: "eu-west-1" })).toThrow(/eksRuntimeMonitoring/);
    expect(() => validateRuntimeMonitoringArgs({ accountId: "1", region: "eu-west-1", bedrockInvocationLogging: true })).toThrow(/KMS key/);
    expect(() => validateRuntimeMonitoringArgs({ accountId: "1", region: "eu-west-1", eksRuntimeMonitoring: true })).not.toThrow();
  });

  it("lets only Bedrock, from this account and region, assume the logging role", async () => {
    const { bedrockLoggingTrust } = await import("../components/aws/runtime-monitoring.js");
    const [statement] = (JSON.parse(bedrockLoggingTrust("123456789012", "eu-west-1")) as { Statement: any[] }).Statement;
    expect(statement.Principal).toEqual({ Service: "bedrock.amazonaws.com" });
    expect(statement.Condition.StringEquals["aws:SourceAccount"]).toBe("123456789012");
    expect(statement.Condition.ArnLike["aws:SourceArn"]).toBe("arn:aws:bedrock:eu-west-1:123456789012:*");
  });
});
