/** The access controls' argument refusals (no wildcard IAM). */
import { validateAccessControlsArgs, type AccessControlsArgs } from "../../../components/aws/access-controls.js";
import { describeRefusals } from "../../helpers/refusals.js";

const base: AccessControlsArgs = {
  accountId: "1",
  oidcProviderArn: "a",
  oidcIssuer: "i",
  namespace: "n",
  grants: {},
};
describeRefusals([
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
]);
