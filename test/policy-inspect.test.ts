/**
 * `llmops policy list` and `policy explain` on a bundle read its catalogue only (issue 21): the
 * manifest, catalog.json against its digest and, with a trusted key, the JWT and its catalogue
 * claim. policy.wasm is neither read nor compiled, so a bundle whose policy.wasm is missing or not
 * WebAssembly still lists, while every command that evaluates (check, validate) still refuses it.
 */
import { generateKeyPairSync, sign } from "node:crypto";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CATALOG_CLAIM, signedFileHash } from "../policies/engine/bundle-signature.js";
import { EngineError, VerifiedBundle, readBundleCatalog } from "../policies/engine/engine.js";
import { hasStackTrace, runCli, tempDir } from "./helpers/cli.js";
import { rehash } from "./helpers/bundles.js";
import { BUNDLE_DIR, bundleBuilt } from "./helpers/tools.js";

const ready = bundleBuilt();
const MANIFEST = join(BUNDLE_DIR, "manifest.json");
const RUNTIME_FILE = "examples/runtime/naive-vllm.helm-template.yaml";
const SPEC = "examples/campaign-summariser.rag.yaml";

function copyOfBundle(): string {
  const dir = join(tempDir("llmops-inspect-"), "bundle");
  cpSync(BUNDLE_DIR, dir, { recursive: true });
  return dir;
}

/** A policy.wasm that is not WebAssembly, with the manifest rewritten to match (digests alone pass). */
function corruptWasm(dir: string): void {
  writeFileSync(join(dir, "policy.wasm"), Buffer.from("this is not WebAssembly"));
  rehash(dir, "policy.wasm");
}

/**
 * Signs a bundle as `opa build --signing-key` does (.signatures.json: one RS256 JWT listing the
 * files' hashes, plus the catalogue claim), with a fresh key; returns the public key's path.
 */
function signBundle(dir: string): string {
  const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const header = Buffer.from(JSON.stringify({ alg: "RS256", typ: "JWT" })).toString("base64url");
  const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { files: Record<string, string> };
  const payload = Buffer.from(
    JSON.stringify({
      files: ["policy.wasm", "data.json"].map((name) => ({
        name,
        hash: signedFileHash(name, readFileSync(join(dir, name))),
        algorithm: "SHA-256",
      })),
      [CATALOG_CLAIM]: manifest.files["catalog.json"],
    }),
  ).toString("base64url");
  const signature = sign("sha256", Buffer.from(`${header}.${payload}`), pair.privateKey).toString("base64url");
  writeFileSync(join(dir, ".signatures.json"), JSON.stringify({ signatures: [`${header}.${payload}.${signature}`] }));
  const publicKey = join(dir, "..", "bundle.pub.pem");
  writeFileSync(publicKey, pair.publicKey.export({ type: "spki", format: "pem" }));
  return publicKey;
}

describe.skipIf(!ready)("policy list and explain read the catalogue, never the WebAssembly", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("readBundleCatalog compiles nothing; VerifiedBundle.read compiles policy.wasm (the control)", async () => {
    const compile = vi.spyOn(WebAssembly, "compile");
    // instantiate is outside the engine's slice of the WebAssembly typings (webassembly.d.ts).
    const instantiate = vi.spyOn(
      WebAssembly as unknown as { instantiate: (...args: unknown[]) => unknown },
      "instantiate",
    );
    const inspected = readBundleCatalog(BUNDLE_DIR);
    expect(compile).not.toHaveBeenCalled();
    expect(instantiate).not.toHaveBeenCalled();
    const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as { revision: string };
    expect(inspected.manifest.revision).toBe(manifest.revision);
    expect(inspected.signatureVerified).toBe(false);
    const loaded = await VerifiedBundle.read(BUNDLE_DIR);
    expect(compile).toHaveBeenCalledTimes(1);
    expect(inspected.catalog).toEqual(loaded.catalog);
  });

  it("lists and explains a bundle whose policy.wasm is not WebAssembly, which check and validate refuse", () => {
    const dir = copyOfBundle();
    corruptWasm(dir);
    const list = runCli(["policy", "list", "--bundle", dir, "--format", "json"]);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toBe(runCli(["policy", "list", "--format", "json"]).stdout);
    const explain = runCli(["policy", "explain", "LLM-K8S-001", "--bundle", dir]);
    expect(explain.status, explain.stderr).toBe(0);
    expect(explain.stdout).toMatch(/^LLM-K8S-001 \(high\) /);
    for (const evaluating of [
      ["check", RUNTIME_FILE],
      ["validate", SPEC],
    ]) {
      const run = runCli([...evaluating, "--bundle", dir, "--format", "json"]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/policy\.wasm could not be compiled/);
      expect(hasStackTrace(run.stderr)).toBe(false);
    }
  });

  it("lists a bundle with no policy.wasm at all; check refuses it as incomplete", () => {
    const dir = copyOfBundle();
    rmSync(join(dir, "policy.wasm"));
    const list = runCli(["policy", "list", "--bundle", dir]);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^LLM-K8S-001 +high +Containers run as non-root$/m);
    const check = runCli(["check", RUNTIME_FILE, "--bundle", dir]);
    expect(check.status).toBe(2);
    expect(check.stderr).toMatch(/policy bundle is incomplete: .*policy\.wasm cannot be read/);
  });

  it("still refuses a catalogue that does not match its manifest digest, and a manifest whose revision does not match", () => {
    const tampered = copyOfBundle();
    const catalog = JSON.parse(readFileSync(join(tampered, "catalog.json"), "utf8")) as Array<{ severity: string }>;
    catalog[0]!.severity = "low";
    writeFileSync(join(tampered, "catalog.json"), JSON.stringify(catalog));
    const list = runCli(["policy", "list", "--bundle", tampered]);
    expect(list.status).toBe(2);
    expect(list.stdout).toBe("");
    expect(list.stderr).toMatch(/policy bundle file catalog\.json does not match its digest .*refusing to load/);
    const revised = copyOfBundle();
    const manifest = JSON.parse(readFileSync(join(revised, "manifest.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(join(revised, "manifest.json"), JSON.stringify({ ...manifest, revision: "0000000000000000" }));
    const explain = runCli(["policy", "explain", "LLM-K8S-001", "--bundle", revised]);
    expect(explain.status).toBe(2);
    expect(explain.stderr).toMatch(/manifest revision 0000000000000000 does not match its files/);
    expect(() => readBundleCatalog(revised)).toThrow(EngineError);
  });

  it("with a trusted key, checks the JWT and its catalogue claim, and only those", () => {
    const dir = copyOfBundle();
    const key = signBundle(dir);
    const signed = runCli(["policy", "list", "--bundle", dir, "--verification-key", key]);
    expect(signed.status, signed.stderr).toBe(0);
    expect(readBundleCatalog(dir, { verificationKey: key }).signatureVerified).toBe(true);
    // policy.wasm replaced (manifest rewritten to match): the catalogue is still the signed one, so
    // it lists; evaluation checks policy.wasm against the JWT and refuses it.
    corruptWasm(dir);
    expect(runCli(["policy", "list", "--bundle", dir, "--verification-key", key]).status).toBe(0);
    const check = runCli(["check", RUNTIME_FILE, "--bundle", dir, "--verification-key", key]);
    expect(check.status).toBe(2);
    expect(check.stderr).toMatch(/policy\.wasm does not match its signed hash/);
    // A downgraded severity (manifest rewritten to match) breaks the catalogue claim.
    const catalog = JSON.parse(readFileSync(join(dir, "catalog.json"), "utf8")) as Array<{ severity: string }>;
    catalog[0]!.severity = "low";
    writeFileSync(join(dir, "catalog.json"), JSON.stringify(catalog));
    rehash(dir, "catalog.json");
    const downgraded = runCli(["policy", "list", "--bundle", dir, "--verification-key", key]);
    expect(downgraded.status).toBe(2);
    expect(downgraded.stderr).toMatch(
      /catalog\.json does not match the signed claim llmops_catalog_sha256.*refusing to load/,
    );
    // An unsigned bundle under a trusted key, and the wrong key, are refused too.
    const unsigned = copyOfBundle();
    expect(runCli(["policy", "list", "--bundle", unsigned, "--verification-key", key]).stderr).toMatch(
      /not signed \(no \.signatures\.json\)/,
    );
    const other = signBundle(copyOfBundle());
    const wrong = runCli(["policy", "explain", "LLM-K8S-001", "--bundle", dir, "--verification-key", other]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/does not verify with the configured key \(RS256\)/);
  });
});
