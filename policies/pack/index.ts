/**
 * The CrossGuard policy pack: `pulumi preview --policy-pack policies/pack`.
 * The catalog is read (and its digest checked) synchronously so the pack can declare its
 * policies at load; the WebAssembly engine is compiled on first use and verified in full.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PolicyPack } from "@pulumi/policy";
import { PolicyEngine } from "../engine/engine.js";
import { BUNDLE_FILES, type BundleManifest } from "../engine/bundle-layout.js";
import type { CatalogEntry } from "../engine/catalog-entry.js";
import { sha256 } from "../engine/digest.js";
import { defaultBundleDir } from "../engine/spec-policies.js";
import { buildPolicies } from "./policies.js";

const bundleDir = defaultBundleDir();
const manifest = JSON.parse(readFileSync(join(bundleDir, BUNDLE_FILES.manifest), "utf8")) as BundleManifest;
const catalogBytes = readFileSync(join(bundleDir, BUNDLE_FILES.catalog));
if (sha256(catalogBytes) !== manifest.files[BUNDLE_FILES.catalog]) {
  throw new Error(`policy bundle catalog in ${bundleDir} does not match its digest; refusing to load the pack`);
}
const catalog = JSON.parse(catalogBytes.toString("utf8")) as CatalogEntry[];

let engine: Promise<PolicyEngine> | undefined;

new PolicyPack("llmops", {
  description: `Responsible-LLMOps runtime policies, bundle revision ${manifest.revision}`,
  policies: buildPolicies(catalog, () => (engine ??= PolicyEngine.load(bundleDir))),
});
