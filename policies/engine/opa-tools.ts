/**
 * The one place that finds and runs the pinned policy tools (OPA, Regal) and that knows which
 * folders under policies/ are not policy sources (issue 21: the build, `llmops policy test`,
 * scripts/test.sh and the test suites each carried their own copy of this call, and the CLI's
 * copy lacked the ignore flags: `opa test` then loaded policies/pack/package.json and
 * PulumiPolicy.yaml as data and failed with "merge error: conflicting values at
 * data.pack.description").
 *
 * Tools are looked up in `<package root>/.tools/bin` (scripts/install-tools.sh puts the pinned
 * versions there) and then on PATH.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../schemas/package-root.js";
import { UserFacingError } from "../../schemas/user-facing-error.js";

/**
 * Folders under policies/ that OPA must not load: the engine's TypeScript, the CrossGuard pack
 * (its package.json and PulumiPolicy.yaml would become data.pack.*), installed modules.
 */
export const NON_POLICY_FOLDERS = ["engine", "pack", "node_modules"] as const;

/** Test files: kept out of every command that builds or evaluates, loaded only by `opa test`. */
export const TEST_FILES = "*_test.rego";

/**
 * The `--ignore` flags for every OPA command run over policies/. `tests: true` keeps the
 * `*_test.rego` files (for `opa test`); otherwise they are ignored too.
 */
export function opaIgnoreFlags(options: { readonly tests: boolean }): string[] {
  const patterns = options.tests ? [...NON_POLICY_FOLDERS] : [TEST_FILES, ...NON_POLICY_FOLDERS];
  return patterns.flatMap((pattern) => ["--ignore", pattern]);
}

/**
 * `--timeout` for `opa test`: OPA's default of 5 s per test cancels table tests with coverage on
 * when the machine is loaded (seen on a shared 2-core CI host: "context deadline exceeded" in
 * no_secret_literals_test), which fails the gate for no policy reason.
 */
export const OPA_TEST_TIMEOUT_FLAGS = ["--timeout", "120s"] as const;

/**
 * The arguments after `opa` of one `opa test` run over `paths` (test files included), printing
 * JSON: with `coverage`, OPA's coverage report (`{coverage: percent, files}`); without, the list
 * of test results. Always with OPA_TEST_TIMEOUT_FLAGS.
 */
export function opaTestArgs(paths: readonly string[], options: { readonly coverage: boolean }): string[] {
  return [
    "test",
    ...(options.coverage ? ["--coverage"] : []),
    "--format",
    "json",
    ...OPA_TEST_TIMEOUT_FLAGS,
    ...opaIgnoreFlags({ tests: true }),
    ...paths,
  ];
}

/** `<package root>/.tools/bin`, where scripts/install-tools.sh installs the pinned tools. */
export function defaultToolsDir(): string {
  return join(packageRoot(), ".tools", "bin");
}

/** The tool's path in `toolsDir` when it is there, else its bare name (resolved on PATH). */
export function toolPath(name: "opa" | "regal", toolsDir: string = defaultToolsDir()): string {
  const local = join(toolsDir, name);
  return existsSync(local) ? local : name;
}

/** A tool that is missing, could not start, or exited non-zero; its output is in the message. */
export class ToolError extends UserFacingError {
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export interface RunToolOptions {
  /** Working directory; relative paths in `args` are resolved from it. */
  readonly cwd?: string;
  /** First line of the error when the tool exits non-zero. */
  readonly failure: string;
  /** Rewrites the tool's output before it goes into an error (e.g. staging paths → user paths). */
  readonly rewrite?: (text: string) => string;
}

/**
 * Runs a tool and returns its stdout. Throws ToolError when it cannot be started (naming the
 * install script when it is not found) or exits non-zero (with its stdout and stderr).
 */
export function runTool(command: string, args: readonly string[], options: RunToolOptions): string {
  const result = spawnSync(command, args, {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === "ENOENT";
    throw new ToolError(
      missing
        ? `${command} not found; run: bash scripts/install-tools.sh`
        : `${options.failure}: ${result.error.message}`,
    );
  }
  if (result.status !== 0) {
    const detail = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
    throw new ToolError(`${options.failure}\n${options.rewrite ? options.rewrite(detail) : detail}`, result.status);
  }
  return result.stdout;
}
