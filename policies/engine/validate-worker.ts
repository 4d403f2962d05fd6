/** Worker thread body for parallel-validate: claim and validate files with the shared bundle. */
import { parentPort, workerData } from "node:worker_threads";
import { PolicyEngine, VerifiedBundle } from "./engine.js";
import { failureReply, validateClaimedFiles, type WorkerReply, type WorkerTask } from "./parallel-validate.js";
import { specPoliciesFrom } from "./spec-policies.js";

async function main(task: WorkerTask): Promise<WorkerReply> {
  try {
    const engine = await PolicyEngine.instantiate(VerifiedBundle.revive(task.bundle));
    return validateClaimedFiles(task.files, new Int32Array(task.cursor), specPoliciesFrom(engine, task.today));
  } catch (error) {
    // Failing to start (the engine would not load) comes before any file's failure.
    return failureReply(error, -1);
  }
}

parentPort?.postMessage(await main(workerData as WorkerTask));
