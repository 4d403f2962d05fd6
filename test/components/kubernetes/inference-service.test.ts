/** The inference service's argument refusals. */
import { validateInferenceServiceArgs } from "../../../components/kubernetes/inference-service.js";
import { DIGEST, describeRefusals } from "../../helpers/refusals.js";

describeRefusals([
  [
    "image by tag",
    () =>
      validateInferenceServiceArgs({
        stack: "s",
        namespace: "n",
        model: {
          name: "m",
          runtime: "vllm",
          gpus: 1,
          maxInputTokens: 1,
          maxOutputTokens: 1,
          maxConcurrentRequests: 1,
        },
        image: { repository: "r", digest: "latest" },
        fetcherImage: { repository: "f", digest: DIGEST },
        weights: { digest: DIGEST, sizeGiB: 16 },
        cache: { claimName: "c", modelPath: "/models/m" },
        serviceAccountName: "sa",
        compute: { cpuMilli: 2000, memoryMiB: 8192 },
        replicas: { min: 1, max: 2 },
        autoscaling: {
          prometheusAddress: "http://p:9090",
          monitoringNamespace: "monitoring",
          queueTargetPerReplica: 4,
          scaleDownStabilizationSeconds: 300,
        },
        allowedCallerRoles: ["gateway"],
      }),
    /pinned by sha256/,
  ],
]);
