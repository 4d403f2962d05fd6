/** IAM documents: IRSA trust, key policies, the TLS-only bucket statement. */
import { describe, expect, it } from "vitest";
import { allowedPairs, irsaTrustPolicy, keyPolicy, tlsOnlyStatement } from "../../../components/aws/iam-documents.js";

describe("IAM documents", () => {
  it("pins IRSA trust to one service account and the STS audience", () => {
    const trust = irsaTrustPolicy(
      "arn:aws:iam::1:oidc-provider/x",
      "https://oidc.eks.eu-west-1.amazonaws.com/id/ABC",
      "ns",
      "inference-sa",
    );
    expect(trust.Statement[0]!.Condition).toEqual({
      StringEquals: {
        "oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub": "system:serviceaccount:ns:inference-sa",
        "oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com",
      },
    });
  });

  it("names no wildcard principal in key policies and denies plain HTTP on buckets", () => {
    const policy = keyPolicy("123456789012", "eu-west-1", ["logs", "s3"]);
    for (const statement of policy.Statement) expect(JSON.stringify(statement.Principal)).not.toMatch(/"\*"/);
    expect(tlsOnlyStatement("arn:aws:s3:::b")).toMatchObject({
      Effect: "Deny",
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
    expect(allowedPairs(policy).length).toBeGreaterThan(0);
  });
});
