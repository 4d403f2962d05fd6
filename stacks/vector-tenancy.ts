/**
 * The tenants of a partitioned vector store, from spec vectorStore.tenancy and .tenants: each
 * tenant's store and its two credentials (retrieval: read-only; ingestion: read-write), scoped to
 * that store:
 *  - qdrant (in cluster), a collection per tenant `<stack>-<tenant>`, JWTs in per-tenant Secrets;
 *  - pgvector (in cluster), a database per tenant `<tenant>`, passwords in per-tenant Secrets;
 *  - opensearchServerless (aws), a collection per tenant (`<stack>-<tenant>`, shortened with a hash
 *    to the service's 32 characters), reached with per-tenant IAM roles;
 *  - auroraPgvector (aws), a database per tenant `<tenant>`, reached with per-tenant IAM database
 *    authentication (no password).
 * The engine and tenancy pairs built here are the ones LLM-DATA-014 admits; any other pair is
 * refused, never built as one shared store.
 */
import { createHash } from "node:crypto";
import type { LLMOpsStack } from "../schemas/spec-schema.js";
import type { VectorDatabaseTenant } from "../components/kubernetes/vector-database.js";

/** What each engine builds per tenant (the pairs LLM-DATA-014's `built` table admits). */
export const BUILT_TENANCY: Readonly<Record<string, string>> = {
  qdrant: "collectionPerTenant",
  pgvector: "databasePerTenant",
  opensearchServerless: "collectionPerTenant",
  auroraPgvector: "databasePerTenant",
};

/** Engines whose tenants authenticate with per-tenant IAM roles (target aws), not Secrets. */
export const IAM_TENANCY_ENGINES: ReadonlySet<string> = new Set(["opensearchServerless", "auroraPgvector"]);

/**
 * An OpenSearch Serverless collection name for a tenant: `<stack>-<tenant>` when it fits the
 * service's rule (3-32 characters, lowercase letter first, then [a-z0-9-]), else its first 23
 * characters, a hyphen and 8 hex characters of its SHA-256, so two tenants never collide.
 */
export function tenantCollectionName(stack: string, tenant: string): string {
  const full = `${stack}-${tenant}`;
  if (full.length <= 32) return full;
  const hash = createHash("sha256").update(full).digest("hex").slice(0, 8);
  return `${full.slice(0, 23).replace(/-+$/, "")}-${hash}`;
}

/**
 * The tenants of the spec's store, or undefined when tenancy is `single` (or there is no store).
 * @throws the error `refuse(message, path)` returns, when the tenancy is not built for the engine
 *   (`/spec/vectorStore/tenancy`) or names no tenants (`/spec/vectorStore/tenants`); the spec
 *   check LLM-DATA-014 reports the same earlier.
 */
export function vectorTenants(
  spec: LLMOpsStack,
  refuse: (message: string, path: string) => Error,
): VectorDatabaseTenant[] | undefined {
  const store = spec.spec.vectorStore;
  if (!store || store.tenancy === "single") return undefined;
  if (BUILT_TENANCY[store.engine] !== store.tenancy) {
    const pairs = Object.entries(BUILT_TENANCY)
      .map(([engine, tenancy]) => `${engine} with ${tenancy}`)
      .sort()
      .join(", ");
    throw refuse(
      `vectorStore.tenancy ${store.tenancy} is not built for engine ${store.engine} (built: ${pairs})`,
      "/spec/vectorStore/tenancy",
    );
  }
  const tenants = store.tenants ?? [];
  if (tenants.length === 0)
    throw refuse(`vectorStore.tenancy ${store.tenancy} names no tenants`, "/spec/vectorStore/tenants");
  const name = spec.metadata.name;
  const storeOf = (tenant: string): string => {
    if (store.engine === "qdrant") return `${name}-${tenant}`;
    if (store.engine === "opensearchServerless") return tenantCollectionName(name, tenant);
    return tenant;
  };
  return tenants.map((tenant) => ({
    name: tenant.name,
    store: storeOf(tenant.name),
    retrievalSecret: `${name}-vector-${tenant.name}-retrieval`,
    ingestionSecret: `${name}-vector-${tenant.name}-ingestion`,
  }));
}
