/**
 * A time budget derived from this process's own speed (issue 14: no test asserts a wall time).
 * A test that must say "quickly" (no pathological backtracking, no exponential blow-up) times a
 * reference task of known, ordinary cost in the same process just before, and allows a large
 * multiple of it: a loaded or slow machine slows the reference too, so the ratio is what is
 * asserted, not a number of milliseconds. Absolute figures belong in bench/.
 */
import { performance } from "node:perf_hooks";

/**
 * Runs `reference` `samples` times (after one warm-up run) and returns `factor` times the median
 * duration, in milliseconds. Throws when factor or samples is not a positive number.
 */
export function calibratedBudgetMs(reference: () => void, factor: number, samples = 15): number {
  if (!(factor > 0) || !(samples > 0)) throw new RangeError("calibratedBudgetMs: factor and samples must be positive");
  reference();
  const durations: number[] = [];
  for (let sample = 0; sample < samples; sample++) {
    const started = performance.now();
    reference();
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  return factor * durations[Math.floor(durations.length / 2)]!;
}
