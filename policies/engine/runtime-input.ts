/**
 * The runtime-input document every runtime check reads:
 *   { resources: [{ urn, type, name, id?, props, parent? }], spec? }
 * `type` is the Pulumi type token; a Kubernetes manifest maps to the same token as a
 * Pulumi-registered object, so one rule covers both. Each resource remembers where it came
 * from, so a finding's JSON Pointer maps back to file:line:column.
 */
import type { Position } from "../../input/parse-documents.js";

export interface ResourceSource {
  readonly file: string;
  /** Locates a JSON Pointer inside the resource's own source document. */
  readonly locate: (pointer: string) => Position | undefined;
  /** Pointer of the resource's props inside that document ("" for a whole manifest). */
  readonly pointer: string;
}

export interface RuntimeResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly id?: string;
  readonly props: Record<string, unknown>;
  readonly parent?: string;
  /**
   * Property → URNs it depends on (CrossGuard's property dependencies), so checks can relate
   * resources whose ids are not known yet during preview.
   */
  readonly refs?: Readonly<Record<string, readonly string[]>>;
  /** Component path (names of the enclosing components), when known. */
  readonly component?: string;
  readonly source?: ResourceSource;
  /**
   * JSON Pointers (relative to props) of values not known yet (Pulumi preview). Findings at or
   * under them are not reported; the report lists the resource as undetermined instead.
   */
  readonly unknowns?: readonly string[];
}

/** What an unknown value reads as in props: a visible placeholder that no check matches. */
export const UNKNOWN_VALUE = "<unknown during preview>";

export interface RuntimeInput {
  readonly resources: readonly RuntimeResource[];
  readonly spec?: unknown;
}

export const INPUT_KINDS = ["plan", "preview", "state", "manifests", "kubectl"] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/** `apiVersion` + `kind` → Pulumi type token (`v1` is the core group). */
export function kubernetesToken(apiVersion: string, kind: string): string {
  const groupVersion = apiVersion.includes("/") ? apiVersion : `core/${apiVersion}`;
  return `kubernetes:${groupVersion}:${kind}`;
}

/** The serialisable document the policies see (no source locators). */
export function policyInput(input: RuntimeInput): {
  resources: Array<Omit<RuntimeResource, "source" | "component" | "unknowns">>;
  spec?: unknown;
} {
  return {
    resources: input.resources.map(
      ({ source: _source, component: _component, unknowns: _unknowns, ...resource }) => resource,
    ),
    ...(input.spec === undefined ? {} : { spec: input.spec }),
  };
}
