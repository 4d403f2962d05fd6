/** The model cache's argument refusals. */
import { validateModelCacheArgs, type ModelCacheArgs } from "../../../components/kubernetes/model-cache.js";
import { DIGEST, describeRefusals } from "../../helpers/refusals.js";

const base: ModelCacheArgs = {
  stack: "s",
  namespace: "n",
  model: "m",
  fetcherImage: { repository: "f", digest: DIGEST },
  weights: { uri: "s3://x", digest: DIGEST },
  weightsGiB: 15,
  serviceAccountName: "sa",
};
describeRefusals([
  [
    "weights cache by tag",
    () => validateModelCacheArgs({ ...base, weights: { uri: "s3://x", digest: "latest" } }),
    /weights\.digest/,
  ],
  ["empty weights cache", () => validateModelCacheArgs({ ...base, weightsGiB: 0 }), /weightsGiB/],
]);
