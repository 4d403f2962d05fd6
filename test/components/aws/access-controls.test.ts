/** The access controls' argument refusals (no wildcard IAM). */
import { describe, it } from "vitest";
import { validateAccessControlsArgs } from "../../../components/aws/access-controls.js";
import { expectRefusal } from "../../helpers/refusals.js";

describe("the validator refuses insecure or inconsistent arguments with a property path", () => {
  const cases: Array<[string, () => void, RegExp]> = [
    [
      "wildcard IAM action",
      () =>
        validateAccessControlsArgs({
          accountId: "1",
          oidcProviderArn: "a",
          oidcIssuer: "i",
          namespace: "n",
          grants: { inference: [{ actions: ["s3:*"], resources: ["arn:aws:s3:::b/*"] }] },
        }),
      /wildcard actions/,
    ],
    [
      "wildcard IAM resource",
      () =>
        validateAccessControlsArgs({
          accountId: "1",
          oidcProviderArn: "a",
          oidcIssuer: "i",
          namespace: "n",
          grants: { inference: [{ actions: ["s3:GetObject"], resources: ["*"] }] },
        }),
      /wildcard resources/,
    ],
    [
      "two tenant roles trusted by one service account",
      () =>
        validateAccessControlsArgs({
          accountId: "1",
          oidcProviderArn: "a",
          oidcIssuer: "i",
          namespace: "n",
          grants: {},
          additionalRoles: [
            {
              key: "retrieval-brand-a",
              serviceAccount: "retrieval-sa",
              grants: [{ actions: ["aoss:APIAccessAll"], resources: ["arn:a"] }],
            },
            {
              key: "retrieval-brand-b",
              serviceAccount: "retrieval-sa",
              grants: [{ actions: ["aoss:APIAccessAll"], resources: ["arn:b"] }],
            },
          ],
        }),
      /^additionalRoles: .*its own service account/,
    ],
    [
      "an additional role named like a workload",
      () =>
        validateAccessControlsArgs({
          accountId: "1",
          oidcProviderArn: "a",
          oidcIssuer: "i",
          namespace: "n",
          grants: {},
          additionalRoles: [
            {
              key: "retrieval",
              serviceAccount: "x-sa",
              grants: [{ actions: ["aoss:APIAccessAll"], resources: ["arn:a"] }],
            },
          ],
        }),
      /^additionalRoles: .*unique/,
    ],
    [
      "a wildcard in a tenant role",
      () =>
        validateAccessControlsArgs({
          accountId: "1",
          oidcProviderArn: "a",
          oidcIssuer: "i",
          namespace: "n",
          grants: {},
          additionalRoles: [
            {
              key: "ingestion-brand-a",
              serviceAccount: "ingestion-brand-a-sa",
              grants: [{ actions: ["rds-db:connect"], resources: ["*"] }],
            },
          ],
        }),
      /ingestion-brand-a\[0\]\.resources: .*wildcard resources/,
    ],
  ];
  it.each(cases)("%s", (_name, run, expected) => expectRefusal(run, expected));
});
