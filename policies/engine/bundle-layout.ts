/** The files of a built policy bundle and the manifest that pins them. */
export const BUNDLE_FILES = {
  wasm: "policy.wasm",
  data: "data.json",
  catalog: "catalog.json",
  manifest: "manifest.json",
} as const;

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
}
