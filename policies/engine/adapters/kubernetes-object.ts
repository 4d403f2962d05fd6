/**
 * One Kubernetes object → one runtime resource, the mapping every Kubernetes reader shares:
 * manifest files and `kubectl get -o json` (read-runtime-file.ts), a live cluster
 * (`llmops check --cluster`) and the object under admission review (`llmops admission serve`).
 * One rule then judges the same object the same way wherever it was read.
 *
 * The URN is `k8s:<namespace or _>:<Kind>:<name>`; a nameless object (one that asks the API server
 * for a generated name) is named after its `generateName` prefix.
 */
import { kubernetesToken, type ResourceSource, type RuntimeResource } from "../runtime-input.js";
import { readKubernetesBooleans } from "./kubernetes-booleans.js";

type Json = Record<string, unknown>;

/** An object with the two fields that make it a Kubernetes object. */
export type KubernetesObject = Json & { apiVersion: string; kind: string };

/** True when `value` is an object with a non-empty string `apiVersion` and `kind`: the least a document needs to be read as a Kubernetes object. */
export function isKubernetesObject(value: unknown): value is KubernetesObject {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as Json).apiVersion === "string" &&
    typeof (value as Json).kind === "string"
  );
}

/**
 * The runtime resource for `object`. YAML 1.1 boolean words in boolean API fields are read as the
 * API server reads them (kubernetes-booleans.ts), which throws InputError, located through
 * `source`, on a value the API server would refuse. `pointer` is where the object sits in its
 * source document ("" for a whole document, `/items/3` in a List).
 */
export function kubernetesResource(object: KubernetesObject, source?: ResourceSource): RuntimeResource {
  readKubernetesBooleans(object, source?.pointer ?? "", source?.file ?? "(object)", (at) => source?.locate(at));
  const metadata = typeof object.metadata === "object" && object.metadata !== null ? (object.metadata as Json) : {};
  const name =
    typeof metadata.name === "string" && metadata.name !== ""
      ? metadata.name
      : typeof metadata.generateName === "string" && metadata.generateName !== ""
        ? `${metadata.generateName}*`
        : "(unnamed)";
  const namespace =
    typeof metadata.namespace === "string" && metadata.namespace !== "" ? metadata.namespace : undefined;
  return {
    urn: `k8s:${namespace ?? "_"}:${object.kind}:${name}`,
    type: kubernetesToken(object.apiVersion, object.kind),
    name,
    props: object,
    ...(source ? { source } : {}),
  };
}
