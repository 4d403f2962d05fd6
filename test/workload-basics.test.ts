/**
 * The shared Kubernetes workload pieces (components/kubernetes/workload-basics.ts), the model
 * facts of stacks/model-serving.ts and the one error base (schemas/user-facing-error.ts): the
 * shapes the components used to spell out each time, so a change here is a change everywhere.
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import {
  clusterIpService,
  dataClaimSpec,
  forbidCronJobSpec,
  gpuPlacement,
  imageRef,
  requirePinnedDigest,
  restrictedJobPodSpec,
  roleIngressPolicy,
  roleIngressRule,
  roleSelector,
} from "../components/kubernetes/workload-basics.js";
import { restrictedViolations, WORKLOAD_UID } from "../components/kubernetes/pod-security.js";
import { DEFAULT_LIMITS, SELF_HOSTED, bedrockModelId } from "../stacks/model-serving.js";
import { SERVING_RUNTIMES } from "../schemas/spec-constants.js";
import { UserFacingError, describeThrown, isUserFacing } from "../schemas/user-facing-error.js";
import { EngineError } from "../policies/engine/engine.js";
import { SpecRejectedError } from "../stacks/spec-gate.js";
import { describeError } from "../cli/errors.js";

const DIGEST = `sha256:${"a".repeat(64)}`;

describe("workload basics", () => {
  it("pins images by digest and refuses anything else, naming the property", () => {
    expect(imageRef({ repository: "registry.internal/gateway", digest: DIGEST })).toBe(
      `registry.internal/gateway@${DIGEST}`,
    );
    expect(() => requirePinnedDigest(DIGEST, "image.digest")).not.toThrow();
    for (const bad of [
      "latest",
      `sha256:${"A".repeat(64)}`,
      `sha256:${"a".repeat(63)}`,
      `sha512:${"a".repeat(64)}`,
      `${DIGEST}\n`,
    ]) {
      expect(() => requirePinnedDigest(bad, "image.digest")).toThrow(pulumi.InputPropertyError);
    }
    expect(() => requirePinnedDigest("x", "weights.digest", "weights must be pinned by sha256 digest")).toThrow(
      /weights must be pinned/,
    );
  });

  it("builds the role Service and ingress policy that admit only the named roles", () => {
    expect(clusterIpService("vector-db", "ns", { a: "b" }, [{ name: "db", port: 6333, targetPort: 6333 }])).toEqual({
      metadata: { name: "vector-db", namespace: "ns", labels: { a: "b" } },
      spec: {
        type: "ClusterIP",
        selector: { "llmops.dev/role": "vector-db" },
        ports: [{ name: "db", port: 6333, targetPort: 6333 }],
      },
    });
    expect(roleIngressPolicy("audit-sink", "ns", [roleIngressRule(["gateway", "app"], 8080)])).toEqual({
      metadata: { name: "audit-sink-ingress", namespace: "ns" },
      spec: {
        podSelector: { matchLabels: { "llmops.dev/role": "audit-sink" } },
        policyTypes: ["Ingress"],
        ingress: [
          {
            from: [{ podSelector: roleSelector("gateway") }, { podSelector: roleSelector("app") }],
            ports: [{ protocol: "TCP", port: 8080 }],
          },
        ],
      },
    });
    expect(roleIngressPolicy("x", "ns", []).spec).toMatchObject({ ingress: [] });
  });

  it("names a StorageClass only when one is given", () => {
    expect(dataClaimSpec("20Gi")).toEqual({
      accessModes: ["ReadWriteOnce"],
      resources: { requests: { storage: "20Gi" } },
    });
    expect(dataClaimSpec("50Gi", "gp3")).toMatchObject({ storageClassName: "gp3" });
  });

  it("places GPU pods on the tainted GPU pool, by type when one is named", () => {
    expect(gpuPlacement()).toEqual({
      nodeSelector: { "llmops.dev/pool": "gpu" },
      tolerations: [{ key: "nvidia.com/gpu", operator: "Equal", value: "present", effect: "NoSchedule" }],
    });
    expect(gpuPlacement("H100").nodeSelector).toEqual({ "llmops.dev/pool": "gpu", "llmops.dev/gpu": "H100" });
  });

  it("gives Job pods the restricted shape and CronJobs no overlap", () => {
    const pod = restrictedJobPodSpec("sa", {
      containers: [
        {
          name: "run",
          image: imageRef({ repository: "r", digest: DIGEST }),
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
        },
      ],
    });
    expect(pod).toMatchObject({
      serviceAccountName: "sa",
      automountServiceAccountToken: false,
      restartPolicy: "Never",
      securityContext: { runAsUser: WORKLOAD_UID },
    });
    expect(restrictedViolations(pod as never)).toEqual([]);
    const cron = forbidCronJobSpec({
      schedule: "7 2 * * *",
      activeDeadlineSeconds: 600,
      backoffLimit: 0,
      jobLabels: { a: "1" },
      pod,
    });
    expect(cron).toMatchObject({
      timeZone: "Etc/UTC",
      concurrencyPolicy: "Forbid",
      jobTemplate: {
        metadata: { labels: { a: "1" } },
        spec: { ttlSecondsAfterFinished: 86_400, template: { metadata: { labels: { a: "1" } } } },
      },
    });
    expect(cron).not.toHaveProperty("startingDeadlineSeconds");
    expect(
      forbidCronJobSpec({
        schedule: "*",
        startingDeadlineSeconds: 0,
        activeDeadlineSeconds: 1,
        backoffLimit: 0,
        jobLabels: {},
        podLabels: { b: "2" },
        pod,
      }),
    ).toMatchObject({
      startingDeadlineSeconds: 0,
      jobTemplate: { spec: { template: { metadata: { labels: { b: "2" } } } } },
    });
  });
});

describe("model facts and errors", () => {
  it("self-hosts every schema runtime but external", () => {
    expect([...SELF_HOSTED]).toEqual(SERVING_RUNTIMES.filter((runtime) => runtime !== "external"));
    expect(DEFAULT_LIMITS).toEqual({ maxInputTokens: 4096, maxOutputTokens: 512, requestsPerMinute: 60 });
  });

  it("appends the version to a Bedrock model id", () => {
    const model = (uri: string, version?: string) =>
      ({ source: { type: "bedrock", uri, ...(version ? { version } : {}) } }) as never;
    expect(bedrockModelId(model("bedrock://anthropic.claude-3-5-sonnet", "20241022-v2:0"))).toBe(
      "anthropic.claude-3-5-sonnet-20241022-v2:0",
    );
    expect(bedrockModelId(model("bedrock://amazon.titan-embed-text-v2:0"))).toBe("amazon.titan-embed-text-v2:0");
  });

  it("names user-facing errors after their class and prints them without 'internal error'", () => {
    const error = new EngineError("bundle missing");
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error.name).toBe("EngineError");
    expect(new SpecRejectedError("a.yaml", [], "cannot read").name).toBe("SpecRejectedError");
    expect(isUserFacing(error)).toBe(true);
    expect(isUserFacing(new Error("x"))).toBe(false);
    expect(describeError(error, false)).toBe("llmops: bundle missing");
    expect(describeError(new Error("boom"), false)).toBe("llmops: internal error: boom (run with --debug for details)");
  });

  it("renders anything thrown, cut to the given length", () => {
    expect(describeThrown(new Error("m"))).toBe("m");
    expect(describeThrown({ code: 1 })).toBe('{"code":1}');
    expect(describeThrown("x".repeat(400))).toHaveLength(300);
    expect(describeThrown(undefined)).toBe("undefined");
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeThrown(cyclic)).toBe("[object Object]");
    expect(describeError({ plain: true }, false)).toBe('llmops: internal error: {"plain":true}');
  });
});
