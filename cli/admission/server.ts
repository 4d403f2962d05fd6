/**
 * The HTTPS server behind `llmops admission serve`: a validating admission webhook.
 *
 *   POST /validate   AdmissionReview v1 in, AdmissionReview v1 out (review.ts decides)
 *   GET  /healthz    200 "ok" once the bundle is loaded and verified (readiness and liveness)
 *
 * TLS only (the API server calls webhooks over HTTPS and checks the certificate against the
 * caBundle of the webhook configuration). Request bodies are capped (MAX_BODY_BYTES) and must
 * arrive within the request budget, so a slow client cannot hold a decision past the API server's
 * webhook timeout.
 *
 * Logs are JSON lines on stderr, one per decision, each with the bundle revision. They never carry
 * the object, its environment values, the user's identity or any certificate material: only the
 * kind, namespace, name, operation, decision, finding ids and timings.
 */
import { createServer, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  admissionRequest,
  admissionReview,
  BadReviewError,
  reviewRequest,
  type AdmissionPolicy,
  type ReviewOutcome,
} from "./review.js";

/** The API server sends at most its own request limit (3 MiB) plus the review envelope. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface AdmissionServerOptions {
  readonly policy: AdmissionPolicy;
  /** PEM serving certificate and key. */
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
  /** Where structured log lines go. @default process.stderr */
  readonly log?: (line: string) => void;
}

/** One structured log line; `fields` must never carry object contents or credentials. */
export type Logger = (level: "info" | "warn" | "error", message: string, fields?: Record<string, unknown>) => void;

/**
 * A Logger that writes each entry as one JSON line (`time` ISO 8601, `level`, `msg`, the
 * `bundleRevision` the server runs, then `fields`) through `write`.
 */
export function jsonLogger(write: (line: string) => void, revision: string): Logger {
  return (level, message, fields = {}) => {
    write(
      `${JSON.stringify({ time: new Date().toISOString(), level, msg: message, bundleRevision: revision, ...fields })}\n`,
    );
  };
}

/** Creates (does not start) the webhook server. */
export function createAdmissionServer(options: AdmissionServerOptions): { server: Server; logger: Logger } {
  const { policy } = options;
  const logger = jsonLogger(options.log ?? ((line) => process.stderr.write(line)), policy.engine.bundle.revision);
  const server = createServer({ cert: options.cert, key: options.key, minVersion: "TLSv1.2" }, (request, response) => {
    handle(policy, logger, request, response).catch((error: unknown) => {
      logger("error", "request failed", { error: error instanceof Error ? error.message : String(error) });
      if (!response.headersSent) send(response, 500, { error: "internal error" });
    });
  });
  // The whole request, headers and body, within the decision budget plus a margin.
  server.requestTimeout = policy.budgetMs + 1000;
  server.headersTimeout = policy.budgetMs + 1000;
  return { server, logger };
}

async function handle(
  policy: AdmissionPolicy,
  logger: Logger,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = (request.url ?? "/").split("?")[0];
  if (request.method === "GET" && path === "/healthz") {
    response.writeHead(200, { "content-type": "text/plain" }).end("ok");
    return;
  }
  if (path !== "/validate") {
    send(response, 404, { error: "not found" });
    return;
  }
  if (request.method !== "POST") {
    send(response, 405, { error: "use POST" });
    return;
  }
  const received = performance.now();
  let body: unknown;
  try {
    body = JSON.parse(await readBody(request));
  } catch (error) {
    logger("warn", "unreadable review", { error: error instanceof Error ? error.message : "unreadable body" });
    send(response, 400, { error: error instanceof Error ? error.message : "unreadable body" });
    return;
  }
  let outcome: ReviewOutcome;
  let uid: string;
  try {
    const admission = admissionRequest(body);
    uid = admission.uid;
    outcome = reviewRequest(policy, admission);
    const kind = admission.kind?.kind;
    logger(outcome.response.allowed ? "info" : "warn", outcome.response.allowed ? "admitted" : "denied", {
      uid,
      operation: admission.operation,
      kind,
      namespace: admission.namespace,
      name: admission.name,
      dryRun: admission.dryRun === true,
      allowed: outcome.response.allowed,
      denied: outcome.denied,
      warned: outcome.warned,
      waived: outcome.waived,
      ...(outcome.skipped ? { skipped: outcome.skipped } : {}),
      ...(outcome.error ? { error: outcome.error } : {}),
      evaluationMs: round(outcome.evaluationMs),
      totalMs: round(performance.now() - received),
    });
  } catch (error) {
    if (!(error instanceof BadReviewError)) throw error;
    logger("warn", "bad review", { error: error.message });
    send(response, 400, { error: error.message });
    return;
  }
  send(response, 200, admissionReview(outcome.response));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`request body over ${MAX_BODY_BYTES} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response
    .writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) })
    .end(text);
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
