/** The model cache storage's argument refusals. */
import { validateModelCacheStorageArgs } from "../../../components/aws/model-cache-storage.js";
import { describeRefusals } from "../../helpers/refusals.js";

describeRefusals([
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
]);
