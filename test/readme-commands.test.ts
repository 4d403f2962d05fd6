/**
 * Issue 14, item 6: the README's first commands work as written. Every `npx llmops …` line of
 * the sh block under "## Quick start" that mentions npx is run from the package root, in order,
 * exactly as a user pastes it (bash, the README's own text). Lines that are not `npx llmops`
 * (`npm run quickstart`, `npm test`, `npm link`) are not run here: the first two take minutes
 * (their tool step is looped by test/scripts-sigpipe.test.ts, the suite is the suite) and
 * `npm link` writes outside the checkout; the test prints them as not run.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/cli.js";
import { bundleBuilt } from "./helpers/tools.js";

/** The sh blocks of the README's Quick start section, as lines without comments. */
function quickStartLines(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = /^## Quick start\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? "";
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((block) => block[1]!.split("\n"))
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter(Boolean);
}

const ready = bundleBuilt();
const lines = quickStartLines();
const runnable = lines.filter((line) => line.startsWith("npx llmops "));
const notRun = lines.filter((line) => !runnable.includes(line));
console.warn(`README quick start lines not run by this test: ${notRun.join(" | ")}`);
// The files the README's commands write into the checkout, removed afterwards.
const written = runnable
  .flatMap((line) => [...line.matchAll(/(?:--out|--output|-o)\s+(\S+)/g)].map((match) => match[1]!))
  .map((file) => join(ROOT, file));

describe.skipIf(!ready || written.some((file) => existsSync(file)))(
  "the README's quick-start commands, as written",
  () => {
    it("has the npx lines that put the user on the path", () => {
      expect(runnable).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^npx llmops --help$/),
          expect.stringMatching(/^npx llmops init /),
          expect.stringMatching(/^npx llmops validate /),
        ]),
      );
      expect(notRun).toEqual(expect.arrayContaining(["npm run quickstart", "npm test", "npm link"]));
    });

    it("each npx llmops line exits 0, in order", () => {
      try {
        for (const line of runnable) {
          const result = spawnSync("bash", ["-c", line], {
            cwd: ROOT,
            encoding: "utf8",
            env: { ...process.env, NO_COLOR: "1", npm_config_yes: "false" },
            timeout: 120_000,
            maxBuffer: 64 << 20,
          });
          expect(result.status, `${line}\n${result.stderr}`).toBe(0);
          if (line.includes("--help")) expect(result.stdout).toMatch(/npx llmops/);
          // init's "next:" line names a command that works from here.
          if (line.includes(" init ")) expect(result.stderr).toMatch(/next: npx llmops validate \S+/);
        }
      } finally {
        for (const file of written) rmSync(file, { force: true });
      }
    }, 300_000);
  },
);
