/** The case tables of the Rego tests, read by OPA itself, so the TypeScript tests drive the same cases. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { opaIgnoreFlags } from "../../policies/engine/opa-tools.js";
import { ROOT } from "./cli.js";

/** One row of a check's `denied_cases` table: the input and the path its finding must name. */
export interface DeniedCase<Input> {
  /** The test package's last segment without `_test`: the check's package name. */
  readonly check: string;
  /** The row's key in `denied_cases`. */
  readonly note: string;
  readonly input: Input;
  readonly path: string;
}

/**
 * Every `denied_cases` row under `data.llmops.<namespace>` (the `spec` or `runtime` checks),
 * evaluated by `opa eval` over policies/ with the test files included. Throws an Error with OPA's
 * stderr when OPA fails.
 */
export function deniedCases<Input>(opa: string, namespace: "spec" | "runtime"): Array<DeniedCase<Input>> {
  const query = `x := {k: v | some p, n; v := data.llmops.${namespace}[p][n].denied_cases; k := concat(".", [p, n])}`;
  const result = spawnSync(
    opa,
    ["eval", "--format", "json", "-d", join(ROOT, "policies"), ...opaIgnoreFlags({ tests: true }), query],
    { encoding: "utf8", maxBuffer: 64 << 20 },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  const all = (
    JSON.parse(result.stdout) as {
      result: Array<{ bindings: { x: Record<string, Record<string, { input: Input; path: string }>> } }>;
    }
  ).result[0]!.bindings.x;
  return Object.entries(all).flatMap(([check, cases]) =>
    Object.entries(cases).map(([note, tc]) => ({
      check: check.replace(/_test$/, ""),
      note,
      input: tc.input,
      path: tc.path,
    })),
  );
}
