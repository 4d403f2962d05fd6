/**
 * The signed policy bundle an installed package ships (issue 21). `npm pack` runs the prepack
 * step (scripts/prepack.sh), which builds the bundle through the whole gate, signs it with
 * `llmops policy build --signing-key` and ships it with the public half of the key:
 *
 *   release/bundle/            policy.wasm, data.json, catalog.json, manifest.json, .signatures.json
 *   release/bundle.pub.pem     the verification key (SPKI PEM); the private key never ships
 *
 * The engine treats this directory specially in one way only: loading it always verifies its
 * signature, with the configured key (--verification-key, LLMOPS_BUNDLE_VERIFICATION_KEY) or
 * else with the shipped key. A missing key or signature fails closed (EngineError, exit 2).
 */
import { existsSync, realpathSync } from "node:fs";
import { join, resolve } from "node:path";
import { packageRoot } from "../../schemas/package-root.js";
import { BUNDLE_FILES } from "./bundle-layout.js";

/** Package-relative directory of the shipped bundle and its key (package.json "files" lists it). */
export const PACKAGED_DIR = "release";

/** Absolute paths of the shipped bundle and its verification key, whether or not they exist. */
export function packagedBundle(): { readonly dir: string; readonly verificationKey: string } {
  const release = join(packageRoot(), PACKAGED_DIR);
  return { dir: join(release, "bundle"), verificationKey: join(release, "bundle.pub.pem") };
}

/** Whether a prebuilt, signed bundle ships with this copy of the package (its manifest is present). */
export function hasPackagedBundle(): boolean {
  return existsSync(join(packagedBundle().dir, BUNDLE_FILES.manifest));
}

/**
 * The key that must verify `bundleDir` when nothing else is configured: the shipped key when
 * `bundleDir` is the shipped bundle (compared as real paths, so a symlink or a relative path to
 * it is the same bundle), otherwise undefined (no signature required).
 */
export function packagedVerificationKey(bundleDir: string): string | undefined {
  const packaged = packagedBundle();
  return sameDirectory(bundleDir, packaged.dir) ? packaged.verificationKey : undefined;
}

function sameDirectory(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}
