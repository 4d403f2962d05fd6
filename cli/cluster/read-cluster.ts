/**
 * `llmops check --cluster`: the live objects an API server holds, read through
 * `@kubernetes/client-node` (kubeconfig, contexts and every authentication method it supports)
 * and turned into runtime resources by the same adapter as a `kubectl get -o json` file, so they
 * are judged exactly like one.
 *
 * Read: pods and the workload kinds, RBAC, NetworkPolicies, Services, ResourceQuotas, LimitRanges,
 * ServiceAccounts, PodDisruptionBudgets, Ingresses, Namespaces, and the serving custom resources
 * of the bundle's pod-template table (data.yaml `pod_templates`: KServe, KubeRay, LeaderWorkerSet, …)
 * whose CRDs the server has installed (found by API discovery; an absent group is skipped).
 * Objects are fetched as raw JSON (the wire form `kubectl get -o json` prints), not through the
 * generated model classes, which would turn timestamps into Dates and drop unknown fields.
 *
 * Positions name the object: each resource's file is `cluster:<context>/<API path of the object>`.
 */
import { request as httpsRequest, type RequestOptions } from "node:https";
import { request as httpRequest } from "node:http";
import { isKubernetesObject, kubernetesResource } from "../../policies/engine/adapters/kubernetes-object.js";
import type { RuntimeResource } from "../../policies/engine/runtime-input.js";
import { UserFacingError } from "../../schemas/user-facing-error.js";

export interface ClusterReadOptions {
  /** kubeconfig context (default: the current context). */
  readonly context?: string;
  /** Only this namespace (cluster-scoped kinds such as ClusterRoles are still read). */
  readonly namespace?: string;
  /** kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster). */
  readonly kubeconfig?: string;
  /** `group/Kind` keys of the serving custom resources to look for (the bundle's pod_templates table). */
  readonly servingKinds: readonly string[];
}

/** A problem reaching or reading the cluster: exit 2 (could not evaluate), never an empty pass. */
export class ClusterReadError extends UserFacingError {}

interface Collection {
  readonly groupVersion: string;
  readonly plural: string;
  readonly kind: string;
  readonly namespaced: boolean;
}

/** The built-in kinds read from every cluster. */
export const BUILT_IN_COLLECTIONS: readonly Collection[] = [
  { groupVersion: "v1", plural: "namespaces", kind: "Namespace", namespaced: false },
  { groupVersion: "v1", plural: "pods", kind: "Pod", namespaced: true },
  { groupVersion: "v1", plural: "services", kind: "Service", namespaced: true },
  { groupVersion: "v1", plural: "serviceaccounts", kind: "ServiceAccount", namespaced: true },
  { groupVersion: "v1", plural: "resourcequotas", kind: "ResourceQuota", namespaced: true },
  { groupVersion: "v1", plural: "limitranges", kind: "LimitRange", namespaced: true },
  { groupVersion: "apps/v1", plural: "deployments", kind: "Deployment", namespaced: true },
  { groupVersion: "apps/v1", plural: "statefulsets", kind: "StatefulSet", namespaced: true },
  { groupVersion: "apps/v1", plural: "daemonsets", kind: "DaemonSet", namespaced: true },
  { groupVersion: "apps/v1", plural: "replicasets", kind: "ReplicaSet", namespaced: true },
  { groupVersion: "batch/v1", plural: "jobs", kind: "Job", namespaced: true },
  { groupVersion: "batch/v1", plural: "cronjobs", kind: "CronJob", namespaced: true },
  { groupVersion: "networking.k8s.io/v1", plural: "networkpolicies", kind: "NetworkPolicy", namespaced: true },
  { groupVersion: "networking.k8s.io/v1", plural: "ingresses", kind: "Ingress", namespaced: true },
  { groupVersion: "policy/v1", plural: "poddisruptionbudgets", kind: "PodDisruptionBudget", namespaced: true },
  { groupVersion: "rbac.authorization.k8s.io/v1", plural: "roles", kind: "Role", namespaced: true },
  { groupVersion: "rbac.authorization.k8s.io/v1", plural: "rolebindings", kind: "RoleBinding", namespaced: true },
  { groupVersion: "rbac.authorization.k8s.io/v1", plural: "clusterroles", kind: "ClusterRole", namespaced: false },
  {
    groupVersion: "rbac.authorization.k8s.io/v1",
    plural: "clusterrolebindings",
    kind: "ClusterRoleBinding",
    namespaced: false,
  },
];

type Get = (path: string) => Promise<{ status: number; body: unknown }>;

/** Reads the cluster's objects as runtime resources. Throws ClusterReadError. */
export async function readCluster(
  options: ClusterReadOptions,
): Promise<{ context: string; server: string; resources: RuntimeResource[] }> {
  const { KubeConfig } = await import("@kubernetes/client-node");
  const config = new KubeConfig();
  try {
    if (options.kubeconfig !== undefined) config.loadFromFile(options.kubeconfig);
    else config.loadFromDefault();
    if (options.context !== undefined) {
      if (config.getContextObject(options.context) === null)
        throw new ClusterReadError(`kubeconfig has no context named ${options.context}`);
      config.setCurrentContext(options.context);
    }
  } catch (error) {
    if (error instanceof ClusterReadError) throw error;
    throw new ClusterReadError(`cannot load the kubeconfig: ${error instanceof Error ? error.message : String(error)}`);
  }
  const cluster = config.getCurrentCluster();
  if (cluster === null) throw new ClusterReadError("the kubeconfig's current context names no cluster");
  const context = config.getCurrentContext();
  const base = new URL(cluster.server);
  const get: Get = async (path) => {
    const options: RequestOptions = { method: "GET", headers: { accept: "application/json" } };
    await config.applyToHTTPSOptions(options);
    return fetchJson(base, path, options);
  };

  const collections = [...BUILT_IN_COLLECTIONS, ...(await servingCollections(get, options.servingKinds))];
  const resources: RuntimeResource[] = [];
  for (const collection of collections) {
    const prefix = collection.groupVersion.includes("/")
      ? `/apis/${collection.groupVersion}`
      : `/api/${collection.groupVersion}`;
    const scope =
      collection.namespaced && options.namespace !== undefined
        ? `/namespaces/${encodeURIComponent(options.namespace)}`
        : "";
    let path = `${prefix}${scope}/${collection.plural}`;
    if (collection.kind === "Namespace" && options.namespace !== undefined)
      path = `${prefix}/namespaces/${encodeURIComponent(options.namespace)}`;
    const { status, body } = await get(path);
    if (status === 404 && collection.kind === "Namespace" && options.namespace !== undefined) {
      throw new ClusterReadError(`namespace ${options.namespace} does not exist in context ${context}`);
    }
    if (status !== 200) throw new ClusterReadError(`GET ${path} answered HTTP ${status}${statusMessage(body)}`);
    const items = Array.isArray((body as { items?: unknown }).items) ? (body as { items: unknown[] }).items : [body];
    for (const item of items) {
      // List items omit apiVersion and kind; the wire form of a single object (kubectl get -o json) has them.
      const object = {
        apiVersion: collection.groupVersion,
        kind: collection.kind,
        ...(item as Record<string, unknown>),
      };
      if (!isKubernetesObject(object)) continue;
      const metadata = object.metadata as { name?: string; namespace?: string } | undefined;
      const objectPath = `${prefix}${metadata?.namespace ? `/namespaces/${metadata.namespace}` : ""}/${collection.plural}/${metadata?.name ?? ""}`;
      resources.push(
        kubernetesResource(object, { file: `cluster:${context}${objectPath}`, locate: () => undefined, pointer: "" }),
      );
    }
  }
  return { context, server: cluster.server, resources };
}

/** The serving custom resources the server knows, found by discovery (preferred version of each group). */
async function servingCollections(get: Get, servingKinds: readonly string[]): Promise<Collection[]> {
  const wanted = new Map<string, Set<string>>();
  for (const key of servingKinds) {
    const slash = key.lastIndexOf("/");
    if (slash <= 0) continue;
    const group = key.slice(0, slash);
    wanted.set(group, (wanted.get(group) ?? new Set()).add(key.slice(slash + 1)));
  }
  const found: Collection[] = [];
  for (const [group, kinds] of wanted) {
    const groupInfo = await get(`/apis/${group}`);
    if (groupInfo.status === 404) continue;
    if (groupInfo.status !== 200)
      throw new ClusterReadError(`API discovery of ${group} answered HTTP ${groupInfo.status}`);
    const groupVersion = (groupInfo.body as { preferredVersion?: { groupVersion?: string } }).preferredVersion
      ?.groupVersion;
    if (typeof groupVersion !== "string") continue;
    const listing = await get(`/apis/${groupVersion}`);
    if (listing.status !== 200)
      throw new ClusterReadError(`API discovery of ${groupVersion} answered HTTP ${listing.status}`);
    const apiResources =
      (listing.body as { resources?: Array<{ name: string; kind: string; namespaced: boolean }> }).resources ?? [];
    for (const resource of apiResources) {
      if (resource.name.includes("/") || !kinds.has(resource.kind)) continue;
      found.push({ groupVersion, plural: resource.name, kind: resource.kind, namespaced: resource.namespaced });
    }
  }
  return found;
}

function fetchJson(base: URL, path: string, options: RequestOptions): Promise<{ status: number; body: unknown }> {
  const url = new URL(`${base.pathname.replace(/\/$/, "")}${path}`, base);
  const send = url.protocol === "http:" ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, { ...options, timeout: 30_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let body: unknown = {};
        try {
          body = text === "" ? {} : JSON.parse(text);
        } catch {
          // The server answers an unknown API group with a plain-text 404; only a 200 must be JSON.
          if (response.statusCode !== 200) {
            resolve({ status: response.statusCode ?? 0, body: {} });
            return;
          }
          reject(
            new ClusterReadError(
              `GET ${path} answered HTTP ${response.statusCode ?? "?"} with a body that is not JSON`,
            ),
          );
          return;
        }
        resolve({ status: response.statusCode ?? 0, body });
      });
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new Error("no answer within 30 s")));
    request.on("error", (error) =>
      reject(new ClusterReadError(`cannot reach the API server at ${base.origin}: ${error.message}`)),
    );
    request.end();
  });
}

function statusMessage(body: unknown): string {
  const message = (body as { message?: unknown } | undefined)?.message;
  return typeof message === "string" ? `: ${message.slice(0, 300)}` : "";
}
