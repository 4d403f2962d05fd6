/**
 * The pre-commit hooks (.pre-commit-hooks.yaml) on staged files in a temporary git repository
 * that uses this toolkit as a dependency (node_modules/.bin/llmops, so the hooks' `npx
 * --no-install llmops` finds it as it would after `npm ci`). The real `pre-commit` runs them
 * from a hooks repository holding this file, as a user's .pre-commit-config.yaml would; when
 * pre-commit is not installed that part skips with a reason (under .ci/run,
 * LLMOPS_REQUIRE_PRE_COMMIT=1 makes it fail instead), and the hooks' entries are run directly
 * on the staged files their `files` patterns select, as pre-commit would run them.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { CLI, ROOT, tempDir } from "./helpers/cli.js";
import { bundleBuilt, findTool } from "./helpers/tools.js";

const ready = bundleBuilt();
const PRE_COMMIT = findTool("pre-commit");
const REQUIRED = process.env.LLMOPS_REQUIRE_PRE_COMMIT === "1";
if (!PRE_COMMIT && !REQUIRED)
  console.warn(
    "SKIP: pre-commit is not installed (Debian package pre-commit; scripts/install-pre-commit.sh); the hooks' entries are run directly instead",
  );

interface Hook {
  readonly id: string;
  readonly entry: string;
  readonly language: string;
  readonly files: string;
  readonly args?: string[];
  readonly require_serial?: boolean;
}

const HOOKS = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as Hook[];
const GIT_IDENTITY = ["-c", "user.name=llmops test", "-c", "user.email=test@example.com"];

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync("git", [...GIT_IDENTITY, ...args], { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** A repository that depends on the toolkit, with a compliant spec staged. */
function consumer(): string {
  const dir = tempDir("llmops-consumer-");
  git(dir, "init", "-q");
  writeFileSync(join(dir, "package.json"), '{ "name": "consumer", "private": true }\n');
  writeFileSync(join(dir, ".gitignore"), "node_modules/\n");
  mkdirSync(join(dir, "node_modules", ".bin"), { recursive: true });
  symlinkSync(CLI, join(dir, "node_modules", ".bin", "llmops"));
  mkdirSync(join(dir, "specs"));
  copyFileSync(join(ROOT, "examples/airport-assistant.rag.yaml"), join(dir, "specs/airport.llmops.yaml"));
  git(dir, "add", "package.json", ".gitignore", "specs/airport.llmops.yaml");
  return dir;
}

/** The airport spec without citations (LLM-EXPL-001). */
function stageNonCompliantSpec(dir: string): void {
  const document = parseDocument(readFileSync(join(ROOT, "examples/airport-assistant.rag.yaml"), "utf8"));
  document.setIn(["spec", "explainability", "citations"], false);
  writeFileSync(join(dir, "specs/no-citations.llmops.yaml"), document.toString());
  git(dir, "add", "specs/no-citations.llmops.yaml");
}

function stageManifests(dir: string): void {
  mkdirSync(join(dir, "deploy"));
  copyFileSync(join(ROOT, "examples/runtime/naive-vllm.helm-template.yaml"), join(dir, "deploy/vllm.yaml"));
  // Other YAML the hooks' patterns leave alone (no spec, no runtime config).
  mkdirSync(join(dir, "config"));
  writeFileSync(join(dir, "config/app.yaml"), "log_level: debug\n");
  git(dir, "add", "deploy/vllm.yaml", "config/app.yaml");
}

describe(".pre-commit-hooks.yaml", () => {
  it("declares llmops-validate and llmops-check, each run once over all the files", () => {
    expect(HOOKS.map((hook) => hook.id)).toEqual(["llmops-validate", "llmops-check"]);
    for (const hook of HOOKS) {
      expect(hook.entry).toMatch(/^npx --no-install llmops (validate|check)$/);
      expect(hook.require_serial).toBe(true);
    }
    const [validate, check] = HOOKS.map((hook) => new RegExp(hook.files));
    expect(
      ["specs/airport.llmops.yaml", "llmops.yaml", "a/llmops.json"].filter((name) => validate!.test(name)),
    ).toHaveLength(3);
    expect(["config/app.yaml", "deploy/vllm.yaml", "llmops.yaml.bak"].some((name) => validate!.test(name))).toBe(false);
    expect(
      ["deploy/vllm.yaml", "charts/x/rendered/all.yaml", "k8s/base/svc.json"].filter((name) => check!.test(name)),
    ).toHaveLength(3);
    expect(["config/app.yaml", "specs/airport.llmops.yaml"].some((name) => check!.test(name))).toBe(false);
  });
});

describe.skipIf(!ready)("the hooks' entries, run directly on the staged files", () => {
  /** What pre-commit does for a hook: staged files through `files`, then entry + args + files, no shell. */
  function runEntry(dir: string, hook: Hook): { status: number | null; output: string; files: string[] } {
    const files = git(dir, "diff", "--cached", "--name-only", "--diff-filter=ACMR")
      .split("\n")
      .filter((name) => name !== "" && new RegExp(hook.files).test(name));
    if (files.length === 0) return { status: 0, output: "(no files to check)", files };
    const [command, ...entryArgs] = hook.entry.split(/\s+/);
    const result = spawnSync(command!, [...entryArgs, ...(hook.args ?? []), ...files], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      timeout: 120_000,
    });
    return { status: result.status, output: result.stdout + result.stderr, files };
  }
  const hook = (id: string) => HOOKS.find((candidate) => candidate.id === id)!;

  it("llmops-validate passes a compliant staged spec and fails a non-compliant one", () => {
    const dir = consumer();
    const passing = runEntry(dir, hook("llmops-validate"));
    expect(passing.files).toEqual(["specs/airport.llmops.yaml"]);
    expect(passing.status, passing.output).toBe(0);
    stageNonCompliantSpec(dir);
    const failing = runEntry(dir, hook("llmops-validate"));
    expect(failing.status).toBe(1);
    expect(failing.output).toMatch(/specs\/no-citations\.llmops\.yaml:\d+:\d+ high LLM-EXPL-001 /);
  });

  it("llmops-check judges the staged manifests only", () => {
    const dir = consumer();
    stageManifests(dir);
    const result = runEntry(dir, hook("llmops-check"));
    expect(result.files).toEqual(["deploy/vllm.yaml"]);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/deploy\/vllm\.yaml:\d+:\d+ critical LLM-K8S-010 /);
  });
});

describe.skipIf(!ready || (!PRE_COMMIT && !REQUIRED))("the hooks under the real pre-commit", () => {
  /** A hooks repository holding this .pre-commit-hooks.yaml at a commit, as pre-commit fetches one. */
  function hooksRepository(): { path: string; rev: string } {
    const dir = tempDir("llmops-hooks-");
    git(dir, "init", "-q");
    copyFileSync(join(ROOT, ".pre-commit-hooks.yaml"), join(dir, ".pre-commit-hooks.yaml"));
    git(dir, "add", ".pre-commit-hooks.yaml");
    git(dir, "commit", "-q", "-m", "hooks");
    return { path: dir, rev: git(dir, "rev-parse", "HEAD") };
  }

  function preCommit(dir: string, ...args: string[]): { status: number | null; output: string } {
    if (!PRE_COMMIT)
      throw new Error(
        "pre-commit is not installed, and LLMOPS_REQUIRE_PRE_COMMIT=1 requires it (bash scripts/install-pre-commit.sh)",
      );
    const result = spawnSync(PRE_COMMIT, ["run", ...args], {
      cwd: dir,
      encoding: "utf8",
      // Its clone cache in the test's own directory; no colour codes in the output.
      env: {
        ...process.env,
        PRE_COMMIT_HOME: join(dir, "..", `${dir.split("/").pop()!}-pre-commit-home`),
        PRE_COMMIT_COLOR: "never",
        NO_COLOR: "1",
      },
      timeout: 240_000,
    });
    return { status: result.status, output: result.stdout + result.stderr };
  }

  function configured(): string {
    const dir = consumer();
    const hooks = hooksRepository();
    writeFileSync(
      join(dir, ".pre-commit-config.yaml"),
      `repos:\n  - repo: ${hooks.path}\n    rev: ${hooks.rev}\n    hooks:\n      - id: llmops-validate\n      - id: llmops-check\n`,
    );
    git(dir, "add", ".pre-commit-config.yaml");
    return dir;
  }

  it("pre-commit run: llmops-validate passes the staged compliant spec; llmops-check has no files", () => {
    const dir = configured();
    const result = preCommit(dir);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/^llmops validate\.+Passed$/m);
    expect(result.output).toMatch(/^llmops check\.+\(no files to check\)Skipped$/m);
  });

  it("pre-commit run: a staged non-compliant spec and staged manifests fail their hooks with the findings", () => {
    const dir = configured();
    stageNonCompliantSpec(dir);
    stageManifests(dir);
    const result = preCommit(dir);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/^llmops validate\.+Failed$/m);
    expect(result.output).toMatch(/specs\/no-citations\.llmops\.yaml:\d+:\d+ high LLM-EXPL-001 /);
    expect(result.output).toMatch(/^llmops check\.+Failed$/m);
    expect(result.output).toMatch(/deploy\/vllm\.yaml:\d+:\d+ critical LLM-K8S-010 /);
    // config/app.yaml is staged too, and neither hook was given it.
    expect(result.output).not.toMatch(/config\/app\.yaml/);
  });

  it("a waiver file at the repository root reaches llmops-check", () => {
    const dir = configured();
    stageManifests(dir);
    writeFileSync(
      join(dir, ".llmops-waivers.yaml"),
      "apiVersion: llmops/v1alpha1\nkind: Waivers\nwaivers:\n  - { policyId: LLM-K8S-010, reason: lab keys, approver: ciso@example.com, expires: '2099-01-31', file: 'deploy/*.yaml' }\n",
    );
    git(dir, "add", ".llmops-waivers.yaml");
    const result = preCommit(dir, "llmops-check");
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/critical LLM-K8S-010 .*\(waived until 2099-01-31: lab keys\)/);
    expect(result.output).toMatch(/waivers: \.llmops-waivers\.yaml \(1 entry, 2 findings waived\)/);
  });
});
