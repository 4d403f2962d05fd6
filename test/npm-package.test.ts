/**
 * The installable toolkit (issue 21): `npm pack` runs the prepack step (compile with .d.ts, build the
 * policy bundle through the gate, sign it, ship the public key), and the tarball installed into an
 * empty directory works with a PATH that holds node, npm and sh only (no Go, OPA or Regal):
 *  - `npx llmops validate` and `npx llmops check` on the example files give the repository's findings,
 *    with the packaged bundle's signature verified by default;
 *  - a Pulumi program compiled there imports InferenceService and the stack composition from the
 *    package and registers the components' resources under Pulumi's mock runtime;
 *  - a packaged bundle that does not verify (another key, no signature) is refused (exit 2).
 *
 * The pack runs in a copy of the working tree (node_modules and .tools linked), so its clean dist/
 * never disturbs the suites running beside it. Dependencies install with --prefer-offline from npm's
 * cache, which `npm ci` filled; the registry is asked only for what the cache lacks.
 * Skips with a reason when OPA or Regal is absent (prepack needs them); LLMOPS_REQUIRE_PACKAGE=1
 * (.ci/run) turns the skip into a failure. LLMOPS_PACKAGE_TARBALL=<tgz> re-uses a packed tarball
 * (a developer's re-run; ignored under LLMOPS_REQUIRE_PACKAGE=1, so CI always packs).
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join, dirname } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, tempDir } from "./helpers/cli.js";
import { findTool } from "./helpers/tools.js";

const PACKAGE_NAME = "responsible-llmops";
const missing = ["opa", "regal"].filter((tool) => findTool(tool) === undefined);
if (missing.length > 0) {
  const reason = `${missing.join(" and ")} not installed (bash scripts/install-tools.sh); npm pack's prepack builds the policy bundle with them`;
  if (process.env.LLMOPS_REQUIRE_PACKAGE === "1") throw new Error(`LLMOPS_REQUIRE_PACKAGE=1 but ${reason}`);
  console.warn(`SKIP: the npm package test: ${reason}`);
}

const SPECS = readdirSync(join(ROOT, "examples"))
  .filter((name) => name.endsWith(".yaml"))
  .sort()
  .map((name) => `examples/${name}`);
const RUNTIME = readdirSync(join(ROOT, "examples", "runtime"))
  .sort()
  .map((name) => `examples/runtime/${name}`);

function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: "utf8",
    timeout: options.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

function ok(result: SpawnSyncReturns<string>, what: string): string {
  if (result.error) throw new Error(`${what}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${what} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Findings without the parts that name where the bundle came from (revision is compared separately). */
function findingsOf(stdout: string): unknown {
  const report = JSON.parse(stdout) as { findings: unknown[]; bundle?: { revision: string } };
  return { findings: report.findings, revision: report.bundle?.revision };
}

/** The working tree (tracked and untracked-but-not-ignored files), with node_modules and .tools linked. */
function copyWorkingTree(into: string): void {
  const listed = ok(
    run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT }),
    "git ls-files",
  );
  for (const file of listed.split("\0").filter(Boolean)) {
    if (!existsSync(join(ROOT, file))) continue; // deleted in the working tree, not yet committed
    mkdirSync(dirname(join(into, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(into, file));
  }
  symlinkSync(join(ROOT, "node_modules"), join(into, "node_modules"));
  symlinkSync(join(ROOT, ".tools"), join(into, ".tools"));
}

/** A bin directory with node, npm, npx and sh only: nothing else resolves on this PATH. */
function bareBin(dir: string): string {
  mkdirSync(dir);
  // npm's bin is a link to npm-cli.js, with npx-cli.js beside it.
  const npmDir = dirname(ok(run("sh", ["-c", 'readlink -f "$(command -v npm)"'], { cwd: ROOT }), "locate npm").trim());
  symlinkSync(process.execPath, join(dir, "node"));
  symlinkSync(join(npmDir, "npm-cli.js"), join(dir, "npm"));
  symlinkSync(join(npmDir, "npx-cli.js"), join(dir, "npx"));
  symlinkSync("/bin/sh", join(dir, "sh"));
  return dir;
}

describe.skipIf(missing.length > 0)("the npm package, packed and installed where there is no Go, OPA or Regal", () => {
  const work = tempDir("llmops-package-");
  const app = join(work, "app");
  let env: NodeJS.ProcessEnv;
  let tarball = "";

  beforeAll(() => {
    if (process.env.LLMOPS_PACKAGE_TARBALL && process.env.LLMOPS_REQUIRE_PACKAGE !== "1") {
      // A developer's shortcut for re-runs: a tarball this test (or npm pack) made before. Never in CI.
      tarball = process.env.LLMOPS_PACKAGE_TARBALL;
      console.warn(
        `NOTE: the npm package test installs ${tarball} (LLMOPS_PACKAGE_TARBALL) instead of running npm pack`,
      );
    } else {
      const source = join(work, "source");
      copyWorkingTree(source);
      const packed = join(work, "packed");
      mkdirSync(packed);
      ok(
        run("npm", ["pack", "--pack-destination", packed, "--loglevel", "warn"], { cwd: source, timeoutMs: 1_800_000 }),
        "npm pack",
      );
      const tarballs = readdirSync(packed).filter((name) => name.endsWith(".tgz"));
      expect(tarballs).toHaveLength(1);
      tarball = join(packed, tarballs[0]!);
    }

    const bin = bareBin(join(work, "bin"));
    env = {
      HOME: process.env.HOME,
      PATH: bin,
      NO_COLOR: "1",
      ...(process.env.npm_config_cache ? { npm_config_cache: process.env.npm_config_cache } : {}),
    };
    for (const tool of ["go", "opa", "regal", "conftest"]) {
      expect(
        run("sh", ["-c", `command -v ${tool}`], { cwd: work, env }).status,
        `${tool} must not be on the test PATH`,
      ).not.toBe(0);
    }
    mkdirSync(app);
    writeFileSync(
      join(app, "package.json"),
      `${JSON.stringify({ name: "llmops-package-test", private: true, type: "module" }, null, 2)}\n`,
    );
    ok(
      run(
        "npm",
        ["install", tarball, "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel", "error"],
        { cwd: app, env, timeoutMs: 900_000 },
      ),
      "npm install of the tarball",
    );
    cpSync(join(ROOT, "examples"), join(app, "examples"), { recursive: true });
  }, 3_000_000);

  it("ships the compiled package with .d.ts, the schema and the signed bundle with its public key, and no private key", () => {
    const installed = join(app, "node_modules", PACKAGE_NAME);
    for (const file of [
      "bin/llmops.js",
      "dist/cli/main.js",
      "dist/policies/engine/api.d.ts",
      "dist/components/aws/index.d.ts",
      "dist/components/kubernetes/index.d.ts",
      "dist/stacks/composition.d.ts",
      "dist/schemas/spec-types.d.ts",
      "schemas/llmops-v1alpha1.schema.json",
      "release/bundle/policy.wasm",
      "release/bundle/manifest.json",
      "release/bundle/.signatures.json",
      "release/bundle.pub.pem",
    ])
      expect(existsSync(join(installed, file)), file).toBe(true);
    const listing = ok(run("tar", ["-tzf", tarball], { cwd: work }), "tar -t")
      .split("\n")
      .filter(Boolean);
    expect(listing.filter((file) => file.endsWith(".pem"))).toEqual(["package/release/bundle.pub.pem"]);
    expect(listing.filter((file) => file.startsWith("package/dist/bundle/"))).toEqual([]);
    expect(listing.filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))).toEqual([]);
    expect(readFileSync(join(installed, "release", "bundle.pub.pem"), "utf8")).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });

  it("npx llmops validate gives the repository's findings on every example spec, with the packaged signature verified", () => {
    for (const spec of SPECS) {
      const installed = run("npx", ["llmops", "validate", spec, "--format", "json"], { cwd: app, env });
      const repository = run(process.execPath, [join(ROOT, "bin/llmops.js"), "validate", spec, "--format", "json"], {
        cwd: app,
        env: { ...process.env, NO_COLOR: "1" },
      });
      expect(installed.status, `${spec}: ${installed.stderr}`).toBe(repository.status);
      expect(findingsOf(installed.stdout), spec).toEqual(findingsOf(repository.stdout));
      expect(
        (JSON.parse(installed.stdout) as { bundle: { signatureVerified: boolean } }).bundle.signatureVerified,
      ).toBe(true);
    }
  }, 300_000);

  it("npx llmops check gives the repository's findings on every example runtime config", () => {
    for (const config of RUNTIME) {
      const installed = run("npx", ["llmops", "check", config, "--format", "json"], { cwd: app, env });
      const repository = run(process.execPath, [join(ROOT, "bin/llmops.js"), "check", config, "--format", "json"], {
        cwd: app,
        env: { ...process.env, NO_COLOR: "1" },
      });
      expect(installed.status, `${config}: ${installed.stderr}`).toBe(repository.status);
      expect(installed.status).not.toBe(2);
      expect(findingsOf(installed.stdout), config).toEqual(findingsOf(repository.stdout));
    }
  }, 300_000);

  it("compiles and runs a Pulumi program that imports InferenceService and the stack composition, under the mock runtime", () => {
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          skipLibCheck: true,
          types: ["node"],
          typeRoots: [join(ROOT, "node_modules", "@types")],
        },
        files: ["program.ts"],
      }),
    );
    writeFileSync(join(app, "program.ts"), PROGRAM);
    ok(
      run(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], {
        cwd: app,
        env,
      }),
      "tsc",
    );
    const registered = JSON.parse(ok(run("node", ["program.js"], { cwd: app, env }), "node program.js")) as {
      types: string[];
      revision: string;
    };
    const count = (type: string) => registered.types.filter((registeredType) => registeredType === type).length;
    // One InferenceService built here, one per self-hosted model by the composition (campaign-summariser
    // has two: the generation model and its bge-base embedding model).
    expect(count("llmops:kubernetes:InferenceService")).toBe(3);
    expect(count("llmops:stack:LLMOpsStack")).toBe(1);
    expect(count("kubernetes:apps/v1:Deployment")).toBeGreaterThanOrEqual(2);
    expect(count("kubernetes:networking.k8s.io/v1:NetworkPolicy")).toBeGreaterThan(0);
    expect(registered.revision).toMatch(/^[0-9a-f]{16}$/);
  }, 300_000);

  it("refuses the packaged bundle when its signature does not verify with the shipped key, or is missing", () => {
    const installed = join(app, "node_modules", PACKAGE_NAME, "release");
    const key = join(installed, "bundle.pub.pem");
    const original = join(work, "bundle.pub.pem.orig");
    copyFileSync(key, original);
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" });
    writeFileSync(key, other);
    const wrongKey = run("npx", ["llmops", "validate", SPECS[0]!], { cwd: app, env });
    expect(wrongKey.status).toBe(2);
    expect(wrongKey.stderr).toMatch(/signature check failed.*does not verify/);
    copyFileSync(original, key);
    const signatures = join(installed, "bundle", ".signatures.json");
    const saved = join(work, "signatures.json.orig");
    copyFileSync(signatures, saved);
    rmSync(signatures);
    const unsigned = run("npx", ["llmops", "validate", SPECS[0]!], { cwd: app, env });
    expect(unsigned.status).toBe(2);
    expect(unsigned.stderr).toMatch(/not signed/);
    copyFileSync(saved, signatures);
    expect(run("npx", ["llmops", "validate", SPECS[0]!], { cwd: app, env }).status).toBe(0);
  }, 120_000);
});

/** The consumer's program: 20-odd lines, everything from the package but Pulumi itself. */
const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { createRequire } from "node:module";
const types: string[] = [];
pulumi.runtime.setMocks({
  newResource: (args) => { types.push(args.type); return { id: \`\${args.name}-id\`, state: args.inputs }; },
  call: (args) => { throw new Error(\`unexpected call \${args.token}\`); },
}, "package-test", "dev", false);
const { InferenceService } = await import("${PACKAGE_NAME}/components/kubernetes");
const { gateSpec, defineStack } = await import("${PACKAGE_NAME}/stack");
const digest = \`sha256:\${"a".repeat(64)}\`;
new InferenceService("chat", {
  stack: "demo", namespace: "demo", serviceAccountName: "inference", allowedCallerRoles: ["gateway"],
  model: { name: "chat", runtime: "vllm", gpus: 1, maxInputTokens: 4096, maxOutputTokens: 1024, maxConcurrentRequests: 16 },
  image: { repository: "vllm/vllm-openai", digest }, fetcherImage: { repository: "example/fetcher", digest },
  weights: { digest, sizeGiB: 16 }, cache: { claimName: "weights", modelPath: "/models/chat" },
  compute: { cpuMilli: 4000, memoryMiB: 16384 }, replicas: { min: 1, max: 2 },
  autoscaling: { prometheusAddress: "http://prometheus.monitoring:9090", monitoringNamespace: "monitoring", queueTargetPerReplica: 8, scaleDownStabilizationSeconds: 300 },
});
// A production spec whose gate blocks deploys only with its evidence (issue 20).
const gated = await gateSpec("examples/campaign-summariser.rag.yaml", { evidence: { evidence: ["examples/evidence/campaign-summariser.evidence.yaml"], asOf: "2026-12-01T00:00:00Z" } });
await defineStack(gated.spec, { bundleRevision: gated.bundle?.revision ?? "none" });
const settings = createRequire(import.meta.url)("@pulumi/pulumi/runtime/settings") as { waitForRPCs: () => Promise<void> };
await settings.waitForRPCs();
process.stdout.write(JSON.stringify({ types, revision: gated.bundle?.revision }));
`;
