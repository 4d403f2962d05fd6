/** The model cache's argument refusals. */
import { describe, it } from "vitest";
import { validateModelCacheArgs } from "../../../components/kubernetes/model-cache.js";
import { DIGEST, expectRefusal } from "../../helpers/refusals.js";

describe("the validator refuses insecure or inconsistent arguments with a property path", () => {
  const cases: Array<[string, () => void, RegExp]> = [
    [
      "weights cache by tag",
      () =>
        validateModelCacheArgs({
          stack: "s",
          namespace: "n",
          model: "m",
          fetcherImage: { repository: "f", digest: DIGEST },
          weights: { uri: "s3://x", digest: "latest" },
          weightsGiB: 15,
          serviceAccountName: "sa",
        }),
      /weights\.digest/,
    ],
    [
      "empty weights cache",
      () =>
        validateModelCacheArgs({
          stack: "s",
          namespace: "n",
          model: "m",
          fetcherImage: { repository: "f", digest: DIGEST },
          weights: { uri: "s3://x", digest: DIGEST },
          weightsGiB: 0,
          serviceAccountName: "sa",
        }),
      /weightsGiB/,
    ],
  ];
  it.each(cases)("%s", (_name, run, expected) => expectRefusal(run, expected));
});
