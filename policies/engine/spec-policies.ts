/** Wires the engine to the spec pipeline: evaluate the spec entrypoint, then apply waivers. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../schemas/package-root.js";
import { BUNDLE_FILES } from "./bundle-layout.js";
import { hasPackagedBundle, packagedBundle } from "./packaged-bundle.js";
import { PolicyEngine } from "./engine.js";
import { SCHEMA_RULE } from "./finding.js";
import type { SpecPolicyEvaluator } from "./validate-specs.js";
import { EXPIRED_WAIVER_RULE, applyWaivers, todayUtc, type Exception } from "./waivers.js";

export { packageRoot };

/**
 * The bundle the engine uses when none is named: LLMOPS_BUNDLE when set; else dist/bundle, the
 * bundle `llmops policy build` writes in a checkout; else the signed bundle an installed package
 * ships (release/bundle, packaged-bundle.ts), which is always verified against its key. When
 * none exists, dist/bundle is named, so the error says what to build.
 */
export function defaultBundleDir(): string {
  if (process.env.LLMOPS_BUNDLE) return process.env.LLMOPS_BUNDLE;
  const built = join(packageRoot(), "dist", "bundle");
  if (!existsSync(join(built, BUNDLE_FILES.manifest)) && hasPackagedBundle()) return packagedBundle().dir;
  return built;
}

/**
 * Loads and verifies the bundle in `bundleDir` (default: defaultBundleDir()) and returns the spec-policy evaluator, with waivers judged against `today` (YYYY-MM-DD, UTC), and the engine itself.
 * @throws EngineError, SignatureError or InputError when the bundle is missing, incomplete, altered or unsigned where a key is required
 */
export async function loadSpecPolicies(
  bundleDir = defaultBundleDir(),
  today = todayUtc(),
): Promise<SpecPolicyEvaluator & { engine: PolicyEngine }> {
  return specPoliciesFrom(await PolicyEngine.load(bundleDir), today);
}

/**
 * Spec evaluation (policies, then waivers) on a loaded engine. `extraInput` is merged beside
 * the document's own keys: `{ evidence, baseline }` when evidence is evaluated, so Rego sees
 * input.evidence beside input.spec (see evidence/evidence-set.ts for its shape).
 */
export function specPoliciesFrom(
  engine: PolicyEngine,
  today = todayUtc(),
  extraInput: Readonly<Record<string, unknown>> = {},
): SpecPolicyEvaluator & { engine: PolicyEngine } {
  const knownIds = new Set([...engine.catalog.keys(), SCHEMA_RULE.id]);
  return {
    engine,
    rules: [...engine.rulesFor("spec"), EXPIRED_WAIVER_RULE],
    bundle: engine.bundle,
    evaluateSpec(spec) {
      const context = { file: spec.file, locate: (pointer: string) => spec.locate(pointer) };
      const findings = engine.evaluate(
        Object.keys(extraInput).length === 0 ? spec.value : { ...spec.value, ...extraInput },
        context,
      );
      const exceptions = (spec.value.spec.exceptions ?? []) as Exception[];
      return applyWaivers(findings, exceptions, { ...context, knownIds, today });
    },
  };
}
