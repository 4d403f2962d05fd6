/**
 * IAM policy documents as pure functions, so the security properties (no wildcard
 * principals, pinned IRSA subjects, TLS-only access) are unit-testable without Pulumi.
 */

export interface Statement {
  readonly Sid?: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal?: unknown;
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Condition?: Record<string, Record<string, unknown>>;
}

export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly Statement[];
}

/** An IAM policy document (version 2012-10-17, the current policy language version) with the statements in the order given. */
export function document(...statements: Statement[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements };
}

/** Denies every request to the bucket that does not use TLS (AWS FSBP S3.5). */
export function tlsOnlyStatement(bucketArn: string): Statement {
  return {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
}

/**
 * IRSA trust: only the named service account of the named namespace, with the STS audience.
 * `issuer` is the cluster's OIDC issuer URL.
 */
export function irsaTrustPolicy(
  oidcProviderArn: string,
  issuer: string,
  namespace: string,
  serviceAccount: string,
): PolicyDocument {
  const host = issuer.replace(/^https:\/\//, "");
  return document({
    Effect: "Allow",
    Principal: { Federated: oidcProviderArn },
    Action: "sts:AssumeRoleWithWebIdentity",
    Condition: {
      StringEquals: {
        [`${host}:sub`]: `system:serviceaccount:${namespace}:${serviceAccount}`,
        [`${host}:aud`]: "sts.amazonaws.com",
      },
    },
  });
}

/** Trust for an AWS service (eks, ec2, vpc-flow-logs …). */
export function serviceTrustPolicy(service: string): PolicyDocument {
  return document({ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" });
}

/**
 * Key policy: the account's root principal administers the key (so IAM policies apply),
 * named AWS services may use it within this account. No wildcard principal.
 */
export function keyPolicy(accountId: string, region: string, services: readonly string[]): PolicyDocument {
  const statements: Statement[] = [
    {
      Sid: "AccountAdministers",
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${accountId}:root` },
      Action: "kms:*",
      Resource: "*",
    },
  ];
  if (services.length > 0) {
    statements.push({
      Sid: "ServicesUseKeyInThisAccount",
      Effect: "Allow",
      Principal: {
        Service: services.map((service) =>
          service === "logs" ? `logs.${region}.amazonaws.com` : `${service}.amazonaws.com`,
        ),
      },
      Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceAccount": accountId } },
    });
  }
  return document(...statements);
}

/** Actions and resources of every Allow statement: used to assert least privilege. */
export function allowedPairs(policy: PolicyDocument): Array<{ action: string; resource: string }> {
  const list = (value: string | readonly string[] | undefined) =>
    value === undefined ? [] : typeof value === "string" ? [value] : [...value];
  return policy.Statement.filter((statement) => statement.Effect === "Allow").flatMap((statement) =>
    list(statement.Action).flatMap((action) => list(statement.Resource).map((resource) => ({ action, resource }))),
  );
}
