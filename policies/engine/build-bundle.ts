/**
 * `llmops policy build`: the policy gate, then the WebAssembly bundle.
 *
 * Gate, in order: opa fmt --list --fail, opa check --strict (with the SDK-derived
 * capabilities, so a builtin the WebAssembly SDK lacks fails here), the METADATA check (schema,
 * framework catalogue, id collisions), regal lint, opa test --coverage with a threshold.
 * With organisation dirs (`--policy`) and data files (`--data`), the same gate runs over the
 * built-in library plus those, staged by stagePolicySources. Then opa build -t wasm, and the bundle files:
 * policy.wasm, data.json, catalog.json and manifest.json (sha256 per file, revision).
 */
import { sha256 } from "./digest.js";
import { sortKeys } from "./sort-keys.js";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import {
  BUILTIN_ORIGIN,
  CatalogError,
  applyCheckOverrides,
  catalogFromAnnotations,
  type CatalogEntry,
} from "./catalog.js";
import { NON_POLICY_FOLDERS, opaTestArgs, ToolError, opaIgnoreFlags, runTool, toolPath } from "./opa-tools.js";
import { combinePolicyData, readPolicyDataFile, type CheckOverrideDeclaration } from "./policy-data.js";
import { loadFrameworkCatalogues } from "./frameworks.js";
import { policySources } from "./policy-sources.js";
import { BUNDLE_FILES, ENTRYPOINTS, bundleRevision, type BundleManifest } from "./bundle-layout.js";
import {
  CATALOG_CLAIM,
  DEFAULT_SIGNING_ALGORITHM,
  SIGNATURES_FILE,
  SIGNING_ALGORITHMS,
  verifyBundleSignature,
} from "./bundle-signature.js";
import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { UserFacingError } from "../../schemas/user-facing-error.js";

/** The policy gate refused the sources (format, strict check, metadata, lint, tests, coverage) or the WebAssembly build failed; the message says which step and why (exit 2). */
export class PolicyBuildError extends UserFacingError {}

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
  /**
   * Organisation policy directories (`--policy DIR`): their `.rego` files (checks in packages
   * llmops.spec.<category>.<name> / llmops.runtime.<provider>.<name>, helpers, tests) are built
   * with the built-in library through the same gate. Other files in them are not read.
   */
  readonly orgPolicies?: readonly string[];
  /** Data files (`--data FILE`) overriding policies/data.yaml keys; see policy-data.ts. */
  readonly dataFiles?: readonly string[];
}

export interface BuildResult {
  readonly manifest: BundleManifest;
  readonly catalog: readonly CatalogEntry[];
  readonly coverage: number;
  readonly testsPassed: number;
}

/**
 * The sources the gate runs over: the built-in library, plus each organisation directory
 * staged under a fixed name, so nothing machine-specific (an absolute path) reaches policy.wasm.
 */
export interface PolicySourceSet {
  /** Working directory of every OPA and Regal run. */
  readonly cwd: string;
  /**
   * Paths (relative to cwd) given to OPA and Regal: ["policies"]. Staged organisation dirs live
   * inside it (one root: `opa build -b` refuses several bundle roots that all claim data).
   */
  readonly paths: readonly string[];
  /** The staged organisation dirs (relative to cwd), index-aligned with orgDirs. */
  readonly orgPaths: readonly string[];
  /** Organisation dirs as the user gave them. */
  readonly orgDirs: readonly string[];
  /** Maps a staged path (as OPA prints it) back to the user's path. */
  readonly display: (text: string) => string;
  /** The merged data and the check overrides. */
  readonly overrides: readonly CheckOverrideDeclaration[];
}

/** Staged organisation dir N is policies/org-policies-N. */
const STAGED_ORG = "org-policies-";

/**
 * Reads and validates the data files, and stages the sources in `work` when there are
 * organisation dirs or data overrides (the built-in-only build runs in `root`, as before).
 * Throws InputError (a data file) or PolicyBuildError (a policy dir that cannot be read).
 */
export function stagePolicySources(
  root: string,
  work: string,
  orgPolicies: readonly string[] = [],
  dataFiles: readonly string[] = [],
): PolicySourceSet {
  const absoluteRoot = resolve(root);
  const builtinData = readPolicyDataFile(join(absoluteRoot, "policies", "data.yaml"));
  const overlays = dataFiles.map((file) => readPolicyDataFile(file));
  const combined = combinePolicyData(builtinData, overlays);
  for (const dir of orgPolicies) {
    let directory = false;
    try {
      directory = statSync(dir).isDirectory();
    } catch {
      // reported below
    }
    if (!directory)
      throw new PolicyBuildError(`${dir}: not a readable directory (--policy names a directory of .rego files)`);
  }
  if (orgPolicies.length === 0 && overlays.length === 0) {
    return {
      cwd: absoluteRoot,
      paths: ["policies"],
      orgPaths: [],
      orgDirs: [],
      display: (text) => text,
      overrides: combined.overrides,
    };
  }
  const cwd = join(work, "stage");
  const skip = new Set<string>(NON_POLICY_FOLDERS);
  cpSync(join(absoluteRoot, "policies"), join(cwd, "policies"), {
    recursive: true,
    filter: (source) => !skip.has(basename(source)),
  });
  if (overlays.length > 0)
    writeFileSync(join(cwd, "policies", "data.yaml"), `${JSON.stringify(combined.data, null, 2)}\n`);
  const orgPaths: string[] = [];
  orgPolicies.forEach((dir, index) => {
    const staged = `policies/${STAGED_ORG}${index + 1}`;
    for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".rego"))
      .sort()) {
      mkdirSync(dirname(join(cwd, staged, file)), { recursive: true });
      copyFileSync(join(dir, file), join(cwd, staged, file));
    }
    orgPaths.push(staged);
  });
  const shown = orgPolicies.map((dir) => dir.replace(/\/+$/, ""));
  const display = (text: string) =>
    text.replace(
      new RegExp(`(^|[^A-Za-z0-9_./-])(?:\\./)?policies/${STAGED_ORG}(\\d+)(?=/|$)`, "gm"),
      (_match, before: string, index: string) => `${before}${shown[Number(index) - 1] ?? `${STAGED_ORG}${index}`}`,
    );
  return { cwd, paths: ["policies"], orgPaths, orgDirs: orgPolicies, display, overrides: combined.overrides };
}

interface Inspected {
  readonly annotations?: unknown[];
  readonly namespaces?: Readonly<Record<string, readonly string[]>>;
}

/**
 * The catalogue of a source set: the built-in checks, then each organisation dir's checks, with
 * the METADATA schema, the framework catalogue, id collisions (naming both files) and package
 * collisions (an organisation file inside a built-in package) refused, and the data files' check
 * overrides applied. Throws CatalogError or InputError. Runs `opa inspect` only (no WebAssembly).
 */
export function catalogOfSources(sources: PolicySourceSet, toolsDir?: string): CatalogEntry[] {
  const opa = toolPath("opa", toolsDir);
  const inspect = (path: string): Inspected =>
    JSON.parse(
      runTool(opa, ["inspect", "-a", "--format", "json", path], {
        cwd: sources.cwd,
        failure: "opa inspect failed",
        rewrite: sources.display,
      }),
    ) as Inspected;
  const frameworks = loadFrameworkCatalogues(join(sources.cwd, "policies", "frameworks"));
  const builtinRuns = ["spec", "runtime", "lib"].map((dir) => inspect(join("policies", dir)));
  const builtin = catalogFromAnnotations(
    builtinRuns.slice(0, 2).flatMap((run) => run.annotations ?? []),
    sources.cwd,
    join(sources.cwd, "policies"),
    frameworks,
    [...checkFiles(join(sources.cwd, "policies", "spec")), ...checkFiles(join(sources.cwd, "policies", "runtime"))],
  );
  const builtinPackages = new Map<string, string>();
  for (const run of builtinRuns)
    for (const [namespace, files] of Object.entries(run.namespaces ?? {}))
      builtinPackages.set(namespace, files[0] ?? "");
  builtinPackages.set("data.llmops.main", "policies/main.rego");
  const byId = new Map(builtin.map((entry) => [entry.id, entry]));
  const catalog = [...builtin];
  sources.orgPaths.forEach((staged, index) => {
    const run = inspect(staged);
    const checkPackages: Array<{ file: string; package: string }> = [];
    for (const [namespace, files] of Object.entries(run.namespaces ?? {})) {
      for (const file of files) {
        const clash = builtinPackages.get(namespace);
        if (clash !== undefined)
          throw new CatalogError(
            `${sources.display(file)}: package ${namespace.replace(/^data\./, "")} is a built-in package (${clash}); organisation checks need their own package`,
          );
        if (!file.endsWith("_test.rego")) checkPackages.push({ file, package: namespace.replace(/^data\./, "") });
      }
    }
    const origin = sources.orgDirs[index]!.replace(/\/+$/, "");
    const entries = catalogFromAnnotations(
      run.annotations ?? [],
      sources.cwd,
      join(sources.cwd, staged),
      frameworks,
      undefined,
      { origin, display: sources.display, checkPackages, anyIdPrefix: true },
    );
    for (const entry of entries) {
      const other = byId.get(entry.id);
      if (other)
        throw new CatalogError(
          `${entry.source}: check id ${entry.id} collides with ${other.origin === BUILTIN_ORIGIN ? "built-in" : "organisation"} check ${other.source}`,
        );
      byId.set(entry.id, entry);
      catalog.push(entry);
    }
  });
  return applyCheckOverrides(catalog, sources.overrides).sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Runs the policy gate and builds the bundle into `options.outDir`: opa fmt, opa check --strict, METADATA and framework checks, regal lint (unless `lint` is false), opa test with coverage at least `coverageThreshold` %, opa build -t wasm, then the catalog and manifest (optionally signed).
 * @returns the manifest (revision, file digests), the catalog of checks, the number of Rego tests passed and the coverage in %
 * @throws PolicyBuildError, ToolError (opa or regal missing or failing), CatalogError, FrameworkCatalogueError, InputError (a --data file)
 */
export function buildBundle(options: BuildOptions): BuildResult {
  const step = (name: string) => options.progress?.(name);
  const signing = signingSetup(options);
  const work = mkdtempSync(join(tmpdir(), "llmops-policy-build-"));
  try {
    // Data files are read (and refused) before the slow gate runs.
    const sources = stagePolicySources(options.root, work, options.orgPolicies, options.dataFiles);
    const { cwd, paths, display } = sources;
    const opa = toolPath("opa", options.toolsDir);
    const run = (command: string, args: string[], failure: string) =>
      runTool(command, args, { cwd, failure, rewrite: display });
    const capabilities = join(work, "capabilities.json");
    writeFileSync(capabilities, JSON.stringify(derivedCapabilities()));

    step("opa fmt --list --fail");
    run(
      opa,
      ["fmt", "--list", "--fail", ...paths],
      `policies are not formatted; run \`opa fmt -w ${["policies", ...sources.orgDirs].join(" ")}\``,
    );

    step("opa check --strict");
    run(
      opa,
      ["check", "--strict", "--capabilities", capabilities, ...opaIgnoreFlags({ tests: false }), ...paths],
      "opa check failed",
    );

    // METADATA (schema, framework catalogue, id and package collisions, overrides) before Regal:
    // a bad block or a colliding id is named without waiting for the slowest step.
    step("METADATA");
    const catalog = catalogOfSources(sources, options.toolsDir);

    if (options.lint ?? true) {
      step("regal lint");
      run(
        toolPath("regal", options.toolsDir),
        ["lint", "--config-file", join(resolve(options.root), ".regal/config.yaml"), ...paths],
        "regal lint failed",
      );
    } else {
      step("regal lint skipped (quick start; npm test runs it)");
    }

    step("opa test --coverage");
    const testOutput = run(opa, opaTestArgs(paths, { coverage: true }), "opa test failed");
    const report = JSON.parse(testOutput) as { coverage: number };
    if (report.coverage < options.coverageThreshold) {
      throw new PolicyBuildError(
        `opa test coverage ${report.coverage.toFixed(1)}% is below the ${options.coverageThreshold}% threshold`,
      );
    }
    const countOutput = run(opa, opaTestArgs(paths, { coverage: false }), "opa test failed");
    const testsPassed = (JSON.parse(countOutput) as Array<{ fail?: boolean }>).filter((result) => !result.fail).length;

    const catalogBytes = Buffer.from(`${JSON.stringify(catalog, null, 2)}\n`);
    step(signing ? "opa build -t wasm --signing-key" : "opa build -t wasm");
    const tarball = join(work, "bundle.tar.gz");
    run(
      opa,
      [
        // Bundle mode (-b) whether or not the bundle is signed, so signing never changes policy.wasm.
        "build",
        "-b",
        "-t",
        "wasm",
        "--capabilities",
        capabilities,
        ...opaIgnoreFlags({ tests: false }),
        ...ENTRYPOINTS.flatMap((entrypoint) => ["-e", entrypoint]),
        ...(signing ? signingFlags(signing, work, sha256(catalogBytes)) : []),
        "-o",
        tarball,
        ...paths,
      ],
      "opa build failed",
    );
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
      opaVersion: opaVersion(opa),
      entrypoints: [...ENTRYPOINTS],
      files: digests,
      sources: policySources(join(resolve(options.root), "policies")),
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
  } catch (error) {
    // A failing tool is a failing gate: the same error class as before this module existed.
    if (error instanceof ToolError) throw new PolicyBuildError(error.message);
    throw error;
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
  if (!SIGNING_ALGORITHMS.includes(algorithm))
    throw new PolicyBuildError(
      `signing algorithm ${algorithm} is not accepted (accepted: ${SIGNING_ALGORITHMS.join(", ")})`,
    );
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

function opaVersion(opa: string): string {
  const output = runTool(opa, ["version"], { failure: "opa version failed" });
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
