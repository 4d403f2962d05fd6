/**
 * Reads one runtime-config file and turns it into runtime resources: an llmops plan, a
 * `pulumi preview --json` document, a `pulumi stack export` (v3) state, Kubernetes YAML
 * (multi-document, `helm template` output, List kinds) or `kubectl get -o json` output.
 * The kind is detected from the content unless given.
 */
import { InputError } from "../../../input/input-error.js";
import { parseDocuments, type ParsedDocument } from "../../../input/parse-documents.js";
import { readSourceText } from "../../../input/source-file.js";
import type { InputKind, RuntimeResource } from "../runtime-input.js";
import { isKubernetesObject, kubernetesResource } from "./kubernetes-object.js";
import { readPulumiValue } from "./pulumi-values.js";

/** Runtime configs can be large (a 10,000-resource stack export, a big List). */
export const RUNTIME_MAX_BYTES = 64 * 1024 * 1024;

type Json = Record<string, unknown>;

export interface RuntimeFile {
  readonly file: string;
  readonly kind: InputKind;
  readonly resources: RuntimeResource[];
  /** The spec document an llmops plan was built from (metadata and spec), for checks that tie declarations to resources. */
  readonly spec?: unknown;
}

/**
 * A file that is not a runtime config at all (a chart's values.yaml or Chart.yaml, a Grafana
 * dashboard, a kustomization, a template before rendering). Found in a directory, it is
 * skipped with a notice; named on the command line, it is an error like any other.
 */
export class NotRuntimeConfigError extends InputError {
  override readonly name = "NotRuntimeConfigError";
}

/**
 * Reads one runtime config file (Kubernetes manifests, `helm template` output, a plan, `pulumi preview --json`, `pulumi stack export`, `kubectl get -o json`) into runtime resources, detecting the kind unless `kind` is given.
 * @throws InputError when the file cannot be read, is larger than RUNTIME_MAX_BYTES or is malformed
 * @throws NotRuntimeConfigError when it holds no runtime config (a values.yaml, a dashboard)
 */
export function readRuntimeFile(file: string, kind?: InputKind): RuntimeFile {
  const text = readSourceText(file, RUNTIME_MAX_BYTES);
  let documents: ParsedDocument[];
  try {
    documents = parseDocuments(text, file, { maxDepth: 128, skipEmptyDocuments: true });
  } catch (error) {
    // `{{ … }}` outside quotes rarely parses: a Helm or Go template before rendering.
    if (error instanceof InputError && kind === undefined && text.includes("{{")) {
      throw new NotRuntimeConfigError(
        `${error.message}; this looks like a template before rendering (render it, e.g. \`helm template … | llmops check -\`)`,
        error.file,
        error.line,
        error.column,
      );
    }
    throw error;
  }
  if (kind === undefined) refuseKustomization(documents, file);
  const detected = kind ?? detectKind(documents, file);
  const resources = documents.flatMap((document) => adapt(detected, document));
  const spec = detected === "plan" ? planSpec(documents[0]?.value) : undefined;
  return { file, kind: detected, resources, ...(spec === undefined ? {} : { spec }) };
}

/** An llmops plan, like a runtime-input document, carries the whole spec document as `spec` (input.spec). */
function planSpec(value: unknown): unknown {
  if (!isObject(value) || !isObject(value.spec)) return undefined;
  return value.spec;
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * What a parsed file is: `plan` (an llmops plan), `preview` (`pulumi preview --json`), `state` (`pulumi stack export`), `kubectl` (a `kind: List` JSON file) or `manifests` (Kubernetes objects).
 * @throws NotRuntimeConfigError when a document is none of these
 */
export function detectKind(documents: readonly ParsedDocument[], file: string): InputKind {
  const first = documents[0]?.value;
  if (documents.length === 1 && isObject(first)) {
    if (first.kind === "llmops-plan" || (Array.isArray(first.resources) && first.apiVersion === undefined))
      return "plan";
    if (Array.isArray(first.steps)) return "preview";
    if (isObject(first.deployment) && first.version !== undefined) return "state";
    if (first.kind === "List" && Array.isArray(first.items) && /\.json$/i.test(file)) return "kubectl";
  }
  const stray = documents.find((document) => !isKubernetesObject(document.value));
  if (stray === undefined) return "manifests";
  // Name the document that does not fit (its own line), not the start of the file.
  const position = stray.locate("");
  const which = documents.length > 1 || stray.index > 0 ? ` (document ${stray.index + 1} of the stream)` : "";
  throw new NotRuntimeConfigError(
    `unrecognised runtime config${which}; expected an llmops plan, \`pulumi preview --json\`, \`pulumi stack export\`, Kubernetes manifests or \`kubectl get -o json\` output (or pass --input-kind)`,
    file,
    position?.line,
    position?.column,
  );
}

/** A kustomization is build input, not an object the API server holds: render it first. */
function refuseKustomization(documents: readonly ParsedDocument[], file: string): void {
  for (const document of documents) {
    const value = document.value;
    if (
      isObject(value) &&
      typeof value.apiVersion === "string" &&
      value.apiVersion.startsWith("kustomize.config.k8s.io/")
    ) {
      const position = document.locate("");
      throw new NotRuntimeConfigError(
        "a kustomization, not rendered objects; render it with `kubectl kustomize DIR | llmops check -`",
        file,
        position?.line,
        position?.column,
      );
    }
  }
}

function adapt(kind: InputKind, document: ParsedDocument): RuntimeResource[] {
  switch (kind) {
    case "plan":
      return fromPlan(document);
    case "preview":
      return fromPreview(document);
    case "state":
      return fromState(document);
    case "manifests":
    case "kubectl":
      return fromManifests(document);
  }
}

function fail(document: ParsedDocument, pointer: string, message: string): never {
  const position = document.locate(pointer);
  throw new InputError(message, document.file, position?.line, position?.column);
}

function source(document: ParsedDocument, pointer: string) {
  return { file: document.file, locate: (inner: string) => document.locate(inner), pointer };
}

function nameFromUrn(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}

function fromPlan(document: ParsedDocument): RuntimeResource[] {
  const value = document.value as Json;
  if (!Array.isArray(value.resources)) fail(document, "", "expected a resources array");
  return (value.resources as unknown[]).map((item, index) => {
    const pointer = `/resources/${index}`;
    if (!isObject(item) || typeof item.type !== "string" || typeof item.urn !== "string" || !isObject(item.props)) {
      fail(document, pointer, "expected a resource with urn, type and props");
    }
    return {
      urn: item.urn,
      type: item.type,
      name: typeof item.name === "string" ? item.name : nameFromUrn(item.urn),
      ...(typeof item.id === "string" ? { id: item.id } : {}),
      props: item.props,
      ...(typeof item.parent === "string" ? { parent: item.parent } : {}),
      ...(typeof item.component === "string" ? { component: item.component } : {}),
      source: source(document, `${pointer}/props`),
    };
  });
}

/** Engine-internal and provider resources carry no configuration worth judging. */
function judged(type: string): boolean {
  return !type.startsWith("pulumi:");
}

function fromPreview(document: ParsedDocument): RuntimeResource[] {
  const steps = (document.value as Json).steps as unknown[];
  const resources: RuntimeResource[] = [];
  steps.forEach((step, index) => {
    if (!isObject(step) || step.op === "delete" || step.op === "discard") return;
    const state = step.newState;
    if (!isObject(state)) return;
    if (typeof state.type !== "string" || typeof state.urn !== "string")
      fail(document, `/steps/${index}/newState`, "expected newState with urn and type");
    if (!judged(state.type)) return;
    const field = isObject(state.inputs) ? "inputs" : "outputs";
    const unknowns: string[] = [];
    resources.push({
      urn: state.urn,
      type: state.type,
      name: nameFromUrn(state.urn),
      ...(typeof state.id === "string" && state.id !== "" ? { id: state.id } : {}),
      props: pulumiProps(state[field], unknowns),
      ...(unknowns.length > 0 ? { unknowns } : {}),
      ...(typeof state.parent === "string" ? { parent: state.parent } : {}),
      source: source(document, `/steps/${index}/newState/${field}`),
    });
  });
  return resources;
}

/** Props with Pulumi's unknowns marked and secret envelopes opened (see pulumi-values.ts). */
function pulumiProps(value: unknown, unknowns: string[]): Json {
  if (!isObject(value)) return {};
  return readPulumiValue(value, unknowns) as Json;
}

function fromState(document: ParsedDocument): RuntimeResource[] {
  const deployment = (document.value as Json).deployment as Json;
  const list = deployment.resources;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) fail(document, "/deployment/resources", "expected deployment.resources to be a list");
  const resources: RuntimeResource[] = [];
  list.forEach((item, index) => {
    const pointer = `/deployment/resources/${index}`;
    if (!isObject(item) || typeof item.type !== "string" || typeof item.urn !== "string")
      fail(document, pointer, "expected a resource with urn and type");
    if (!judged(item.type) || item.delete === true) return;
    // State outputs are what was actually deployed; fall back to inputs for components.
    const field = isObject(item.outputs) && Object.keys(item.outputs).length > 0 ? "outputs" : "inputs";
    const unknowns: string[] = [];
    resources.push({
      urn: item.urn,
      type: item.type,
      name: nameFromUrn(item.urn),
      ...(typeof item.id === "string" ? { id: item.id } : {}),
      props: pulumiProps(item[field], unknowns),
      ...(unknowns.length > 0 ? { unknowns } : {}),
      ...(typeof item.parent === "string" ? { parent: item.parent } : {}),
      source: source(document, `${pointer}/${field}`),
    });
  });
  return resources;
}

function fromManifests(document: ParsedDocument): RuntimeResource[] {
  const value = document.value as Json;
  const manifests: Array<{ manifest: Json; pointer: string }> = [];
  if (typeof value.kind === "string" && value.kind.endsWith("List") && Array.isArray(value.items)) {
    value.items.forEach((item, index) => manifests.push({ manifest: item as Json, pointer: `/items/${index}` }));
  } else {
    manifests.push({ manifest: value, pointer: "" });
  }
  return manifests.map(({ manifest, pointer }) => {
    if (!isKubernetesObject(manifest)) fail(document, pointer, "expected a Kubernetes object with apiVersion and kind");
    return kubernetesResource(manifest, source(document, pointer));
  });
}
