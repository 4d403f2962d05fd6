/**
 * Bulk spec validation on every core: the bundle is verified and policy.wasm compiled once,
 * then shared with worker threads that each validate a contiguous slice of the files.
 * Small runs stay in-process (a worker costs more than it saves). Any error in any worker
 * fails the whole run, as it would in-process.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { InputError } from "../../schemas/input-error.js";
import { EngineError, PolicyEngine, VerifiedBundle, describeThrown } from "./engine.js";
import { compareFindings, type Finding } from "./finding.js";
import type { Report } from "./report.js";
import { specPoliciesFrom } from "./spec-policies.js";
import { SCHEMA_RULE_METADATA, validateSpecFiles } from "./validate-specs.js";
import { todayUtc } from "./waivers.js";

/** Below this many files per worker, threads do not pay for their start-up. */
export const MIN_FILES_PER_WORKER = 150;

export interface WorkerTask {
  readonly bundle: VerifiedBundle;
  readonly files: readonly string[];
  readonly today: string;
}

export type WorkerReply =
  | { readonly ok: true; readonly findings: Finding[] }
  | { readonly ok: false; readonly kind: "input" | "engine" | "internal"; readonly message: string; readonly file?: string; readonly line?: number; readonly column?: number };

export async function validateSpecFilesInParallel(files: readonly string[], bundleDir: string, options: { workers?: number; today?: string } = {}): Promise<Report> {
  const today = options.today ?? todayUtc();
  const bundle = await VerifiedBundle.read(bundleDir);
  const workers = Math.min(options.workers ?? availableParallelism(), Math.floor(files.length / MIN_FILES_PER_WORKER));
  const engine = await PolicyEngine.instantiate(bundle);
  const policies = specPoliciesFrom(engine, today);
  if (workers < 2) return validateSpecFiles(files, policies);

  // The main thread takes the first slice itself while the workers start up and take the rest.
  const size = Math.ceil(files.length / workers);
  const slices = Array.from({ length: workers }, (_, i) => files.slice(i * size, (i + 1) * size)).filter((slice) => slice.length > 0);
  const pending = slices.slice(1).map((slice) => runWorker({ bundle, files: slice, today }));
  let own: WorkerReply;
  try {
    own = { ok: true, findings: [...validateSpecFiles(slices[0]!, policies).findings] };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    own = failureReply(error);
  }
  const replies = [own, ...(await Promise.all(pending))];
  // Report the first failure in file order, exactly as a sequential run would have stopped there.
  const failure = replies.find((reply) => !reply.ok);
  if (failure && !failure.ok) {
    if (failure.kind === "input") throw new InputError(failure.message, failure.file ?? "(input)", failure.line, failure.column);
    throw new EngineError(failure.message);
  }
  const findings = replies.flatMap((reply) => (reply.ok ? reply.findings : []));
  return {
    command: "validate",
    files,
    rules: [SCHEMA_RULE_METADATA, ...policies.rules],
    findings: findings.sort(compareFindings),
    bundle: engine.bundle,
  };
}

/** A thrown error as a reply, so a failure in any slice reads the same as a sequential one. */
export function failureReply(error: unknown): WorkerReply {
  if (error instanceof InputError) {
    return { ok: false, kind: "input", message: error.message, file: error.file, ...(error.line === undefined ? {} : { line: error.line, column: error.column }) };
  }
  return { ok: false, kind: error instanceof EngineError ? "engine" : "internal", message: describeThrown(error) };
}

function runWorker(task: WorkerTask): Promise<WorkerReply> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./validate-worker.js", import.meta.url), { workerData: task });
    let settled = false;
    const settle = (reply: WorkerReply) => {
      if (settled) return;
      settled = true;
      resolve(reply);
      void worker.terminate();
    };
    worker.once("message", (reply: WorkerReply) => settle(reply));
    // A crashed worker is an engine failure: fail closed.
    worker.once("error", (error: Error) => settle({ ok: false, kind: "engine", message: `validation worker failed: ${error.message}` }));
    worker.once("exit", (code) => settle({ ok: false, kind: "engine", message: `validation worker exited with code ${code} before reporting` }));
  });
}
