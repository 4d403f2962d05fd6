/**
 * The managed vector store partitioned per tenant, under Pulumi mocks: OpenSearch Serverless builds
 * a collection and a data access policy per tenant (only that tenant's two roles, only its
 * collection's indexes) under encryption and network policies covering every tenant collection;
 * Aurora exposes the RDS-managed master secret for the provisioning Job. The validator refuses a
 * partition two tenants would share.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type * as pulumiType from "@pulumi/pulumi";
import type { RecordedResource } from "../../../stacks/mocks.js";
import { validateVectorStoreArgs, type VectorStoreArgs } from "../../../components/aws/vector-store.js";
import { tenantCollectionName } from "../../../stacks/vector-tenancy.js";
import { expectRefusal } from "../../helpers/refusals.js";

const role = (name: string) => `arn:aws:iam::000000000000:role/s-access-${name}`;
const tenant = (name: string) => ({
  name,
  store: `s-${name}`,
  readerRoleArn: role(`retrieval-${name}`),
  writerRoleArn: role(`ingestion-${name}`),
});
const BASE: VectorStoreArgs = {
  engine: "opensearchServerless",
  vpcId: "vpc-1",
  dataSubnetIds: ["subnet-a"],
  clientSecurityGroupId: "sg-1",
  kmsKeyArn: "arn:aws:kms:eu-west-1:000000000000:key/v",
  readerRoleArns: [role("retrieval")],
  writerRoleArns: [role("ingestion")],
  tenants: [tenant("brand-a"), tenant("brand-b")],
};

describe("the validator refuses a partition two tenants would share", () => {
  const cases: Array<[string, () => void, RegExp]> = [
    ["no tenants", () => validateVectorStoreArgs({ ...BASE, tenants: [] }), /^tenants: .*at least one tenant/],
    [
      "one collection for two tenants",
      () =>
        validateVectorStoreArgs({
          ...BASE,
          tenants: [tenant("brand-a"), { ...tenant("brand-b"), store: "s-brand-a" }],
        }),
      /^tenants: .*unique/,
    ],
    [
      "one reader role for two tenants",
      () =>
        validateVectorStoreArgs({
          ...BASE,
          tenants: [tenant("brand-a"), { ...tenant("brand-b"), readerRoleArn: role("retrieval-brand-a") }],
        }),
      /^tenants: .*its own reader and writer roles/,
    ],
    [
      "a collection name OpenSearch refuses",
      () => validateVectorStoreArgs({ ...BASE, tenants: [{ ...tenant("brand-a"), store: "S_Brand_A" }] }),
      /^tenants\[0\]\.store: /,
    ],
  ];
  it.each(cases)("%s", (_name, run, expected) => expectRefusal(run, expected));

  it("accepts the tenants as the stack names them, even past OpenSearch's 32 characters", () => {
    expect(() => validateVectorStoreArgs(BASE)).not.toThrow();
    const long = tenantCollectionName("a-stack-name-of-thirty-chars-xx", "brand-north");
    expect(long).toMatch(/^[a-z][a-z0-9-]{2,31}$/);
    expect(long).not.toBe(tenantCollectionName("a-stack-name-of-thirty-chars-xx", "brand-south"));
    expect(() =>
      validateVectorStoreArgs({ ...BASE, tenants: [{ ...tenant("brand-north"), store: long }] }),
    ).not.toThrow();
  });
});

describe("VectorStore per tenant under Pulumi mocks", () => {
  const recorded: RecordedResource[] = [];
  const ofType = (type: string) => recorded.filter((resource) => resource.type === type);
  let auroraSecret: unknown;

  beforeAll(async () => {
    const pulumi: typeof pulumiType = await import("@pulumi/pulumi");
    const { llmopsMocks } = await import("../../../stacks/mocks.js");
    const { runInStack, waitForRegistrations } = await import("../../../stacks/pulumi-internals.js");
    await pulumi.runtime.setMocks(llmopsMocks("eu-west-1", recorded), "responsible-llmops", "vector-store-test", false);
    const { VectorStore } = await import("../../../components/aws/vector-store.js");
    await runInStack(() => {
      new VectorStore("s-vectors", BASE);
      const aurora = new VectorStore("s-db", { ...BASE, engine: "auroraPgvector" });
      aurora.masterSecretArn!.apply((arn) => (auroraSecret = arn));
      return Promise.resolve({});
    });
    await waitForRegistrations();
  });

  it("builds one collection per tenant and no shared one", () => {
    expect(
      ofType("aws:opensearch/serverlessCollection:ServerlessCollection")
        .map((resource) => resource.inputs.name)
        .sort(),
    ).toEqual(["s-brand-a", "s-brand-b"]);
  });

  it("grants each tenant's roles its own collection's indexes only, in a policy of its own", () => {
    const policies = ofType("aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy");
    expect(policies.map((resource) => resource.inputs.name).sort()).toEqual(["s-brand-a", "s-brand-b"]);
    for (const name of ["brand-a", "brand-b"]) {
      const policy = policies.find((resource) => resource.inputs.name === `s-${name}`)!;
      const [read, write] = JSON.parse(String(policy.inputs.policy)) as Array<{
        Rules: Array<{ ResourceType: string; Resource: string[]; Permission: string[] }>;
        Principal: string[];
      }>;
      expect(read!.Principal).toEqual([role(`retrieval-${name}`)]);
      expect(write!.Principal).toEqual([role(`ingestion-${name}`)]);
      for (const statement of [read!, write!])
        expect(statement.Rules.map((rule) => [rule.ResourceType, rule.Resource])).toEqual([
          ["index", [`index/s-${name}/*`]],
        ]);
      // The retriever reads; only ingestion writes; nobody may delete an index.
      expect(read!.Rules[0]!.Permission.sort()).toEqual(["aoss:DescribeIndex", "aoss:ReadDocument"]);
      expect(write!.Rules[0]!.Permission).toContain("aoss:WriteDocument");
      expect([...read!.Rules[0]!.Permission, ...write!.Rules[0]!.Permission]).not.toContain("aoss:DeleteIndex");
    }
  });

  it("covers every tenant collection with the customer-managed key and the VPC endpoint only", () => {
    const policies = ofType("aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy");
    const encryption = JSON.parse(String(policies.find((p) => p.inputs.type === "encryption")!.inputs.policy));
    expect(encryption).toMatchObject({
      Rules: [{ ResourceType: "collection", Resource: ["collection/s-brand-a", "collection/s-brand-b"] }],
      AWSOwnedKey: false,
      KmsARN: BASE.kmsKeyArn,
    });
    const network = JSON.parse(String(policies.find((p) => p.inputs.type === "network")!.inputs.policy));
    expect(network[0]).toMatchObject({
      Rules: [{ ResourceType: "collection", Resource: ["collection/s-brand-a", "collection/s-brand-b"] }],
      AllowFromPublic: false,
    });
  });

  it("Aurora: one cluster with IAM database authentication, its RDS-managed master secret exposed", () => {
    const cluster = ofType("aws:rds/cluster:Cluster")[0]!;
    expect(cluster.inputs).toMatchObject({ iamDatabaseAuthenticationEnabled: true, manageMasterUserPassword: true });
    expect(auroraSecret).toMatch(/^arn:aws:secretsmanager:eu-west-1:000000000000:secret:mocked\//);
  });
});
