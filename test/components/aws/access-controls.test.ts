/** The access controls' argument refusals (no wildcard IAM). */
import { describe, it } from "vitest";
import { validateAccessControlsArgs, type AccessControlsArgs } from "../../../components/aws/access-controls.js";
import { expectRefusal } from "../../helpers/refusals.js";

describe("the validator refuses insecure or inconsistent arguments with a property path", () => {
  const base: AccessControlsArgs = {
    accountId: "1",
    oidcProviderArn: "a",
    oidcIssuer: "i",
    namespace: "n",
    grants: {},
  };
  const cases: Array<[string, () => void, RegExp]> = [
    [
      "wildcard IAM action",
      () =>
        validateAccessControlsArgs({
          ...base,
          grants: { inference: [{ actions: ["s3:*"], resources: ["arn:aws:s3:::b/*"] }] },
        }),
      /wildcard actions/,
    ],
    [
      "wildcard IAM resource",
      () =>
        validateAccessControlsArgs({
          ...base,
          grants: { inference: [{ actions: ["s3:GetObject"], resources: ["*"] }] },
        }),
      /wildcard resources/,
    ],
  ];
  it.each(cases)("%s", (_name, run, expected) => expectRefusal(run, expected));
});
