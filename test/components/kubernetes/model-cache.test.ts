/** The model cache's argument refusals. */
import { describe, it } from "vitest";
import { validateModelCacheArgs, type ModelCacheArgs } from "../../../components/kubernetes/model-cache.js";
import { DIGEST, expectRefusal } from "../../helpers/refusals.js";

describe("the validator refuses insecure or inconsistent arguments with a property path", () => {
  const base: ModelCacheArgs = {
    stack: "s",
    namespace: "n",
    model: "m",
    fetcherImage: { repository: "f", digest: DIGEST },
    weights: { uri: "s3://x", digest: DIGEST },
    weightsGiB: 15,
    serviceAccountName: "sa",
  };
  const cases: Array<[string, () => void, RegExp]> = [
    [
      "weights cache by tag",
      () => validateModelCacheArgs({ ...base, weights: { uri: "s3://x", digest: "latest" } }),
      /weights\.digest/,
    ],
    ["empty weights cache", () => validateModelCacheArgs({ ...base, weightsGiB: 0 }), /weightsGiB/],
  ];
  it.each(cases)("%s", (_name, run, expected) => expectRefusal(run, expected));
});
