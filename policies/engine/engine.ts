/**
 * The in-process policy engine: verify the bundle's digests, load policy.wasm with
 * @open-policy-agent/opa-wasm once, evaluate, and turn raw Rego results into findings
 * with catalog metadata and source positions. Every failure fails closed (EngineError,
 * exit 2): a security gate that cannot decide must not pass.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { isMainThread } from "node:worker_threads";
import { packageRoot } from "../../schemas/package-root.js";
import { staleBundleNote } from "./policy-sources.js";
import {
  BUNDLE_FILES,
  RUNTIME_ENTRYPOINT,
  SPEC_ENTRYPOINT,
  VERIFICATION_KEY_ENV,
  bundleRevision,
  type BundleManifest,
} from "./bundle-layout.js";
import {
  SignatureError,
  readVerificationKey,
  verifyBundleCatalogClaim,
  verifyBundleSignature,
} from "./bundle-signature.js";
import { packagedVerificationKey } from "./packaged-bundle.js";
import { UNKNOWN_VALUE, policyInput, type RuntimeInput } from "./runtime-input.js";
import { BUILTIN_ORIGIN, checkKind, type CatalogEntry, type CheckKind } from "./catalog-entry.js";
import { sha256 } from "./digest.js";
import type { Finding } from "./finding.js";
import type { BundleInfo, RuleMetadata } from "./report.js";
import { UserFacingError, describeThrown } from "../../schemas/user-facing-error.js";

/** The policy bundle could not be loaded, compiled or evaluated, or emitted a malformed finding (exit 2: the engine fails closed). */
export class EngineError extends UserFacingError {}

/** The raw shape every check emits. */
interface RawFinding {
  readonly id: string;
  readonly msg: string;
  readonly path: string;
  readonly resource?: string;
}

interface LoadedPolicy {
  evaluate(input: unknown, entrypoint?: string | number): Array<{ result: unknown }>;
  setData(data: unknown): void;
}

export interface EvaluationContext {
  readonly file?: string;
  readonly locate?: (pointer: string) => { line: number; column: number } | undefined;
  /** Where a finding at this JSON Pointer lives, when inputs span several files (runtime). */
  readonly place?: (pointer: string) => Placement | undefined;
}

export interface Placement {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly component?: string;
}

/** The compiled policy bundle, loaded and verified once, evaluated in-process through opa-wasm: `evaluateSpec` and `evaluateRuntime` return findings with the catalog's metadata attached; `rulesFor` lists a scope's rules. Every evaluation has a time budget (LLMOPS_EVAL_BUDGET_MS, default 10,000 ms); an engine error throws EngineError, never returns an empty result. */
export class PolicyEngine {
  /** Time budget of one evaluation, read once (LLMOPS_EVAL_BUDGET_MS). */
  private readonly budgetMs = evaluationBudgetMs();
  /** Most resources in one runtime evaluation, read once (LLMOPS_MAX_RESOURCES). */
  private readonly maxResources = positiveEnvNumber("LLMOPS_MAX_RESOURCES", 10_000);

  private constructor(
    private readonly policy: LoadedPolicy,
    readonly manifest: BundleManifest,
    readonly catalog: ReadonlyMap<string, CatalogEntry>,
    readonly bundle: BundleInfo,
  ) {}

  /**
   * Loads and verifies a bundle directory. Throws EngineError on any mismatch. When the bundle
   * was built from this checkout's policies/ and they changed since, VerifiedBundle.read says so
   * once on stderr (main thread only) and the bundle is used as built.
   */
  static async load(bundleDir: string): Promise<PolicyEngine> {
    return PolicyEngine.instantiate(await VerifiedBundle.read(bundleDir));
  }

  /** An engine from an already verified (and compiled) bundle: how worker threads share one compilation. */
  static instantiate(bundle: VerifiedBundle): Promise<PolicyEngine> {
    const require = createRequire(import.meta.url);
    // loadPolicySync on the compiled module: the SDK's async loadPolicy tests its argument with
    // `instanceof Response`, and touching the global Response makes Node 20 load its fetch
    // implementation (undici), about a fifth of a one-file `llmops check` (bench/results/small-input.md).
    const { loadPolicySync } = require("@open-policy-agent/opa-wasm") as {
      loadPolicySync: (wasm: WebAssembly.Module) => LoadedPolicy;
    };
    let policy: LoadedPolicy;
    try {
      policy = loadPolicySync(bundle.module);
      policy.setData(bundle.data);
    } catch (error) {
      throw new EngineError(`policy.wasm could not be loaded: ${describeThrown(error)}`);
    }
    const catalog = new Map(bundle.catalog.map((entry) => [entry.id, entry]));
    return Promise.resolve(
      new PolicyEngine(policy, bundle.manifest, catalog, {
        revision: bundle.manifest.revision,
        digestsVerified: true,
        signatureVerified: bundle.signatureVerified,
      }),
    );
  }

  get rules(): RuleMetadata[] {
    return [...this.catalog.values()]
      .filter((entry) => !entry.override?.disabled)
      .map(({ package: _package, ...rule }) => rule);
  }

  /** The rules of one kind of check (spec or runtime), by their Rego package. */
  rulesFor(kind: CheckKind): RuleMetadata[] {
    return [...this.catalog.values()]
      .filter((entry) => checkKind(entry) === kind && !entry.override?.disabled)
      .map(({ package: _package, ...rule }) => rule);
  }

  /** Evaluates one entrypoint; raw results are checked and joined with the catalog. */
  evaluate(input: unknown, context: EvaluationContext = {}, entrypoint: string = SPEC_ENTRYPOINT): Finding[] {
    let results: Array<{ result: unknown }>;
    const started = performance.now();
    try {
      results = this.policy.evaluate(input, entrypoint);
    } catch (error) {
      // opa-wasm throws plain objects for unimplemented builtins; anything thrown fails closed.
      throw new EngineError(`policy evaluation failed: ${describeThrown(error)}`);
    }
    // WebAssembly evaluation is synchronous and cannot be interrupted; a decision that took
    // longer than its budget is discarded and the run fails closed.
    const elapsed = performance.now() - started;
    if (elapsed > this.budgetMs) {
      throw new EngineError(
        `policy evaluation took ${elapsed.toFixed(1)} ms, over its ${this.budgetMs} ms budget (LLMOPS_EVAL_BUDGET_MS); the decision was discarded`,
      );
    }
    if (!Array.isArray(results) || results.length !== 1) {
      throw new EngineError(
        `policy evaluation returned ${Array.isArray(results) ? results.length : "no"} result sets; expected exactly one`,
      );
    }
    const raw = results[0]!.result;
    if (!Array.isArray(raw))
      throw new EngineError("policy evaluation returned a non-set result for the findings entrypoint");
    // A check an organisation disabled (catalog override) reports nothing, at every entry point.
    return raw
      .map((item) => checkRaw(item))
      .filter((item) => !this.catalog.get(item.id)?.override?.disabled)
      .map((item) => this.toFinding(item, context));
  }

  /** Runtime checks over resources from any number of files; findings point into their source file. */
  evaluateRuntime(input: RuntimeInput): Finding[] {
    // One decision sees every resource (checks relate resources to each other), so the input
    // cannot be split; past the documented limit it is refused rather than left to run long.
    if (input.resources.length > this.maxResources) {
      throw new EngineError(
        `${input.resources.length} resources exceed the limit of ${this.maxResources} resources in one evaluation (LLMOPS_MAX_RESOURCES); check the inputs in smaller groups, e.g. one namespace or stack at a time`,
      );
    }
    const place = (pointer: string): Placement | undefined => {
      const match = /^\/resources\/(\d+)(?:\/props)?(\/.*)?$/.exec(pointer);
      const resource = match ? input.resources[Number(match[1])] : undefined;
      if (!resource) return undefined;
      const position = resource.source?.locate(`${resource.source.pointer}${match?.[2] ?? ""}`);
      return {
        ...(resource.source ? { file: resource.source.file } : {}),
        ...(position ? { line: position.line, column: position.column } : {}),
        ...(resource.component ? { component: resource.component } : {}),
      };
    };
    const findings = this.evaluate(policyInput(input), { place }, RUNTIME_ENTRYPOINT);
    if (!input.resources.some((resource) => resource.unknowns !== undefined)) return findings;
    return findings.filter(
      (finding) => !finding.message.includes(UNKNOWN_VALUE) && !judgesUnknown(finding.path, input.resources),
    );
  }

  private toFinding(raw: RawFinding, context: EvaluationContext): Finding {
    const entry = this.catalog.get(raw.id);
    if (!entry)
      throw new EngineError(
        `policy emitted finding id ${raw.id}, which has no catalog entry; the bundle is inconsistent`,
      );
    const position = context.locate?.(raw.path);
    const placement = context.place?.(raw.path);
    const file = placement?.file ?? context.file;
    const line = placement?.line ?? position?.line;
    const column = placement?.column ?? position?.column;
    return {
      id: raw.id,
      title: entry.title,
      severity: entry.severity,
      message: raw.msg,
      ...(file === undefined ? {} : { file }),
      path: raw.path,
      ...(line === undefined ? {} : { line, column: column ?? 1 }),
      ...(placement?.component ? { component: placement.component } : {}),
      ...(raw.resource === undefined ? {} : { resource: raw.resource }),
      remediation: entry.remediation,
      frameworks: entry.frameworks,
      ...(entry.origin === undefined || entry.origin === BUILTIN_ORIGIN ? {} : { origin: entry.origin }),
      ...(entry.override ? { override: entry.override } : {}),
    };
  }
}

let staleWarned = false;

/** The stale-bundle line (policy-sources.ts), written once per process, never from a worker. */
function warnIfStale(manifest: BundleManifest, bundleDir: string): void {
  if (staleWarned || !isMainThread) return;
  const note = staleBundleNote(manifest.sources, join(packageRoot(), "policies"), bundleDir);
  if (note) {
    staleWarned = true;
    process.stderr.write(`${note}\n`);
  }
}

/**
 * A bundle whose files matched their manifest digests (and, with a trusted key configured, the
 * signature), with policy.wasm compiled once.
 * Everything in it is structured-cloneable, so it can be handed to worker threads.
 */
export class VerifiedBundle {
  private constructor(
    readonly manifest: BundleManifest,
    readonly module: WebAssembly.Module,
    readonly data: unknown,
    readonly catalog: CatalogEntry[],
    readonly signatureVerified: boolean,
  ) {}

  static async read(bundleDir: string, options: { verificationKey?: string } = {}): Promise<VerifiedBundle> {
    const manifest = readManifest(bundleDir);
    const files: Record<string, Buffer> = {};
    for (const name of [BUNDLE_FILES.wasm, BUNDLE_FILES.data, BUNDLE_FILES.catalog])
      files[name] = readDigestedFile(bundleDir, manifest, name);
    checkRevision(manifest);
    // With a trusted key configured, the signature is checked before anything is compiled. The
    // bundle an installed package ships is always checked, with its shipped key by default.
    const keyPath = verificationKeyFor(bundleDir, options);
    if (keyPath) checkSignature(bundleDir, keyPath, files, manifest, "all");
    // Verified, and used as built; a bundle older than this checkout's policies/ is named (once).
    warnIfStale(manifest, bundleDir);
    let module: WebAssembly.Module;
    try {
      module = await WebAssembly.compile(files[BUNDLE_FILES.wasm]!);
    } catch (error) {
      throw new EngineError(`policy.wasm could not be compiled: ${describeThrown(error)}`);
    }
    return new VerifiedBundle(
      manifest,
      module,
      parseJson<unknown>(files[BUNDLE_FILES.data]!, BUNDLE_FILES.data),
      parseJson<CatalogEntry[]>(files[BUNDLE_FILES.catalog]!, BUNDLE_FILES.catalog),
      Boolean(keyPath),
    );
  }

  /** Rebuilds the object after structured cloning (class identity does not survive postMessage). */
  static revive(clone: VerifiedBundle): VerifiedBundle {
    return new VerifiedBundle(clone.manifest, clone.module, clone.data, clone.catalog, clone.signatureVerified);
  }
}

/** What `llmops policy list` and `policy explain` read from a bundle (readBundleCatalog). */
export interface BundleCatalog {
  readonly manifest: BundleManifest;
  readonly catalog: CatalogEntry[];
  /** Whether the catalogue was checked against the bundle's signature (a key was configured or shipped). */
  readonly signatureVerified: boolean;
}

/**
 * A bundle's catalogue, for inspection only (`llmops policy list|explain`): the manifest, then
 * catalog.json against its manifest digest and the manifest's revision, then, when a key is
 * configured (or the bundle is the one a package ships), the JWT's signature and its catalogue
 * claim, exactly as VerifiedBundle.read checks them. policy.wasm and data.json are neither read
 * nor compiled, so inspecting a bundle costs no WebAssembly compilation; every command that
 * evaluates still goes through VerifiedBundle.read, which verifies and compiles them (a bundle
 * whose policy.wasm is missing or corrupt lists, and is refused by validate, check and plan).
 * Throws EngineError (exit 2) on any mismatch, with the same messages as VerifiedBundle.read.
 */
export function readBundleCatalog(bundleDir: string, options: { verificationKey?: string } = {}): BundleCatalog {
  const manifest = readManifest(bundleDir);
  const catalogBytes = readDigestedFile(bundleDir, manifest, BUNDLE_FILES.catalog);
  checkRevision(manifest);
  const keyPath = verificationKeyFor(bundleDir, options);
  if (keyPath) checkSignature(bundleDir, keyPath, { [BUNDLE_FILES.catalog]: catalogBytes }, manifest, "catalog");
  warnIfStale(manifest, bundleDir);
  return {
    manifest,
    catalog: parseJson<CatalogEntry[]>(catalogBytes, BUNDLE_FILES.catalog),
    signatureVerified: Boolean(keyPath),
  };
}

function readBundleFile(bundleDir: string, name: string): Buffer {
  try {
    return readFileSync(join(bundleDir, name));
  } catch {
    throw new EngineError(
      `policy bundle is incomplete: ${join(bundleDir, name)} cannot be read; run \`llmops policy build\``,
    );
  }
}

function readManifest(bundleDir: string): BundleManifest {
  const bytes = readBundleFile(bundleDir, BUNDLE_FILES.manifest);
  try {
    return JSON.parse(bytes.toString("utf8")) as BundleManifest;
  } catch {
    throw new EngineError(`policy bundle manifest ${join(bundleDir, BUNDLE_FILES.manifest)} is not valid JSON`);
  }
}

/** One bundle file, refused unless its sha256 is the manifest's. */
function readDigestedFile(bundleDir: string, manifest: BundleManifest, name: string): Buffer {
  const expected = manifest.files?.[name];
  if (typeof expected !== "string") throw new EngineError(`policy bundle manifest lists no digest for ${name}`);
  const bytes = readBundleFile(bundleDir, name);
  const actual = sha256(bytes);
  if (actual !== expected) {
    throw new EngineError(
      `policy bundle file ${name} does not match its digest (expected sha256 ${expected}, got ${actual}); refusing to load`,
    );
  }
  return bytes;
}

function checkRevision(manifest: BundleManifest): void {
  const revision = bundleRevision(manifest.files);
  if (manifest.revision !== revision) {
    throw new EngineError(
      `policy bundle manifest revision ${String(manifest.revision)} does not match its files (expected ${revision}); refusing to load`,
    );
  }
}

/** The trusted key: the option, else LLMOPS_BUNDLE_VERIFICATION_KEY, else the shipped key for the shipped bundle. */
function verificationKeyFor(bundleDir: string, options: { verificationKey?: string }): string | undefined {
  return options.verificationKey ?? process.env[VERIFICATION_KEY_ENV] ?? packagedVerificationKey(bundleDir);
}

/** The JWT and the files it pins ("all": policy.wasm, data.json and the catalogue; "catalog": the catalogue's claim only). */
function checkSignature(
  bundleDir: string,
  keyPath: string,
  files: Readonly<Record<string, Buffer>>,
  manifest: BundleManifest,
  scope: "all" | "catalog",
): void {
  try {
    const key = readVerificationKey(keyPath);
    const catalogDigest = manifest.files[BUNDLE_FILES.catalog]!;
    if (scope === "all") verifyBundleSignature(bundleDir, key, files, catalogDigest);
    else verifyBundleCatalogClaim(bundleDir, key, catalogDigest);
  } catch (error) {
    if (error instanceof SignatureError)
      throw new EngineError(`policy bundle signature check failed: ${error.message}; refusing to load`);
    throw error;
  }
}

/**
 * Whether a finding's path lies at or under a value that was unknown (Pulumi preview). Such a
 * finding, or one whose message quotes the placeholder, judged the placeholder rather than a
 * value; the resource is reported as undetermined instead.
 */
function judgesUnknown(path: string, resources: RuntimeInput["resources"]): boolean {
  const match = /^\/resources\/(\d+)\/props(\/.*)?$/.exec(path);
  const unknowns = match ? resources[Number(match[1])]?.unknowns : undefined;
  if (!unknowns) return false;
  const inner = match?.[2] ?? "";
  return unknowns.some((unknown) => inner === unknown || inner.startsWith(`${unknown}/`));
}

function checkRaw(item: unknown): RawFinding {
  const candidate = item as Partial<RawFinding> | null;
  if (
    candidate === null ||
    typeof candidate !== "object" ||
    typeof candidate.id !== "string" ||
    typeof candidate.msg !== "string" ||
    typeof candidate.path !== "string" ||
    (candidate.resource !== undefined && typeof candidate.resource !== "string")
  ) {
    throw new EngineError(`policy emitted a malformed finding: ${describeThrown(item)}`);
  }
  return candidate as RawFinding;
}

function parseJson<T>(bytes: Buffer, name: string): T {
  try {
    return JSON.parse(bytes.toString("utf8")) as T;
  } catch {
    throw new EngineError(`policy bundle file ${name} is not valid JSON`);
  }
}

/** Time budget of one evaluation, in milliseconds. @default 10000 */
export function evaluationBudgetMs(): number {
  return positiveEnvNumber("LLMOPS_EVAL_BUDGET_MS", 10_000);
}

function positiveEnvNumber(name: string, fallback: number): number {
  const configured = Number(process.env[name]);
  return Number.isFinite(configured) && configured > 0 ? configured : fallback;
}
