/** The secure bucket's argument refusals. */
import { validateSecureBucketArgs } from "../../../components/aws/secure-bucket.js";
import { describeRefusals } from "../../helpers/refusals.js";

describeRefusals([
  [
    "expiry before object lock",
    () => validateSecureBucketArgs({ kmsKeyArn: "k", objectLockDays: 30, expireAfterDays: 10 }),
    /expireAfterDays/,
  ],
]);
