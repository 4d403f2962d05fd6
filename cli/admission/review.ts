/**
 * The decision of `llmops admission serve` for one AdmissionReview (admission.k8s.io/v1): the
 * runtime checks of the verified bundle, the same PolicyEngine.evaluateRuntime that
 * `llmops check` runs, on the object under review, read by the same adapter as a
 * `kubectl get -o json` file (policies/engine/adapters/kubernetes-object.ts).
 *
 * - Findings at or above `failOn` that no waiver covers deny the request; the response's status
 *   message names each finding's id, message and remediation, and status.details.causes carries one
 *   cause per finding (reason = check id, field = JSON Pointer in the object).
 * - Findings below the threshold, and waived ones, come back as admission warnings (kubectl and
 *   client libraries print them).
 * - Findings about other objects are not this request's to decide: only findings whose JSON
 *   Pointer is inside the object under review count.
 * - Objects in excluded namespaces (the system namespaces by default) are admitted unevaluated;
 *   DELETE and CONNECT are admitted (there is no new object to judge).
 * - Anything that cannot be evaluated (an engine error, an object the API server would not
 *   decode, a decision over its time budget) denies: the webhook fails closed, as its
 *   failurePolicy: Fail does when it cannot be reached.
 *
 * Pure apart from the engine call and the clock; server.ts does HTTP, TLS and logging.
 */
import { InputError } from "../../input/input-error.js";
import { isAtOrAbove, compareFindings, type Finding, type Severity } from "../../policies/engine/finding.js";
import type { PolicyEngine } from "../../policies/engine/engine.js";
import { isKubernetesObject, kubernetesResource } from "../../policies/engine/adapters/kubernetes-object.js";
import { applyWaivers, todayUtc, type Exception } from "../../policies/engine/waivers.js";
import { applyWaiverFile, type LoadedWaivers } from "../../policies/engine/waiver-file.js";

/** The namespaces never judged at admission unless configured otherwise (the control plane's own). */
export const DEFAULT_EXCLUDED_NAMESPACES: readonly string[] = ["kube-system", "kube-public", "kube-node-lease"];

/**
 * Where waivers come from: today the `exceptions` of a spec document (`--spec`), as in
 * `llmops validate`; a waiver-file loader plugs in here by returning its entries. Called on every
 * review, so a source may re-read its file and an expiry takes effect without a restart.
 */
export type WaiverSource = () => readonly Exception[];

export interface AdmissionPolicy {
  readonly engine: PolicyEngine;
  /** Lowest severity that denies. @default "high" (as `--fail-on` in `llmops check`) */
  readonly failOn: Severity;
  /** Namespaces admitted without evaluation. @default DEFAULT_EXCLUDED_NAMESPACES */
  readonly excludedNamespaces: ReadonlySet<string>;
  /** The spec document the checks tie declarations to (input.spec), when one was given. */
  readonly spec?: unknown;
  readonly waivers?: WaiverSource;
  /**
   * A waiver file (kind Waivers, `--waivers`), applied as `llmops check` applies it: its resource
   * matches (kind, namespace, name, URN globs) read the object under review. Its expired and
   * unused waivers are not about the object, so a review never reports them (the server logs
   * the expired ones at start). A `file` glob never matches, as a review has no input file.
   */
  readonly waiverFile?: LoadedWaivers;
  /**
   * Longest a decision may take, in milliseconds, before it is discarded and the request denied.
   * Well under the API server's webhook timeout (10 s by default; the manifests set 5 s).
   * @default 2000
   */
  readonly budgetMs: number;
  /** Today as YYYY-MM-DD (UTC), for waiver expiry; injectable for tests. */
  readonly today?: () => string;
}

/** The parts of admission.k8s.io/v1 AdmissionRequest this webhook reads. */
export interface AdmissionRequest {
  readonly uid: string;
  readonly kind?: { group?: string; version?: string; kind?: string };
  readonly namespace?: string;
  readonly name?: string;
  readonly operation?: string;
  readonly object?: unknown;
  readonly dryRun?: boolean;
}

export interface AdmissionResponse {
  readonly uid: string;
  readonly allowed: boolean;
  readonly status?: {
    readonly code: number;
    readonly reason: string;
    readonly message: string;
    readonly details?: { readonly causes: ReadonlyArray<{ reason: string; message: string; field: string }> };
  };
  readonly warnings?: readonly string[];
}

/** What server.ts logs about a decision (never the object itself). */
export interface ReviewOutcome {
  readonly response: AdmissionResponse;
  readonly resource?: string;
  readonly denied: readonly string[];
  readonly warned: readonly string[];
  readonly waived: readonly string[];
  readonly skipped?: "excluded-namespace" | "operation";
  readonly error?: string;
  readonly evaluationMs: number;
}

/** A request body that is not an AdmissionReview v1 with a request.uid: answered with HTTP 400. */
export class BadReviewError extends Error {
  override readonly name = "BadReviewError";
}

/** Kubernetes caps warnings (each is one HTTP Warning header); longer ones are cut here, not by the server. */
const MAX_WARNINGS = 20;
const MAX_WARNING_CHARS = 256;
/** The status message the API server passes on to the client; keep it readable. */
const MAX_MESSAGE_CHARS = 8192;

/** Checks that `body` is an AdmissionReview v1 and returns its request. Throws BadReviewError. */
export function admissionRequest(body: unknown): AdmissionRequest {
  if (typeof body !== "object" || body === null) throw new BadReviewError("expected an AdmissionReview object");
  const review = body as Record<string, unknown>;
  if (review.apiVersion !== "admission.k8s.io/v1" || review.kind !== "AdmissionReview") {
    throw new BadReviewError("expected apiVersion admission.k8s.io/v1, kind AdmissionReview");
  }
  const request = review.request as Record<string, unknown> | undefined;
  if (typeof request !== "object" || request === null || typeof request.uid !== "string" || request.uid === "") {
    throw new BadReviewError("the AdmissionReview has no request.uid");
  }
  return request as unknown as AdmissionRequest;
}

/** Decides one request. Never throws for an evaluation problem: it denies instead (fail closed). */
export function reviewRequest(policy: AdmissionPolicy, request: AdmissionRequest): ReviewOutcome {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const admit = (skipped: ReviewOutcome["skipped"]): ReviewOutcome => ({
    response: { uid: request.uid, allowed: true },
    denied: [],
    warned: [],
    waived: [],
    ...(skipped ? { skipped } : {}),
    evaluationMs: elapsed(),
  });
  if (request.operation === "DELETE" || request.operation === "CONNECT") return admit("operation");
  const object = request.object;
  const namespace = request.namespace ?? (isKubernetesObject(object) ? namespaceOf(object) : undefined);
  if (namespace !== undefined && policy.excludedNamespaces.has(namespace)) return admit("excluded-namespace");

  let findings: Finding[];
  let resource: string | undefined;
  try {
    if (!isKubernetesObject(object)) throw new BadReviewError("the request carries no Kubernetes object");
    // The API server has decoded the object already; it may omit metadata.namespace on create.
    const withNamespace =
      namespace !== undefined && namespaceOf(object) === undefined
        ? { ...object, metadata: { ...(object.metadata as Record<string, unknown> | undefined), namespace } }
        : object;
    const runtime = kubernetesResource(withNamespace, {
      file: `admission:${request.uid}`,
      locate: () => undefined,
      pointer: "",
    });
    resource = runtime.urn;
    const all = policy.engine.evaluateRuntime({
      resources: [runtime],
      ...(policy.spec === undefined ? {} : { spec: policy.spec }),
    });
    // Only what is about this object: a finding on another resource (none here) or on input.spec is not this request's.
    const own = all.filter((finding) => finding.path === "/resources/0" || finding.path.startsWith("/resources/0/"));
    const knownIds = new Set(policy.engine.catalog.keys());
    const today = (policy.today ?? todayUtc)();
    findings = applyWaivers(own, policy.waivers?.() ?? [], { knownIds, today });
    if (policy.waiverFile) {
      findings = applyWaiverFile(findings, policy.waiverFile, { knownIds, today, resources: [runtime] }).filter(
        (finding) => finding.path === "/resources/0" || finding.path.startsWith("/resources/0/"),
      );
    }
    findings.sort(compareFindings);
  } catch (error) {
    const message =
      error instanceof InputError ? error.format() : error instanceof Error ? error.message : String(error);
    return deny(
      request.uid,
      500,
      "InternalError",
      `llmops admission could not evaluate this object, so it is refused: ${message}`,
      [],
      elapsed(),
      resource,
      message,
    );
  }
  const evaluationMs = elapsed();
  if (evaluationMs > policy.budgetMs) {
    const message = `decision took ${evaluationMs.toFixed(1)} ms, over the ${policy.budgetMs} ms budget`;
    return deny(
      request.uid,
      500,
      "Timeout",
      `llmops admission refused this object: its ${message}`,
      [],
      evaluationMs,
      resource,
      message,
    );
  }

  const blocking = findings.filter(
    (finding) => finding.waiver === undefined && isAtOrAbove(finding.severity, policy.failOn),
  );
  const advisory = findings.filter((finding) => !blocking.includes(finding));
  const warnings = advisory
    .slice(0, MAX_WARNINGS)
    .map((finding) =>
      clip(
        `${finding.id} (${finding.severity}${finding.waiver ? `, waived until ${finding.waiver.expires}` : ""}): ${finding.message}`,
        MAX_WARNING_CHARS,
      ),
    );
  const ids = (list: readonly Finding[]) => [...new Set(list.map((finding) => finding.id))];
  const waived = ids(findings.filter((finding) => finding.waiver !== undefined));
  const warned = ids(advisory.filter((finding) => finding.waiver === undefined));
  if (blocking.length === 0) {
    return {
      response: { uid: request.uid, allowed: true, ...(warnings.length > 0 ? { warnings } : {}) },
      ...(resource ? { resource } : {}),
      denied: [],
      warned,
      waived,
      evaluationMs,
    };
  }
  const lines = blocking.map(
    (finding) =>
      `[${finding.id}] ${finding.severity}: ${finding.message} (at ${finding.path}). Fix: ${finding.remediation}`,
  );
  const message = clip(
    `llmops admission denied ${resource ?? "the object"}: ${blocking.length} finding${blocking.length === 1 ? "" : "s"} at or above ${policy.failOn}:\n${lines.join("\n")}`,
    MAX_MESSAGE_CHARS,
  );
  return {
    response: {
      uid: request.uid,
      allowed: false,
      status: {
        code: 403,
        reason: "Forbidden",
        message,
        details: {
          causes: blocking.map((finding) => ({
            reason: finding.id,
            message: clip(finding.message, MAX_WARNING_CHARS),
            field: finding.path,
          })),
        },
      },
      ...(warnings.length > 0 ? { warnings } : {}),
    },
    ...(resource ? { resource } : {}),
    denied: ids(blocking),
    warned,
    waived,
    evaluationMs,
  };
}

/** The AdmissionReview v1 envelope around a response. */
export function admissionReview(response: AdmissionResponse): {
  apiVersion: "admission.k8s.io/v1";
  kind: "AdmissionReview";
  response: AdmissionResponse;
} {
  return { apiVersion: "admission.k8s.io/v1", kind: "AdmissionReview", response };
}

function deny(
  uid: string,
  code: number,
  reason: string,
  message: string,
  denied: readonly string[],
  evaluationMs: number,
  resource: string | undefined,
  error: string,
): ReviewOutcome {
  return {
    response: { uid, allowed: false, status: { code, reason, message: clip(message, MAX_MESSAGE_CHARS) } },
    ...(resource ? { resource } : {}),
    denied,
    warned: [],
    waived: [],
    error,
    evaluationMs,
  };
}

function namespaceOf(object: Record<string, unknown>): string | undefined {
  const metadata = object.metadata as Record<string, unknown> | undefined;
  return typeof metadata?.namespace === "string" && metadata.namespace !== "" ? metadata.namespace : undefined;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
