/** Worker thread body for parallel-validate: validate a slice of files with the shared bundle. */
import { parentPort, workerData } from "node:worker_threads";
import { InputError } from "../../schemas/input-error.js";
import { EngineError, PolicyEngine, VerifiedBundle, describeThrown } from "./engine.js";
import type { WorkerReply, WorkerTask } from "./parallel-validate.js";
import { specPoliciesFrom } from "./spec-policies.js";
import { validateSpecFiles } from "./validate-specs.js";

async function main(task: WorkerTask): Promise<WorkerReply> {
  try {
    const engine = await PolicyEngine.instantiate(VerifiedBundle.revive(task.bundle));
    const report = validateSpecFiles(task.files, specPoliciesFrom(engine, task.today));
    return { ok: true, findings: [...report.findings] };
  } catch (error) {
    if (error instanceof InputError) {
      return { ok: false, kind: "input", message: error.message, file: error.file, ...(error.line === undefined ? {} : { line: error.line, column: error.column }) };
    }
    return { ok: false, kind: error instanceof EngineError ? "engine" : "internal", message: describeThrown(error) };
  }
}

parentPort?.postMessage(await main(workerData as WorkerTask));
