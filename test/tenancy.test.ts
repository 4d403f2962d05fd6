/**
 * Tenancy (spec vectorStore.tenancy, issue 17): the campaign summariser declares a Qdrant
 * collection per brand. Planned through the components on both targets it shows each tenant's
 * store, credentials and retriever contract, and is clean; removing the isolation from the built
 * resources (never from the spec) makes LLM-CTRL-011 fire. The pgvector twin builds a database and
 * roles per tenant. On target aws the managed twins are built too: OpenSearch Serverless with a
 * collection and a data access policy per brand, Aurora pgvector with a database and IAM-authenticated
 * roles per brand, each reached by the brand's own IRSA roles. A pair the toolkit does not build is
 * refused by LLM-DATA-014 with its place.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PolicyEngine } from "../policies/engine/engine.js";
import {
  qdrantTenantGrants,
  tenantProvisioningSql,
  validateInClusterVectorDatabaseArgs,
  type InClusterVectorDatabaseArgs,
  type VectorDatabaseTenant,
} from "../components/kubernetes/vector-database.js";
import { retrieverConfig } from "../components/kubernetes/tenant-retrieval.js";
import { BUNDLE_DIR, bundleBuilt } from "./helpers/tools.js";
import { planExample, planSpecFile, pgvectorCampaignSpec, type Plan, type Resource } from "./helpers/plans.js";
import { ROOT, runCli, tempDir } from "./helpers/cli.js";

const DIGEST = `sha256:${"a".repeat(64)}`;
const TENANTS: VectorDatabaseTenant[] = [
  {
    name: "brand-a",
    store: "s-brand-a",
    retrievalSecret: "s-vector-brand-a-retrieval",
    ingestionSecret: "s-vector-brand-a-ingestion",
  },
  {
    name: "brand-b",
    store: "s-brand-b",
    retrievalSecret: "s-vector-brand-b-retrieval",
    ingestionSecret: "s-vector-brand-b-ingestion",
  },
];

describe("per-tenant store configuration", () => {
  it("pgvector: CONNECT revoked from PUBLIC everywhere, each reader connects to its own database only", () => {
    const sql = tenantProvisioningSql(TENANTS.map((tenant) => ({ ...tenant, store: tenant.name })));
    expect(sql).toContain('REVOKE CONNECT ON DATABASE "postgres", "template1", "vectors" FROM PUBLIC;');
    for (const tenant of ["brand-a", "brand-b"]) {
      expect(sql).toContain(`REVOKE ALL ON DATABASE "${tenant}" FROM PUBLIC;`);
      expect(sql).toContain(`GRANT CONNECT ON DATABASE "${tenant}" TO "${tenant}-reader";`);
      expect(sql).toContain(`CREATE DATABASE "${tenant}" OWNER "${tenant}-writer"`);
      expect(sql).toContain(
        `ALTER DEFAULT PRIVILEGES FOR ROLE "${tenant}-writer" IN SCHEMA public GRANT SELECT ON TABLES TO "${tenant}-reader";`,
      );
    }
    // Every GRANT names one database and one role.
    for (const grant of sql.split("\n").filter((line) => line.startsWith("GRANT CONNECT")))
      expect(grant).toMatch(/^GRANT CONNECT ON DATABASE "[^",]+" TO "[^",]+";$/);
    expect(sql).toMatch(/^\\set ON_ERROR_STOP on$/m);
    expect(sql).toMatch(/^\\getenv reader_password BRAND_A_READER_PASSWORD$/m);
  });

  it("Aurora (IAM authentication): the same partition, passwordless roles signing in through rds_iam", () => {
    const sql = tenantProvisioningSql(
      TENANTS.map((tenant) => ({ ...tenant, store: tenant.name })),
      "vectors",
      "iam",
    );
    expect(sql).toContain('REVOKE CONNECT ON DATABASE "postgres", "template1", "vectors" FROM PUBLIC;');
    for (const tenant of ["brand-a", "brand-b"]) {
      for (const role of [`${tenant}-reader`, `${tenant}-writer`]) {
        expect(sql).toContain(`ALTER ROLE "${role}" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD NULL;`);
        expect(sql).toContain(`GRANT rds_iam TO "${role}";`);
      }
      expect(sql).toContain(`REVOKE ALL ON DATABASE "${tenant}" FROM PUBLIC;`);
      expect(sql).toContain(`GRANT CONNECT ON DATABASE "${tenant}" TO "${tenant}-reader";`);
      // The RDS master is no superuser: it joins the writer role before creating the database it owns.
      expect(sql.indexOf(`GRANT "${tenant}-writer" TO CURRENT_USER;`)).toBeLessThan(
        sql.indexOf(`CREATE DATABASE "${tenant}" OWNER "${tenant}-writer"`),
      );
    }
    expect(sql).not.toMatch(/getenv|PASSWORD %L/);
  });

  it("Qdrant: each tenant token is scoped to its own collection, read-only for retrieval", () => {
    const grants = qdrantTenantGrants(TENANTS) as Record<
      string,
      { retrieval: { claims: unknown }; ingestion: { claims: unknown } }
    >;
    expect(grants["brand-a"]!.retrieval.claims).toEqual({ access: [{ collection: "s-brand-a", access: "r" }] });
    expect(grants["brand-b"]!.ingestion.claims).toEqual({ access: [{ collection: "s-brand-b", access: "rw" }] });
  });

  it("the retriever takes the tenant from the caller's token, never from the request", () => {
    const config = parse(
      retrieverConfig({
        engine: "qdrant",
        storeUrl: "https://vector-db.ns.svc.cluster.local:6333",
        tenant: TENANTS[1]!,
        issuer: "https://login.example.com",
        tenantClaim: "tenant",
      }),
    ) as Record<string, any>;
    expect(config.identity).toEqual({
      source: "oidc",
      issuer: "https://login.example.com",
      tenantClaim: "tenant",
      expectedTenant: "brand-b",
      onMismatch: "reject",
      requestTenant: "ignored",
    });
    expect(config.store).toMatchObject({
      collection: "s-brand-b",
      credential: { secretName: "s-vector-brand-b-retrieval", key: "api-key" },
    });
  });

  it("refuses a shared store or credential in the component's arguments", () => {
    const base: InClusterVectorDatabaseArgs = {
      stack: "s",
      namespace: "n",
      engine: "qdrant",
      image: { repository: "q", digest: DIGEST },
      serviceAccountName: "sa",
      credentialsSecret: "s-vector-db-credentials",
      tlsSecret: "t",
      clientRoles: ["retrieval"],
      tenancy: {
        tenants: TENANTS,
        provisionerImage: { repository: "i", digest: DIGEST },
        dimensions: 8,
        metric: "cosine",
      },
    };
    const reason = (tenants: VectorDatabaseTenant[]): string | undefined => {
      try {
        validateInClusterVectorDatabaseArgs({ ...base, tenancy: { ...base.tenancy!, tenants } });
      } catch (error) {
        return (error as { reason?: string }).reason;
      }
      return undefined;
    };
    expect(reason(TENANTS)).toBeUndefined();
    expect(reason([TENANTS[0]!, { ...TENANTS[1]!, store: "s-brand-a" }])).toMatch(/stores must be unique/);
    expect(reason([TENANTS[0]!, { ...TENANTS[1]!, retrievalSecret: "s-vector-brand-a-retrieval" }])).toMatch(
      /its own Secret/,
    );
    expect(reason([{ ...TENANTS[0]!, ingestionSecret: "s-vector-db-credentials" }])).toMatch(/its own Secret/);
    expect(reason([])).toMatch(/at least one tenant/);
  });
});

const ready = bundleBuilt();

function findings(engine: PolicyEngine, resources: Resource[], spec: unknown): string[] {
  return engine.evaluateRuntime({ resources, spec }).map((finding) => finding.id);
}

/** The plan with one resource (by type and name suffix) replaced by `edit` of a deep copy. */
function edited(plan: Plan, type: string, nameSuffix: string, edit: (resource: Resource) => void): Resource[] {
  let hits = 0;
  const resources = plan.resources.map((resource) => {
    if (resource.type !== type || !resource.name.endsWith(nameSuffix)) return resource;
    hits++;
    const copy = structuredClone(resource);
    edit(copy);
    return copy;
  });
  expect(hits, `one ${type} named *${nameSuffix}`).toBe(1);
  return resources;
}

const CRONJOB = "kubernetes:batch/v1:CronJob";
const publishOf = (resource: Resource) =>
  (resource.props.spec.jobTemplate.spec.template.spec.containers as Array<Record<string, any>>).find(
    (container) => container.name === "publish",
  )!;
const argAfter = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

describe.skipIf(!ready).each(["kubernetes", "aws"] as const)(
  "campaign summariser on %s: a Qdrant collection per brand, built and checked",
  (target) => {
    let engine: PolicyEngine;
    let plan: Plan;
    beforeAll(async () => {
      engine = await PolicyEngine.load(BUNDLE_DIR);
      plan = planExample("campaign-summariser.rag.yaml", target);
    }, 120_000);

    it("writes each brand's source into its own collection with its own Secret, with JWT RBAC on, and is clean", () => {
      const jobs = plan.resources.filter((resource) => resource.type === CRONJOB && resource.name.includes("-ingest-"));
      const byTenant = Object.fromEntries(
        jobs.map((job) => [job.props.metadata.labels["llmops.dev/tenant"], publishOf(job)]),
      );
      expect(Object.keys(byTenant).sort()).toEqual(["brand-north", "brand-south"]);
      for (const tenant of ["brand-north", "brand-south"]) {
        expect(argAfter(byTenant[tenant]!.args, "--collection")).toBe(`campaign-summariser-${tenant}`);
        // The tenant's own credential, then the namespace CA trust (the example declares TLS in transit).
        expect(byTenant[tenant]!.env).toEqual([
          {
            name: "VECTOR_STORE_CREDENTIAL",
            valueFrom: { secretKeyRef: { name: `campaign-summariser-vector-${tenant}-ingestion`, key: "api-key" } },
          },
          { name: "SSL_CERT_FILE", value: "/etc/llmops-trust/ca-bundle.crt" },
          { name: "REQUESTS_CA_BUNDLE", value: "/etc/llmops-trust/ca-bundle.crt" },
        ]);
      }
      const server = plan.resources.find(
        (resource) =>
          resource.type === "kubernetes:apps/v1:StatefulSet" &&
          resource.name === "campaign-summariser-vector-db-statefulset",
      )!;
      expect(server.props.spec.template.spec.containers[0].env).toContainEqual({
        name: "QDRANT__SERVICE__JWT_RBAC",
        value: "true",
      });
      const names = plan.resources.map((resource) => `${resource.type} ${resource.name}`);
      expect(names).toContain("kubernetes:batch/v1:Job campaign-summariser-vector-db-provision");
      expect(names).toContain("kubernetes:core/v1:ConfigMap campaign-summariser-tenant-retrieval-brand-north");
      expect(findings(engine, plan.resources, plan.spec)).toEqual([]);
    });

    const removals: Array<[string, string, (resource: Resource) => void]> = [
      [
        "brand-south's ingestion given brand-north's Secret",
        "-social-posts-south",
        (r) => {
          publishOf(r).env[0].valueFrom.secretKeyRef.name = "campaign-summariser-vector-brand-north-ingestion";
        },
      ],
      [
        "both brands written into one collection",
        "-social-posts-south",
        (r) => {
          const args = publishOf(r).args as string[];
          args[args.indexOf("--collection") + 1] = "campaign-summariser-brand-north";
        },
      ],
      [
        "a brand's ingestion given the Qdrant API key",
        "-social-posts-south",
        (r) => {
          publishOf(r).env[0].valueFrom.secretKeyRef.name = "campaign-summariser-vector-db-credentials";
        },
      ],
    ];
    it.each(removals)("%s fires LLM-CTRL-011", (_what, suffix, edit) => {
      expect(findings(engine, edited(plan, CRONJOB, suffix, edit), plan.spec)).toEqual(["LLM-CTRL-011"]);
    });

    it("Qdrant without JWT RBAC fires LLM-CTRL-011", () => {
      const resources = edited(plan, "kubernetes:apps/v1:StatefulSet", "vector-db-statefulset", (r) => {
        r.props.spec.template.spec.containers[0].env = r.props.spec.template.spec.containers[0].env.filter(
          (env: { name: string }) => env.name !== "QDRANT__SERVICE__JWT_RBAC",
        );
      });
      expect(findings(engine, resources, plan.spec)).toEqual(["LLM-CTRL-011"]);
    });
  },
);

describe.skipIf(!ready)("campaign summariser on pgvector: a database and roles per brand, built and checked", () => {
  let engine: PolicyEngine;
  let plan: Plan;
  beforeAll(async () => {
    engine = await PolicyEngine.load(BUNDLE_DIR);
    plan = planSpecFile(pgvectorCampaignSpec(), "kubernetes");
  }, 120_000);

  it("provisions each brand's database with its own roles, writes as the brand's writer, and is clean", () => {
    const sql = plan.resources.find((resource) => resource.name === "campaign-summariser-vector-db-tenants")!.props
      .data["tenants.sql"] as string;
    expect(sql).toContain('GRANT CONNECT ON DATABASE "brand-north" TO "brand-north-reader";');
    const job = plan.resources.find(
      (resource) => resource.type === CRONJOB && resource.name.endsWith("-social-posts-south"),
    )!;
    expect(argAfter(publishOf(job).args, "--vector-store-url")).toBe(
      "postgres://brand-south-writer@vector-db.campaign-summariser.svc.cluster.local:5432/brand-south?sslmode=verify-full&sslrootcert=/etc/llmops-ca/ca.crt",
    );
    expect(publishOf(job).env[0].valueFrom.secretKeyRef).toEqual({
      name: "campaign-summariser-vector-brand-south-ingestion",
      key: "password",
    });
    expect(findings(engine, plan.resources, plan.spec)).toEqual([]);
  });

  it("a tenant database left open to PUBLIC, or a reader granted both databases, fires LLM-CTRL-011", () => {
    const open = edited(plan, "kubernetes:core/v1:ConfigMap", "vector-db-tenants", (r) => {
      r.props.data["tenants.sql"] = (r.props.data["tenants.sql"] as string).replace(
        'REVOKE ALL ON DATABASE "brand-south" FROM PUBLIC;',
        "",
      );
    });
    expect(findings(engine, open, plan.spec)).toEqual(["LLM-CTRL-011"]);
    const both = edited(plan, "kubernetes:core/v1:ConfigMap", "vector-db-tenants", (r) => {
      r.props.data["tenants.sql"] += 'GRANT CONNECT ON DATABASE "brand-south" TO "brand-north-reader";\n';
    });
    expect(findings(engine, both, plan.spec)).toEqual(["LLM-CTRL-011"]);
  });
});

describe.skipIf(!ready)("a tenancy the toolkit does not build is refused, never built as one shared store", () => {
  it("names LLM-DATA-014 at the spec's tenancy line", () => {
    const file = join(tempDir("llmops-campaign-ns-"), "campaign-summariser.rag.yaml");
    writeFileSync(
      file,
      readFileSync(join(ROOT, "examples/campaign-summariser.rag.yaml"), "utf8").replace(
        /^    tenancy: collectionPerTenant$/m,
        "    tenancy: namespacePerTenant",
      ),
    );
    const result = runCli(["plan", file, "--without-evidence", "--target", "kubernetes"], { timeoutMs: 60_000 });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(
      /campaign-summariser\.rag\.yaml:75:\d+ high LLM-DATA-014 vectorStore\.tenancy namespacePerTenant is not built for engine qdrant/,
    );
  }, 60_000);
});

/** The campaign summariser with its store swapped for a managed engine (and tenancy), planned on target aws. */
function managedCampaign(engine: "opensearchServerless" | "auroraPgvector"): string {
  const file = join(tempDir(`llmops-campaign-${engine}-`), "campaign-summariser.rag.yaml");
  let text = readFileSync(join(ROOT, "examples/campaign-summariser.rag.yaml"), "utf8").replace(
    /^    engine: qdrant$/m,
    `    engine: ${engine}`,
  );
  if (engine === "auroraPgvector")
    text = text.replace(/^    tenancy: collectionPerTenant$/m, "    tenancy: databasePerTenant");
  writeFileSync(file, text);
  return file;
}

const ACCESS_POLICY = "aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy";
const SERVICE_ACCOUNT = "kubernetes:core/v1:ServiceAccount";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const BRANDS = ["brand-north", "brand-south"] as const;
const roleOf = (plan: Plan, account: string): string =>
  plan.resources.find((resource) => resource.type === SERVICE_ACCOUNT && resource.props.metadata.name === account)!
    .props.metadata.annotations["eks.amazonaws.com/role-arn"];

describe.skipIf(!ready)(
  "campaign summariser on OpenSearch Serverless (aws): a collection and a policy per brand",
  () => {
    let engine: PolicyEngine;
    let plan: Plan;
    beforeAll(async () => {
      engine = await PolicyEngine.load(BUNDLE_DIR);
      plan = planSpecFile(managedCampaign("opensearchServerless"), "aws");
    }, 120_000);

    it("builds each brand's collection, a data access policy naming only that brand's two roles, and is clean", () => {
      const collections = plan.resources
        .filter((resource) => resource.type === "aws:opensearch/serverlessCollection:ServerlessCollection")
        .map((resource) => resource.props.name)
        .sort();
      expect(collections).toEqual(["campaign-summariser-brand-north", "campaign-summariser-brand-south"]);
      const policies = plan.resources.filter((resource) => resource.type === ACCESS_POLICY);
      expect(policies).toHaveLength(2);
      for (const brand of BRANDS) {
        const policy = policies.find((resource) => resource.props.name === `campaign-summariser-${brand}`)!;
        const statements = JSON.parse(policy.props.policy as string) as Array<{
          Rules: Array<{ Resource: string[]; Permission: string[] }>;
          Principal: string[];
        }>;
        expect(statements.flatMap((statement) => statement.Rules.flatMap((rule) => rule.Resource))).toEqual([
          `index/campaign-summariser-${brand}/*`,
          `index/campaign-summariser-${brand}/*`,
        ]);
        expect(statements[0]!.Rules[0]!.Permission).toEqual(["aoss:ReadDocument", "aoss:DescribeIndex"]);
        expect(statements.map((statement) => statement.Principal)).toEqual([
          [roleOf(plan, `retrieval-${brand}-sa`)],
          [roleOf(plan, `ingestion-${brand}-sa`)],
        ]);
        // The brand's retriever contract: its collection's endpoint, its own service account, the tenant from the token.
        const config = parse(
          plan.resources.find((resource) => resource.name === `campaign-summariser-tenant-retrieval-${brand}`)!.props
            .data["retriever.yaml"] as string,
        ) as Record<string, any>;
        expect(config.store).toMatchObject({
          engine: "opensearchServerless",
          collection: `campaign-summariser-${brand}`,
          credential: { awsIam: { serviceAccount: `retrieval-${brand}-sa`, signing: "sigv4-aoss" } },
        });
        expect(config.identity).toMatchObject({ expectedTenant: brand, requestTenant: "ignored" });
      }
      // The encryption and network policies cover both collections and nothing shared is created.
      const encryption = plan.resources.find((resource) => resource.name === "campaign-summariser-vectors-encryption")!;
      expect(JSON.parse(encryption.props.policy as string).Rules[0].Resource).toEqual([
        "collection/campaign-summariser-brand-north",
        "collection/campaign-summariser-brand-south",
      ]);
      expect(roleOf(plan, "retrieval-brand-north-sa")).not.toBe(roleOf(plan, "retrieval-brand-south-sa"));
      const job = plan.resources.find(
        (resource) => resource.type === CRONJOB && resource.name.endsWith("-social-posts-south"),
      )!;
      expect(job.props.spec.jobTemplate.spec.template.spec.serviceAccountName).toBe("ingestion-brand-south-sa");
      expect(argAfter(publishOf(job).args, "--collection")).toBe("campaign-summariser-brand-south");
      expect(findings(engine, plan.resources, plan.spec)).toEqual([]);
    });

    it("a second brand's role added to one brand's data access policy fires LLM-CTRL-011", () => {
      const intruder = roleOf(plan, "retrieval-brand-north-sa");
      const resources = edited(plan, ACCESS_POLICY, "brand-south-data-access", (r) => {
        const statements = JSON.parse(r.props.policy as string) as Array<{ Principal: string[] }>;
        statements[0]!.Principal.push(intruder);
        r.props.policy = JSON.stringify(statements);
      });
      expect(findings(engine, resources, plan.spec)).toEqual(["LLM-CTRL-011"]);
    });

    it("two brands' service accounts on one IAM role fire LLM-CTRL-011", () => {
      const shared = roleOf(plan, "ingestion-brand-north-sa");
      const resources = edited(plan, SERVICE_ACCOUNT, "identities-ingestion-brand-south", (r) => {
        r.props.metadata.annotations["eks.amazonaws.com/role-arn"] = shared;
      });
      // Found twice: on the service account, and on brand-south's ingestion, which now runs with brand-north's role.
      const found = engine.evaluateRuntime({ resources, spec: plan.spec });
      expect(found.map((finding) => finding.id)).toEqual(["LLM-CTRL-011", "LLM-CTRL-011"]);
      const messages = found.map((finding) => finding.message).join("\n");
      expect(messages).toMatch(/service account ingestion-brand-south-sa of tenant brand-south assumes IAM role/);
      expect(messages).toMatch(/of tenant brand-south runs with IAM role/);
    });

    it("a brand's ingestion run under the other brand's service account fires LLM-CTRL-011", () => {
      const resources = edited(plan, CRONJOB, "-social-posts-south", (r) => {
        r.props.spec.jobTemplate.spec.template.spec.serviceAccountName = "ingestion-brand-north-sa";
      });
      expect(findings(engine, resources, plan.spec)).toEqual(["LLM-CTRL-011"]);
    });
  },
);

describe.skipIf(!ready)(
  "campaign summariser on Aurora pgvector (aws): a database and IAM-authenticated roles per brand",
  () => {
    let engine: PolicyEngine;
    let plan: Plan;
    beforeAll(async () => {
      engine = await PolicyEngine.load(BUNDLE_DIR);
      plan = planSpecFile(managedCampaign("auroraPgvector"), "aws");
    }, 120_000);

    it("provisions each brand's database with rds_iam roles, scopes rds-db:connect per brand, and is clean", () => {
      const sql = plan.resources.find((resource) => resource.name === "campaign-summariser-vector-tenants-tenants")!
        .props.data["tenants.sql"] as string;
      expect(sql).toContain('GRANT CONNECT ON DATABASE "brand-north" TO "brand-north-reader";');
      expect(sql).toContain('GRANT rds_iam TO "brand-south-writer";');
      expect(sql).not.toMatch(/getenv|PASSWORD %L/);
      const job = plan.resources.find(
        (resource) =>
          resource.type === "kubernetes:batch/v1:Job" &&
          resource.name === "campaign-summariser-vector-tenants-provision",
      )!;
      const pod = job.props.spec.template.spec;
      expect(pod.serviceAccountName).toBe("vector-db-provisioner-sa");
      expect(argAfter(pod.containers[0].args, "--master-secret-arn")).toMatch(/^arn:aws:secretsmanager:/);
      expect(JSON.stringify(pod)).not.toMatch(/secretKeyRef/);
      // The provisioner may read the master secret only.
      const provisioner = plan.resources.find(
        (resource) =>
          resource.type === ROLE_POLICY && resource.name === "campaign-summariser-access-vector-db-provisioner-policy",
      )!;
      expect(
        (JSON.parse(provisioner.props.policy as string).Statement as Array<{ Action: string[] }>).map((s) => s.Action),
      ).toEqual([["secretsmanager:GetSecretValue"], ["kms:Decrypt"]]);
      for (const brand of BRANDS) {
        for (const [workload, user] of [
          ["retrieval", "reader"],
          ["ingestion", "writer"],
        ] as const) {
          const policy = plan.resources.find(
            (resource) =>
              resource.type === ROLE_POLICY &&
              resource.name === `campaign-summariser-access-${workload}-${brand}-policy`,
          )!;
          const statement = JSON.parse(policy.props.policy as string).Statement[0];
          expect(statement.Action).toEqual(["rds-db:connect"]);
          expect(statement.Resource).toHaveLength(1);
          expect(statement.Resource[0]).toMatch(new RegExp(`:dbuser:cluster-[A-Z0-9]+/${brand}-${user}$`));
        }
      }
      const ingest = plan.resources.find(
        (resource) => resource.type === CRONJOB && resource.name.endsWith("-social-posts-south"),
      )!;
      expect(argAfter(publishOf(ingest).args, "--vector-store-url")).toMatch(
        /^postgres:\/\/brand-south-writer@campaign-summariser-vectors-db\.cluster-mocked\.[^/]+:5432\/brand-south\?sslmode=require$/,
      );
      expect(ingest.props.spec.jobTemplate.spec.template.spec.serviceAccountName).toBe("ingestion-brand-south-sa");
      expect(findings(engine, plan.resources, plan.spec)).toEqual([]);
    });

    it("one brand's role allowed to connect as the other brand's reader fires LLM-CTRL-011", () => {
      const resources = edited(plan, ROLE_POLICY, "access-retrieval-brand-north-policy", (r) => {
        const document = JSON.parse(r.props.policy as string);
        const own = document.Statement[0].Resource[0] as string;
        document.Statement[0].Resource.push(own.replace(/brand-north-reader$/, "brand-south-reader"));
        r.props.policy = JSON.stringify(document);
      });
      expect(findings(engine, resources, plan.spec)).toEqual(["LLM-CTRL-011"]);
    });

    it("a brand database left open to PUBLIC in the Aurora provisioning SQL fires LLM-CTRL-011", () => {
      const open = edited(plan, "kubernetes:core/v1:ConfigMap", "vector-tenants-tenants", (r) => {
        r.props.data["tenants.sql"] = (r.props.data["tenants.sql"] as string).replace(
          'REVOKE ALL ON DATABASE "brand-north" FROM PUBLIC;',
          "",
        );
      });
      expect(findings(engine, open, plan.spec)).toEqual(["LLM-CTRL-011"]);
    });
  },
);
