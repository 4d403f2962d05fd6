/**
 * Kubernetes reads manifests with YAML 1.1 (sigs.k8s.io/yaml over go-yaml v2), where plain
 * `yes`, `on`, `y` … are booleans; this toolkit parses YAML 1.2 core, where they are strings. In
 * the fields the API types as boolean, a string would read as "not set" to a check (`privileged:
 * yes` judged not privileged). So, for documents recognised as Kubernetes objects only:
 *   - a YAML 1.1 boolean word in such a field becomes the boolean the API server sees;
 *   - any other non-boolean there (`"maybe"`, `1`) is refused with file:line:column, as the API
 *     server refuses to decode it.
 * Fields are matched by name, outside string maps (metadata, ConfigMap/Secret data, selectors),
 * because pod specs appear at many paths (workloads, custom resources). Every name below is a
 * boolean in every built-in API type that declares it (k8s.io/api core/v1 PodSpec, Container,
 * SecurityContext, VolumeMount, ServiceAccount, ConfigMap, Secret, *KeySelector).
 * The spec loader is untouched: it stays on the YAML 1.2 core schema.
 */
import { InputError } from "../../../input/input-error.js";
import { pointerOf } from "../../../input/document-rules.js";
import type { Position } from "../../../input/parse-documents.js";

/** Field names the Kubernetes API types as boolean wherever they appear. */
export const KUBERNETES_BOOLEAN_FIELDS: ReadonlySet<string> = new Set([
  "privileged",
  "allowPrivilegeEscalation",
  "readOnlyRootFilesystem",
  "runAsNonRoot",
  "hostPID",
  "hostIPC",
  "hostNetwork",
  "hostUsers",
  "shareProcessNamespace",
  "automountServiceAccountToken",
  "enableServiceLinks",
  "setHostnameAsFQDN",
  "readOnly",
  "stdin",
  "stdinOnce",
  "tty",
  "optional",
  "immutable",
]);

/** Keys whose values are maps of arbitrary strings, never API fields. */
const STRING_MAPS: ReadonlySet<string> = new Set([
  "metadata",
  "data",
  "stringData",
  "binaryData",
  "labels",
  "annotations",
  "nodeSelector",
  "matchLabels",
]);

/** go-yaml v2's boolean forms (resolve.go): what the API server reads as true or false. */
const YAML_1_1_TRUE = new Set(["y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"]);
const YAML_1_1_FALSE = new Set(["n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"]);

/**
 * Rewrites, in place, YAML 1.1 boolean words in boolean-typed fields of one Kubernetes object.
 * `pointer` is the object's JSON Pointer in its document; `locate` maps a pointer to a position.
 * @throws InputError (file:line:column) for any other non-boolean value in such a field.
 */
export function readKubernetesBooleans(
  object: Record<string, unknown>,
  pointer: string,
  file: string,
  locate: (pointer: string) => Position | undefined,
): void {
  const stack: Array<{ value: unknown; segments: string[] }> = [{ value: object, segments: [] }];
  while (stack.length > 0) {
    const { value, segments } = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, segments: [...segments, String(index)] }));
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const [key, field] of Object.entries(record)) {
      if (STRING_MAPS.has(key)) continue;
      // Collections under such a name are walked, not refused: a custom resource may reuse the name for a structure.
      if (
        !KUBERNETES_BOOLEAN_FIELDS.has(key) ||
        field === null ||
        typeof field === "boolean" ||
        typeof field === "object"
      ) {
        stack.push({ value: field, segments: [...segments, key] });
        continue;
      }
      if (typeof field === "string" && YAML_1_1_TRUE.has(field)) record[key] = true;
      else if (typeof field === "string" && YAML_1_1_FALSE.has(field)) record[key] = false;
      else {
        const at = `${pointer}${pointerOf([...segments, key])}`;
        const position = locate(at);
        throw new InputError(
          `${key} is a boolean in the Kubernetes API; ${JSON.stringify(field)} is not one (write true or false)`,
          file,
          position?.line,
          position?.column,
        );
      }
    }
  }
}
