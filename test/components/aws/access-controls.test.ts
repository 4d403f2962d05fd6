/** The access controls' argument refusals (no wildcard IAM; per-tenant roles each on their own service account). */
import {
  validateAccessControlsArgs,
  type AccessControlsArgs,
  type AdditionalRole,
} from "../../../components/aws/access-controls.js";
import { describeRefusals } from "../../helpers/refusals.js";

const base: AccessControlsArgs = {
  accountId: "1",
  oidcProviderArn: "a",
  oidcIssuer: "i",
  namespace: "n",
  grants: {},
};
/** Arguments with no workload grants and the given additional (per-tenant) roles. */
const withRoles = (...additionalRoles: AdditionalRole[]): AccessControlsArgs => ({ ...base, additionalRoles });
const aoss = (arn: string) => ({ actions: ["aoss:APIAccessAll"], resources: [arn] });

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
  [
    "two tenant roles trusted by one service account",
    () =>
      validateAccessControlsArgs(
        withRoles(
          { key: "retrieval-brand-a", serviceAccount: "retrieval-sa", grants: [aoss("arn:a")] },
          { key: "retrieval-brand-b", serviceAccount: "retrieval-sa", grants: [aoss("arn:b")] },
        ),
      ),
    /^additionalRoles: .*its own service account/,
  ],
  [
    "an additional role named like a workload",
    () => validateAccessControlsArgs(withRoles({ key: "retrieval", serviceAccount: "x-sa", grants: [aoss("arn:a")] })),
    /^additionalRoles: .*unique/,
  ],
  [
    "a wildcard in a tenant role",
    () =>
      validateAccessControlsArgs(
        withRoles({
          key: "ingestion-brand-a",
          serviceAccount: "ingestion-brand-a-sa",
          grants: [{ actions: ["rds-db:connect"], resources: ["*"] }],
        }),
      ),
    /ingestion-brand-a\[0\]\.resources: .*wildcard resources/,
  ],
]);
