/**
 * `llmops policy build`: the policy gate, then the WebAssembly bundle.
 *
 * Gate, in order: opa fmt --list --fail, opa check --strict (with the SDK-derived
 * capabilities, so a builtin the WebAssembly SDK lacks fails here), regal lint, the METADATA
 * check, opa test --coverage with a threshold. Then opa build -t wasm, and the bundle files:
 * policy.wasm, data.json, catalog.json and manifest.json (sha256 per file, revision).
 */
import { spawnSync } from "node:child_process";
import { sha256 } from "./digest.js";
import { sortKeys } from "./sort-keys.js";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import { catalogFromAnnotations, type CatalogEntry } from "./catalog.js";
import { loadFrameworkCatalogues } from "./frameworks.js";
import { policySources } from "./policy-sources.js";
import { BUNDLE_FILES, ENTRYPOINTS, bundleRevision, type BundleManifest } from "./bundle-layout.js";
import { CATALOG_CLAIM, DEFAULT_SIGNING_ALGORITHM, SIGNATURES_FILE, SIGNING_ALGORITHMS, verifyBundleSignature } from "./bundle-signature.js";
import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";

export class PolicyBuildError extends Error {
  readonly userFacing = true as const;
}

export interface BuildOptions {
  /** Repository root holding policies/ and .regal/. */
  readonly root: string;
  readonly outDir: string;
  readonly coverageThreshold: number;
  /** Directory holding opa and regal; PATH is used when absent. */
  readonly toolsDir?: string;
  readonly progress?: (step: string) => void;
  /** PEM private key: sign with OPA's own `opa build --signing-key` (writes .signatures.json). */
  readonly signingKey?: string;
  /** JWT algorithm for the signature. @default "RS256" */
  readonly signingAlgorithm?: string;
  /**
   * Run `regal lint`. @default true. Only the quick start turns it off (scripts/quickstart-bundle.mjs),
   * so a first run need not build Regal; `npm test` and `llmops policy build` always lint.
   */
  readonly lint?: boolean;
}

export interface BuildResult {
  readonly manifest: BundleManifest;
  readonly catalog: readonly CatalogEntry[];
  readonly coverage: number;
  readonly testsPassed: number;
}

const IGNORED = ["*_test.rego", "engine", "pack", "node_modules"];

export function buildBundle(options: BuildOptions): BuildResult {
  // OPA runs from the repository root on the relative path, so nothing machine-specific (an
  // absolute checkout path) ends up in policy.wasm: the revision depends on the sources only.
  const policies = "policies";
  const tool = (name: string) => {
    const local = options.toolsDir ? join(options.toolsDir, name) : undefined;
    return local && existsSync(local) ? local : name;
  };
  const step = (name: string) => options.progress?.(name);
  const signing = signingSetup(options);
  const work = mkdtempSync(join(tmpdir(), "llmops-policy-build-"));
  runDirectory = resolve(options.root);
  try {
    const capabilities = join(work, "capabilities.json");
    writeFileSync(capabilities, JSON.stringify(derivedCapabilities()));

    step("opa fmt --list --fail");
    run(tool("opa"), ["fmt", "--list", "--fail", policies], "policies are not formatted; run `opa fmt -w policies`");

    step("opa check --strict");
    run(tool("opa"), ["check", "--strict", "--capabilities", capabilities, ...ignoreFlags(), policies], "opa check failed");

    if (options.lint ?? true) {
      step("regal lint");
      run(tool("regal"), ["lint", "--config-file", join(runDirectory, ".regal/config.yaml"), policies], "regal lint failed");
    } else {
      step("regal lint skipped (quick start; npm test runs it)");
    }

    step("METADATA");
    const annotations = ["spec", "runtime"].flatMap((dir) =>
      (JSON.parse(run(tool("opa"), ["inspect", "-a", "--format", "json", join(policies, dir)], "opa inspect failed")) as { annotations?: unknown[] }).annotations ?? []);
    const absolutePolicies = join(runDirectory, policies);
    const frameworks = loadFrameworkCatalogues(join(absolutePolicies, "frameworks"));
    const catalog = catalogFromAnnotations(annotations, runDirectory, absolutePolicies, frameworks, [...checkFiles(join(absolutePolicies, "spec")), ...checkFiles(join(absolutePolicies, "runtime"))]);

    step("opa test --coverage");
    const testOutput = run(tool("opa"), ["test", "--coverage", "--format", "json", ...ignoreFlags({ keepTests: true }), policies], "opa test failed");
    const report = JSON.parse(testOutput) as { coverage: number };
    if (report.coverage < options.coverageThreshold) {
      throw new PolicyBuildError(`opa test coverage ${report.coverage.toFixed(1)}% is below the ${options.coverageThreshold}% threshold`);
    }
    const countOutput = run(tool("opa"), ["test", "--format", "json", ...ignoreFlags({ keepTests: true }), policies], "opa test failed");
    const testsPassed = (JSON.parse(countOutput) as Array<{ fail?: boolean }>).filter((result) => !result.fail).length;

    const catalogBytes = Buffer.from(`${JSON.stringify(catalog, null, 2)}\n`);
    step(signing ? "opa build -t wasm --signing-key" : "opa build -t wasm");
    const tarball = join(work, "bundle.tar.gz");
    run(tool("opa"), [
      // Bundle mode (-b) whether or not the bundle is signed, so signing never changes policy.wasm.
      "build", "-b", "-t", "wasm", "--capabilities", capabilities, ...ignoreFlags(),
      ...ENTRYPOINTS.flatMap((entrypoint) => ["-e", entrypoint]),
      ...(signing ? signingFlags(signing, work, sha256(catalogBytes)) : []),
      "-o", tarball, policies,
    ], "opa build failed");
    const extracted = join(work, "extracted");
    mkdirSync(extracted);
    extractTarball(tarball, extracted);

    step("write bundle");
    const staging = join(work, "bundle");
    mkdirSync(staging);
    const files: Record<string, Buffer> = {
      [BUNDLE_FILES.wasm]: readFileSync(join(extracted, "policy.wasm")),
      [BUNDLE_FILES.data]: Buffer.from(canonicalJson(JSON.parse(readFileSync(join(extracted, "data.json"), "utf8")))),
      [BUNDLE_FILES.catalog]: catalogBytes,
    };
    const digests = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, sha256(bytes)]));
    const revision = bundleRevision(digests);
    const manifest: BundleManifest = {
      schemaVersion: 1,
      revision,
      opaVersion: opaVersion(tool("opa")),
      entrypoints: [...ENTRYPOINTS],
      files: digests,
      sources: policySources(absolutePolicies),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(staging, name), bytes);
    writeFileSync(join(staging, BUNDLE_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
    if (signing) {
      copyFileSync(join(extracted, SIGNATURES_FILE), join(staging, SIGNATURES_FILE));
      // Check our own output with the key's public half: the hashes OPA signed must be the bytes we ship.
      try {
        verifyBundleSignature(staging, signing.publicKey, files, digests[BUNDLE_FILES.catalog]!);
      } catch (error) {
        throw new PolicyBuildError(`the signed bundle does not verify: ${(error as Error).message}`);
      }
    }
    // Swap the finished bundle in whole: readers never see a half-written bundle.
    const out = resolve(options.outDir);
    mkdirSync(dirname(out), { recursive: true });
    const previous = `${out}.previous-${process.pid}`;
    if (existsSync(out)) renameSync(out, previous);
    renameSync(staging, out);
    rmSync(previous, { recursive: true, force: true });
    return { manifest, catalog, coverage: report.coverage, testsPassed };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

interface Signing {
  readonly keyPath: string;
  readonly algorithm: string;
  readonly publicKey: KeyObject;
}

/** The signing set-up, read once; an unusable key or algorithm is refused before the (slow) gate runs. */
function signingSetup(options: BuildOptions): Signing | undefined {
  if (!options.signingKey) return undefined;
  const algorithm = options.signingAlgorithm ?? DEFAULT_SIGNING_ALGORITHM;
  if (!SIGNING_ALGORITHMS.includes(algorithm)) throw new PolicyBuildError(`signing algorithm ${algorithm} is not accepted (accepted: ${SIGNING_ALGORITHMS.join(", ")})`);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(options.signingKey));
  } catch {
    throw new PolicyBuildError(`the signing key ${options.signingKey} cannot be read as a PEM private key`);
  }
  return { keyPath: resolve(options.signingKey), algorithm, publicKey: createPublicKey(privateKey) };
}

/** opa build's signing flags; the claims file pins catalog.json, which OPA does not know about. */
function signingFlags(signing: Signing, work: string, catalogDigest: string): string[] {
  const claims = join(work, "claims.json");
  writeFileSync(claims, JSON.stringify({ [CATALOG_CLAIM]: catalogDigest }));
  return ["--signing-key", signing.keyPath, "--signing-alg", signing.algorithm, "--claims-file", claims];
}

/** Every check file (tests excluded) under policies/{spec,runtime}/<category>/. */
function checkFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".rego") && !file.endsWith("_test.rego"))
    .map((file) => join(dir, file))
    .sort();
}

/** Non-policy folders (TypeScript, the CrossGuard pack's package.json) stay out of OPA's data. */
function ignoreFlags(options: { keepTests?: boolean } = {}): string[] {
  return IGNORED.filter((pattern) => !(options.keepTests && pattern === "*_test.rego")).flatMap((pattern) => ["--ignore", pattern]);
}

/** The SDK's capabilities plus the rego_v1 feature, which opa-wasm 1.10.0 omits. */
export function derivedCapabilities(): Record<string, unknown> {
  // The file is not in the package's "exports", so locate it beside the resolved entry point.
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve("@open-policy-agent/opa-wasm"));
  while (!existsSync(join(dir, "capabilities.json")) && dirname(dir) !== dir) dir = dirname(dir);
  const sdk = JSON.parse(readFileSync(join(dir, "capabilities.json"), "utf8")) as Record<string, unknown>;
  const features = new Set([...((sdk.features as string[] | undefined) ?? []), "rego_v1"]);
  return { ...sdk, features: [...features] };
}

let runDirectory = process.cwd();

function run(command: string, args: string[], failure: string): string {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, cwd: runDirectory });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === "ENOENT";
    throw new PolicyBuildError(missing ? `${command} not found; run: bash scripts/install-tools.sh` : `${failure}: ${result.error.message}`);
  }
  if (result.status !== 0) {
    const detail = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
    throw new PolicyBuildError(`${failure}\n${detail}`);
  }
  return result.stdout;
}

function opaVersion(opa: string): string {
  const output = run(opa, ["version"], "opa version failed");
  return /Version: (\S+)/.exec(output)?.[1] ?? "unknown";
}

/** Unpacks an `opa build` tarball (also used by bench/run.mjs for its floor policy). */
export function extractTarball(tarball: string, into: string): void {
  const require = createRequire(import.meta.url);
  const tar = require("tar") as { x: (options: { file: string; cwd: string; sync: boolean; strict: boolean }) => void };
  // opa build writes absolute member names (/policy.wasm); tar strips the leading slash.
  tar.x({ file: tarball, cwd: into, sync: true, strict: false });
}

/** Sorted keys, so data.json's digest does not depend on OPA's key order. */
function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value))}\n`;
}
