/**
 * Issue 14, item 9: `npm test` shows progress on a TTY and stays quiet in CI. scripts/test.sh
 * numbers its steps through scripts/progress.sh; this runs that helper the way test.sh does,
 * once with stderr on a pipe (CI) and once on a pseudo-terminal made by util-linux `script`.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/cli.js";

const steps = `source "${join(ROOT, "scripts/progress.sh")}"; PROGRESS_TOTAL=2; progress_step "build"; progress_step "suites"`;
const hasScript = spawnSync("script", ["--version"]).status === 0;
if (!hasScript) console.warn("SKIP: util-linux script is not installed; the TTY case of the progress lines is not run");

describe("npm test progress", () => {
  it("says nothing when stderr is not a terminal", () => {
    const result = spawnSync("bash", ["-c", steps], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("");
  });

  it.skipIf(!hasScript)("numbers each step with the time so far on a TTY", () => {
    const result = spawnSync("script", ["-qec", `bash -c '${steps}'`, "/dev/null"], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\[npm test 1\/2, 0m\d\ds\] build/);
    expect(result.stdout).toMatch(/\[npm test 2\/2, 0m\d\ds\] suites/);
  });

  it("scripts/test.sh announces every step it runs", () => {
    const script = readFileSync(join(ROOT, "scripts/test.sh"), "utf8");
    const announced = [...script.matchAll(/progress_step "([^"]+)"/g)].map((match) => match[1]);
    expect(announced).toEqual(
      expect.arrayContaining(["build (tsc)", "typecheck", "lint (eslint)", "Rego tests (opa test)"]),
    );
    expect(script).toMatch(/PROGRESS_TOTAL=\$\(\[ \$# -eq 0 \] && echo 8 \|\| echo 6\)/);
    expect(announced).toHaveLength(8);
  });
});
