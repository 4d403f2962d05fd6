/**
 * The tenants of a partitioned vector store, from spec vectorStore.tenancy and .tenants: each
 * tenant's store (Qdrant collection `<stack>-<tenant>`, pgvector database `<tenant>`) and its two
 * Secrets (retrieval: read-only; ingestion: read-write), scoped to that store. The engine and
 * tenancy pairs built here are the ones LLM-DATA-014 admits; any other pair is refused, never
 * built as one shared store.
 */
import type { LLMOpsStack } from "../schemas/spec-schema.js";
import type { VectorDatabaseTenant } from "../components/kubernetes/vector-database.js";

/** What each in-cluster engine builds per tenant. */
const BUILT: Record<string, string> = { qdrant: "collectionPerTenant", pgvector: "databasePerTenant" };

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
  if (BUILT[store.engine] !== store.tenancy) {
    throw refuse(
      `vectorStore.tenancy ${store.tenancy} is not built for engine ${store.engine} (built: qdrant with collectionPerTenant, pgvector with databasePerTenant)`,
      "/spec/vectorStore/tenancy",
    );
  }
  const tenants = store.tenants ?? [];
  if (tenants.length === 0)
    throw refuse(`vectorStore.tenancy ${store.tenancy} names no tenants`, "/spec/vectorStore/tenants");
  const name = spec.metadata.name;
  return tenants.map((tenant) => ({
    name: tenant.name,
    store: store.engine === "qdrant" ? `${name}-${tenant.name}` : tenant.name,
    retrievalSecret: `${name}-vector-${tenant.name}-retrieval`,
    ingestionSecret: `${name}-vector-${tenant.name}-ingestion`,
  }));
}
