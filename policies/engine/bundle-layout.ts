import { sha256 } from "./digest.js";
import type { PolicySources } from "./policy-sources.js";

/** The files of a built policy bundle and the manifest that pins them. */
export const BUNDLE_FILES = {
  wasm: "policy.wasm",
  data: "data.json",
  catalog: "catalog.json",
  manifest: "manifest.json",
} as const;

/** Where the CLI, the stack program and the policy pack find the trusted public key (a PEM file). */
export const VERIFICATION_KEY_ENV = "LLMOPS_BUNDLE_VERIFICATION_KEY";

export const SPEC_ENTRYPOINT = "llmops/main/spec_findings";
export const RUNTIME_ENTRYPOINT = "llmops/main/runtime_findings";
export const ENTRYPOINTS = [SPEC_ENTRYPOINT, RUNTIME_ENTRYPOINT] as const;

export interface BundleManifest {
  readonly schemaVersion: 1;
  /** Content-addressed: the same sources always give the same revision. */
  readonly revision: string;
  readonly opaVersion: string;
  readonly entrypoints: readonly string[];
  /** sha256 (hex) of each bundle file, verified before the engine loads anything. */
  readonly files: Readonly<Record<string, string>>;
  /**
   * The policies directory the bundle was built from and a digest of its sources, so a stale
   * bundle can be named (policy-sources.ts). Absent in bundles built before it was recorded.
   */
  readonly sources?: PolicySources;
}

/** Content address of a bundle: the same files always give the same revision. */
export function bundleRevision(digests: Readonly<Record<string, string>>): string {
  return sha256(
    Buffer.from(
      Object.entries(digests)
        .sort()
        .map(([name, digest]) => `${name}:${digest}`)
        .join("\n"),
    ),
  ).slice(0, 16);
}
