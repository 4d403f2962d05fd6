/** Worker thread body for parallel-validate: validate a slice of files with the shared bundle. */
import { parentPort, workerData } from "node:worker_threads";
import { PolicyEngine, VerifiedBundle } from "./engine.js";
import { failureReply, type WorkerReply, type WorkerTask } from "./parallel-validate.js";
import { specPoliciesFrom } from "./spec-policies.js";
import { validateSpecFiles } from "./validate-specs.js";

async function main(task: WorkerTask): Promise<WorkerReply> {
  try {
    const engine = await PolicyEngine.instantiate(VerifiedBundle.revive(task.bundle));
    const report = validateSpecFiles(task.files, specPoliciesFrom(engine, task.today));
    return { ok: true, findings: [...report.findings] };
  } catch (error) {
    return failureReply(error);
  }
}

parentPort?.postMessage(await main(workerData as WorkerTask));
