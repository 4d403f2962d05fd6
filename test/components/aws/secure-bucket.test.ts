/** The secure bucket's argument refusals. */
import { describe, it } from "vitest";
import { validateSecureBucketArgs } from "../../../components/aws/secure-bucket.js";
import { expectRefusal } from "../../helpers/refusals.js";

describe("the validator refuses insecure or inconsistent arguments with a property path", () => {
  const cases: Array<[string, () => void, RegExp]> = [
    [
      "expiry before object lock",
      () => validateSecureBucketArgs({ kmsKeyArn: "k", objectLockDays: 30, expireAfterDays: 10 }),
      /expireAfterDays/,
    ],
  ];
  it.each(cases)("%s", (_name, run, expected) => expectRefusal(run, expected));
});
