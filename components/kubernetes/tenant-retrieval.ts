/**
 * The per-tenant retrieval contract of a partitioned vector store (spec vectorStore.tenancy):
 * one ConfigMap `retrieval-<tenant>` per tenant, mounted by the application's retriever for that
 * tenant (the retriever process itself is the application's, run under the `retrieval` identity
 * and labelled `llmops.dev/tenant: <tenant>`). It names the tenant's store, the one Secret the
 * retriever mounts (read-only, scoped to that store), and where the tenant comes from: the
 * caller's authenticated identity, an OIDC token from the spec's identity provider whose tenant
 * claim must equal this retriever's tenant. A tenant named in the request (body, query or
 * header) is never read: `requestTenant: ignored`. docs/guardrails.md (Tenancy) has the contract.
 *
 * On target aws (OpenSearch Serverless, Aurora PostgreSQL) the tenant's credential is no Secret but
 * the IAM role of its own service account `retrieval-<tenant>-sa` (IRSA): the retriever for the
 * tenant runs under that account and signs its requests with it (SigV4 for OpenSearch, an RDS IAM
 * token for the tenant's `<tenant>-reader` database user), and the ConfigMap names the account.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { stringify } from "yaml";
import { workloadLabels } from "./pod-security.js";
import { TENANT_LABEL, type VectorDatabaseTenant } from "./vector-database.js";

export const RETRIEVAL_ROLE = "retrieval";

/** Engines whose tenant credential is an IAM role (target aws), not a Secret. */
export type IamTenantEngine = "opensearchServerless" | "auroraPgvector";
/** Every engine with a per-tenant retrieval contract. */
export type TenantEngine = "qdrant" | "pgvector" | IamTenantEngine;

/** Service account of a tenant's workload (`<workload>-<tenant>`, WorkloadRbac's `-sa` suffix) on target aws, whose IRSA role is that tenant's only. */
export function tenantServiceAccount(workload: "retrieval" | "ingestion", tenant: string): string {
  return `${workload}-${tenant}-sa`;
}

const IAM_ENGINES: ReadonlySet<string> = new Set(["opensearchServerless", "auroraPgvector"]);

export interface TenantRetrievalArgs {
  /** Stack name (labels). */
  readonly stack: string;
  /** Namespace the ConfigMaps are created in. */
  readonly namespace: pulumi.Input<string>;
  /** Engine of the store. */
  readonly engine: TenantEngine;
  /** Base URL of the store (https:// for Qdrant and OpenSearch, postgres:// for pgvector and Aurora). */
  readonly storeUrl: pulumi.Input<string>;
  /** A tenant's own URL where it differs from storeUrl (OpenSearch: each tenant's collection endpoint). @default storeUrl */
  readonly tenantStoreUrls?: Readonly<Record<string, pulumi.Input<string>>>;
  /** The tenants, each with its store and its retrieval Secret. */
  readonly tenants: readonly VectorDatabaseTenant[];
  /** OIDC issuer whose tokens identify the caller (spec access.identityProvider.issuer). */
  readonly issuer: string;
  /** Token claim that names the caller's tenant. @default "tenant" */
  readonly tenantClaim?: string;
}

/**
 * The retriever configuration of one tenant (YAML): the store and the credential file of that
 * tenant only, and the identity binding (issuer, claim, expected tenant, request tenant ignored).
 */
export function retrieverConfig(args: {
  engine: TenantEngine;
  storeUrl: string;
  tenant: VectorDatabaseTenant;
  issuer: string;
  tenantClaim: string;
}): string {
  const tenant = args.tenant;
  const collection = args.engine === "qdrant" || args.engine === "opensearchServerless";
  const iam = IAM_ENGINES.has(args.engine);
  return stringify({
    tenant: tenant.name,
    store: {
      engine: args.engine,
      url: args.storeUrl,
      ...(collection ? { collection: tenant.store } : { database: tenant.store, user: `${tenant.name}-reader` }),
      credential: iam
        ? {
            // The tenant's own IRSA role, through its own service account; no shared secret exists.
            awsIam: {
              serviceAccount: tenantServiceAccount(RETRIEVAL_ROLE, tenant.name),
              signing: args.engine === "opensearchServerless" ? "sigv4-aoss" : "rds-iam-token",
            },
          }
        : {
            secretName: tenant.retrievalSecret,
            key: args.engine === "qdrant" ? "api-key" : "password",
            file: `/var/run/secrets/llmops/vector-store/${args.engine === "qdrant" ? "api-key" : "password"}`,
          },
    },
    identity: {
      source: "oidc",
      issuer: args.issuer,
      tenantClaim: args.tenantClaim,
      expectedTenant: tenant.name,
      onMismatch: "reject",
      requestTenant: "ignored",
    },
  });
}

/** One retrieval ConfigMap per tenant; `configMapNames` maps tenant name to ConfigMap name. */
export class TenantRetrieval extends pulumi.ComponentResource {
  readonly configMapNames: Record<string, pulumi.Output<string>>;

  constructor(name: string, args: TenantRetrievalArgs, opts?: pulumi.ComponentResourceOptions) {
    super("llmops:kubernetes:TenantRetrieval", name, args, opts);
    if (args.tenants.length === 0)
      throw new pulumi.InputPropertyError({ propertyPath: "tenants", reason: "at least one tenant" });
    this.configMapNames = {};
    for (const tenant of args.tenants) {
      const config = new k8s.core.v1.ConfigMap(
        `${name}-${tenant.name}`,
        {
          metadata: {
            name: `${RETRIEVAL_ROLE}-${tenant.name}`,
            namespace: args.namespace,
            labels: { ...workloadLabels(args.stack, RETRIEVAL_ROLE), [TENANT_LABEL]: tenant.name },
          },
          data: {
            "retriever.yaml": pulumi.output(args.tenantStoreUrls?.[tenant.name] ?? args.storeUrl).apply((storeUrl) =>
              retrieverConfig({
                engine: args.engine,
                storeUrl,
                tenant,
                issuer: args.issuer,
                tenantClaim: args.tenantClaim ?? "tenant",
              }),
            ),
          },
        },
        { parent: this },
      );
      this.configMapNames[tenant.name] = config.metadata.name;
    }
    this.registerOutputs({ configMapNames: this.configMapNames });
  }
}
