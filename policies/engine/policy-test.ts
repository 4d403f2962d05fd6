/**
 * `llmops policy test`: the Rego tests of the built-in library plus an organisation's
 * directories, with coverage per check, through the shared tool runner (opa-tools.ts), so the
 * ignore flags are the build's own.
 */
import { spawnSync } from "node:child_process";
import type { CatalogEntry } from "./catalog-entry.js";
import type { PolicySourceSet } from "./build-bundle.js";
import { ToolError, opaTestArgs, runTool, toolPath } from "./opa-tools.js";

/** One Rego test (or one table row of a test), as `opa test --format json` reports it. */
export interface RegoTestResult {
  /** data.<package>.<rule>[note] */
  readonly name: string;
  /** file:row of the test rule, organisation files shown under their own directory. */
  readonly location: string;
  readonly passed: boolean;
}

/** Coverage of one check file, in percent of its lines OPA counted. */
export interface CheckCoverage {
  readonly file: string;
  readonly coverage: number;
  /** The check's id and origin, when the file holds a catalogued check. */
  readonly id?: string;
  readonly origin?: string;
}

export interface PolicyTestReport {
  readonly tests: readonly RegoTestResult[];
  readonly passed: number;
  readonly failed: number;
  /** Overall coverage (percent); undefined when a test failed (OPA reports no coverage then). */
  readonly coverage?: number;
  /** Per check file, sorted by file; empty when a test failed. */
  readonly checks: readonly CheckCoverage[];
}

interface OpaTestRow {
  readonly location?: { readonly file?: string; readonly row?: number };
  readonly package?: string;
  readonly name?: string;
  readonly fail?: boolean;
  readonly error?: unknown;
  readonly sub_results?: Readonly<Record<string, { readonly fail?: boolean; readonly name?: string }>>;
}

/**
 * Runs `opa test` over `sources` (tests included, the non-policy folders ignored), then, when
 * every test passed, `opa test --coverage`. `catalog` names the check of each covered file.
 * Throws ToolError when OPA cannot run or cannot compile the sources.
 */
export function runPolicyTests(
  sources: PolicySourceSet,
  catalog: readonly CatalogEntry[],
  toolsDir?: string,
): PolicyTestReport {
  const opa = toolPath("opa", toolsDir);
  const args = opaTestArgs(sources.paths, { coverage: false });
  // Exit 2 (some test failed) still writes the JSON report; anything else is a compile or load error.
  const result = spawnSync(opa, args, { cwd: sources.cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.error)
    throw new ToolError(`${opa} could not run: ${result.error.message}; run: bash scripts/install-tools.sh`);
  let rows: OpaTestRow[];
  try {
    rows = JSON.parse(result.stdout) as OpaTestRow[];
  } catch {
    throw new ToolError(
      `opa test failed\n${sources.display(`${result.stdout}${result.stderr}`.trim())}`,
      result.status,
    );
  }
  const tests: RegoTestResult[] = [];
  for (const row of rows) {
    const base = `${row.package ?? "data"}.${row.name ?? "?"}`;
    const location = sources.display(`${row.location?.file ?? "?"}:${row.location?.row ?? 0}`);
    const subs = Object.entries(row.sub_results ?? {});
    if (subs.length === 0) tests.push({ name: base, location, passed: !row.fail && row.error === undefined });
    for (const [note, sub] of subs)
      tests.push({ name: `${base}[${JSON.stringify(note)}]`, location, passed: !sub.fail && !row.error });
    // A row whose test failed overall but whose table rows all passed (a rule that errored) counts once as failed.
    if (subs.length > 0 && (row.fail || row.error !== undefined) && subs.every(([, sub]) => !sub.fail))
      tests.push({ name: base, location, passed: false });
  }
  const failed = tests.filter((test) => !test.passed).length;
  if (failed > 0) return { tests, passed: tests.length - failed, failed, checks: [] };
  const coverage = JSON.parse(
    runTool(opa, opaTestArgs(sources.paths, { coverage: true }), {
      cwd: sources.cwd,
      failure: "opa test --coverage failed",
      rewrite: sources.display,
    }),
  ) as {
    coverage?: number;
    files?: Readonly<Record<string, { readonly coverage?: number }>>;
  };
  const bySource = new Map(catalog.map((entry) => [entry.source, entry]));
  const checks = Object.entries(coverage.files ?? {})
    .map(([file, report]) => ({ file: sources.display(file), coverage: report.coverage ?? 0 }))
    .filter((file) => !file.file.endsWith("_test.rego"))
    .map((file) => {
      const entry = bySource.get(file.file);
      return entry ? { ...file, id: entry.id, origin: entry.origin ?? "builtin" } : file;
    })
    .sort((a, b) => a.file.localeCompare(b.file));
  return { tests, passed: tests.length, failed: 0, coverage: coverage.coverage ?? 0, checks };
}
