/** The model cache storage's argument refusals. */
import { describe, it } from "vitest";
import { validateModelCacheStorageArgs } from "../../../components/aws/model-cache-storage.js";
import { expectRefusal } from "../../helpers/refusals.js";

describe("the validator refuses insecure or inconsistent arguments with a property path", () => {
  const cases: Array<[string, () => void, RegExp]> = [
    [
      "no mount target subnet",
      () =>
        validateModelCacheStorageArgs({
          clusterName: "c",
          vpcId: "v",
          privateSubnetIds: [],
          clientSecurityGroupId: "sg",
          kmsKeyArn: "k",
          oidcProviderArn: "a",
          oidcIssuer: "i",
        }),
      /privateSubnetIds/,
    ],
  ];
  it.each(cases)("%s", (_name, run, expected) => expectRefusal(run, expected));
});
