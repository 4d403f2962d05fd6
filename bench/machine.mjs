// The machine a benchmark ran on, as the results files record it.
import { cpus, totalmem } from "node:os";

/** Cores, CPU model, memory (GiB, rounded), Node version and the time now (ISO 8601). */
export const machineInfo = () => ({
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  date: new Date().toISOString(),
});
