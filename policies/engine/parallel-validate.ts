/**
 * Bulk spec validation on every core: the bundle is verified and policy.wasm compiled once,
 * then shared with worker threads. The main thread and the workers claim files a few at a time
 * from one shared cursor, so a worker that starts late simply takes fewer files (an even split
 * left the main thread idle for a third of a second at 1,000 files). Small runs stay in-process
 * (a worker costs more than it saves). Any error in any thread fails the whole run, reporting the
 * failure a sequential run would have stopped at.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { InputError } from "../../input/input-error.js";
import { STDIN_NAME } from "../../input/source-file.js";
import { EngineError, PolicyEngine, VerifiedBundle } from "./engine.js";
import { describeThrown } from "../../schemas/user-facing-error.js";
import { compareFindings, type Finding } from "./finding.js";
import type { Report } from "./report.js";
import { specPoliciesFrom } from "./spec-policies.js";
import {
  SCHEMA_RULE_METADATA,
  validateSpecFile,
  validateSpecFiles,
  type SpecPolicyEvaluator,
} from "./validate-specs.js";
import { todayUtc } from "./waivers.js";

/** Below this many files per worker, threads do not pay for their start-up. */
export const MIN_FILES_PER_WORKER = 150;

/** Files claimed at a time: small enough to balance, large enough that claiming costs nothing. */
const CLAIM = 8;

export interface WorkerTask {
  readonly bundle: VerifiedBundle;
  readonly files: readonly string[];
  readonly today: string;
  /** One Int32: the index of the next unclaimed file, shared by every thread. */
  readonly cursor: SharedArrayBuffer;
}

export type WorkerReply =
  | { readonly ok: true; readonly findings: Finding[] }
  | {
      readonly ok: false;
      readonly index: number;
      readonly kind: "input" | "engine" | "internal";
      readonly message: string;
      readonly file?: string;
      readonly line?: number;
      readonly column?: number;
    };

/**
 * Validates spec files on worker threads (at most `options.workers`, default one per available CPU, and at most one per MIN_FILES_PER_WORKER files), each loading the verified bundle once; with fewer than two workers, or standard input among the files, it validates in this thread. Findings come back in file order, as the sequential path gives them.
 * @param options.today the date (YYYY-MM-DD, UTC) waivers expire against. @default today
 * @throws InputError for the first unreadable or malformed file, EngineError when evaluation fails, Error for an internal failure of a worker
 */
export async function validateSpecFilesInParallel(
  files: readonly string[],
  bundleDir: string,
  options: { workers?: number; today?: string } = {},
): Promise<Report> {
  const today = options.today ?? todayUtc();
  const bundle = await VerifiedBundle.read(bundleDir);
  const workers = Math.min(options.workers ?? availableParallelism(), Math.floor(files.length / MIN_FILES_PER_WORKER));
  const engine = await PolicyEngine.instantiate(bundle);
  const policies = specPoliciesFrom(engine, today);
  // Standard input can be read by one thread only: such a run stays in-process.
  if (workers < 2 || files.includes(STDIN_NAME)) return validateSpecFiles(files, policies);

  const cursor = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const pending = Array.from({ length: workers - 1 }, () => runWorker({ bundle, files, today, cursor }));
  // The main thread claims files too while the workers start up.
  const own = validateClaimedFiles(files, new Int32Array(cursor), policies);
  const replies = [own, ...(await Promise.all(pending))];
  // Every file before a thread's failure was claimed, and so validated, by some thread: the
  // earliest failure is the one a sequential run would have stopped at.
  const failure = replies.filter((reply) => !reply.ok).sort((a, b) => a.index - b.index)[0];
  if (failure) {
    if (failure.kind === "input")
      throw new InputError(failure.message, failure.file ?? "(input)", failure.line, failure.column);
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

/** Validates files claimed from the shared cursor until none are left, or until one fails. */
export function validateClaimedFiles(
  files: readonly string[],
  cursor: Int32Array,
  policies: SpecPolicyEvaluator,
): WorkerReply {
  const findings: Finding[] = [];
  for (;;) {
    const start = Atomics.add(cursor, 0, CLAIM);
    if (start >= files.length) return { ok: true, findings };
    for (let index = start; index < Math.min(start + CLAIM, files.length); index++) {
      try {
        findings.push(...validateSpecFile(files[index]!, policies));
      } catch (error) {
        return failureReply(error, index);
      }
    }
  }
}

/** A thrown error as a reply, so a failure in any thread reads the same as a sequential one. */
export function failureReply(error: unknown, index: number): WorkerReply {
  if (error instanceof InputError) {
    return {
      ok: false,
      index,
      kind: "input",
      message: error.message,
      file: error.file,
      ...(error.line === undefined ? {} : { line: error.line, column: error.column }),
    };
  }
  return {
    ok: false,
    index,
    kind: error instanceof EngineError ? "engine" : "internal",
    message: describeThrown(error),
  };
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
    // A crashed worker is an engine failure: fail closed. Index -1 puts it before any file's failure.
    worker.once("error", (error: Error) =>
      settle({ ok: false, index: -1, kind: "engine", message: `validation worker failed: ${error.message}` }),
    );
    worker.once("exit", (code) =>
      settle({
        ok: false,
        index: -1,
        kind: "engine",
        message: `validation worker exited with code ${code} before reporting`,
      }),
    );
  });
}
