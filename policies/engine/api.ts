/**
 * The engine API of the installed package (`import … from "responsible-llmops/engine"`):
 * load a verified policy bundle, evaluate a spec file or runtime configs, get findings.
 *
 *   const engine = await loadEngine();                      // the packaged, signed bundle
 *   const report = await validateSpecs(["stack.yaml"]);      // schema + spec policies
 *   const checked = await checkRuntimeFiles(["rendered/"]);  // runtime policies
 *
 * Every function fails closed: a bundle that does not verify, or a policy that cannot be
 * evaluated, throws EngineError; unreadable or malformed input throws InputError (with file,
 * line and column). Findings follow the contract in finding.ts.
 */
import { readRuntimeFile } from "./adapters/read-runtime-file.js";
import { checkRuntime } from "./check-runtime.js";
import { PolicyEngine } from "./engine.js";
import type { Report } from "./report.js";
import type { RuntimeInput, RuntimeResource } from "./runtime-input.js";
import { defaultBundleDir, specPoliciesFrom } from "./spec-policies.js";
import { validateSpecFiles } from "./validate-specs.js";

export { PolicyEngine, VerifiedBundle, EngineError, type EvaluationContext, type Placement } from "./engine.js";
export { defaultBundleDir, loadSpecPolicies } from "./spec-policies.js";
export { packagedBundle, hasPackagedBundle } from "./packaged-bundle.js";
export {
  BUNDLE_FILES,
  SPEC_ENTRYPOINT,
  RUNTIME_ENTRYPOINT,
  VERIFICATION_KEY_ENV,
  type BundleManifest,
} from "./bundle-layout.js";
export {
  SEVERITIES,
  blockingFindings,
  compareFindings,
  type Finding,
  type Severity,
  type FrameworkMappings,
  type Waiver,
} from "./finding.js";
export type { Report, RuleMetadata, BundleInfo, Undetermined } from "./report.js";
export type { RuntimeInput, RuntimeResource, InputKind } from "./runtime-input.js";
export { readRuntimeFile, NotRuntimeConfigError, type RuntimeFile } from "./adapters/read-runtime-file.js";
export { InputError } from "../../input/input-error.js";

/** Where the bundle comes from. */
export interface EngineOptions {
  /**
   * A bundle directory (policy.wasm, data.json, catalog.json, manifest.json).
   * @default defaultBundleDir(): LLMOPS_BUNDLE, a checkout's dist/bundle, or the packaged signed bundle
   */
  readonly bundleDir?: string;
}

/**
 * Loads and verifies a bundle (sha256 of every file against the manifest; the JWT signature when
 * a verification key is configured, and always for the packaged bundle), then compiles it.
 * @throws EngineError when a file is missing, a digest or signature does not match, or the WebAssembly does not load
 */
export function loadEngine(options: EngineOptions = {}): Promise<PolicyEngine> {
  return PolicyEngine.load(options.bundleDir ?? defaultBundleDir());
}

/**
 * `llmops validate` as a function: each file's documents are checked against the JSON Schema,
 * and the schema-valid ones against the spec policies (with the spec's own waivers applied).
 * @param files spec files (YAML or JSON, several documents allowed)
 * @returns a report whose findings are sorted by file, line and id
 * @throws InputError for an unreadable or malformed file; EngineError as loadEngine
 */
export async function validateSpecs(files: readonly string[], options: EngineOptions = {}): Promise<Report> {
  const engine = await loadEngine(options);
  return validateSpecFiles(files, specPoliciesFrom(engine));
}

/**
 * `llmops check` as a function: reads runtime configs (an llmops plan, `pulumi preview --json`,
 * `pulumi stack export`, Kubernetes YAML or `kubectl get -o json`, detected from content) and
 * evaluates the runtime policies over all their resources in one decision.
 * @param spec the spec document the configs were built from (metadata and spec), for the checks
 *   that tie declared controls to resources; an llmops plan carries its own
 * @throws InputError for an unreadable or malformed file, or one that is not a runtime config
 */
export async function checkRuntimeFiles(
  files: readonly string[],
  options: EngineOptions & { readonly spec?: unknown } = {},
): Promise<Report> {
  const engine = await loadEngine(options);
  let spec = options.spec;
  const resources: RuntimeResource[] = [];
  for (const file of files) {
    const read = readRuntimeFile(file);
    spec ??= read.spec;
    resources.push(...read.resources);
  }
  return checkRuntime(engine, { resources, ...(spec === undefined ? {} : { spec }) }, files);
}

/**
 * Evaluates the runtime policies on a runtime-input document already in memory:
 * `{ resources: [{ urn, type, name, props, parent? }], spec? }` (type is the Pulumi type token;
 * a Kubernetes object maps to `kubernetes:<group/version>:<Kind>`).
 * @returns the findings, sorted; findings carry no file positions (the input has no file)
 */
export function evaluateRuntimeDocument(engine: PolicyEngine, document: RuntimeInput): Report {
  return checkRuntime(engine, document, []);
}
