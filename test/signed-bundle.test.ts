/**
 * Signed bundles: `llmops policy build --signing-key` signs with OPA's own --signing-key; with a
 * trusted key configured, the engine refuses (exit 2) any bundle whose JWT, file hashes or catalog
 * claim do not verify, and any unsigned bundle. Outputs record whether the signature was verified.
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, hasStackTrace, runCli, tempDir } from "./helpers/cli.js";
import { BUNDLE_DIR, bundleBuilt, requireTool } from "./helpers/tools.js";
import { rehash } from "./helpers/bundles.js";
import {
  CATALOG_CLAIM,
  SignatureError,
  signedFileHash,
  verifyBundleSignature,
} from "../policies/engine/bundle-signature.js";

const ready = bundleBuilt() && requireTool("opa") !== undefined && requireTool("regal") !== undefined;
const SPEC = join(ROOT, "examples/campaign-summariser.rag.yaml");

function writeKeyPair(
  dir: string,
  name: string,
  type: "rsa" | "ec" = "rsa",
): { privateKey: string; publicKey: string } {
  const pair =
    type === "rsa"
      ? generateKeyPairSync("rsa", { modulusLength: 2048 })
      : generateKeyPairSync("ec", { namedCurve: "P-256" });
  const privateKey = join(dir, `${name}.pem`);
  const publicKey = join(dir, `${name}.pub.pem`);
  writeFileSync(privateKey, pair.privateKey.export({ type: "pkcs8", format: "pem" }));
  writeFileSync(publicKey, pair.publicKey.export({ type: "spki", format: "pem" }));
  return { privateKey, publicKey };
}

describe.skipIf(!ready)("signed policy bundles through the CLI", () => {
  let keys: { privateKey: string; publicKey: string };
  let otherKeys: { privateKey: string; publicKey: string };
  let signed = "";

  const copyOfSigned = (): string => {
    const dir = join(tempDir("llmops-signed-"), "bundle");
    cpSync(signed, dir, { recursive: true });
    return dir;
  };
  const validate = (bundle: string, key: string | undefined, format = "json") =>
    runCli(["validate", SPEC, "--bundle", bundle, "--format", format, ...(key ? ["--verification-key", key] : [])]);

  beforeAll(() => {
    const dir = tempDir("llmops-keys-");
    keys = writeKeyPair(dir, "bundle");
    otherKeys = writeKeyPair(dir, "other");
    signed = join(dir, "signed-bundle");
    const built = runCli(["policy", "build", "--signing-key", keys.privateKey, "--bundle", signed], {
      timeoutMs: 280_000,
    });
    if (built.status !== 0) throw new Error(`signed build failed:\n${built.stderr}`);
    expect(built.stderr).toMatch(/revision [0-9a-f]{16} \(signed, RS256\)/);
  }, 300_000);

  it("signing does not change the policy: the signed bundle has the unsigned bundle's revision", () => {
    const revision = (dir: string) =>
      (JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { revision: string }).revision;
    expect(revision(signed)).toBe(revision(BUNDLE_DIR));
  });

  it("verifies with the trusted key, and every output format records it", () => {
    const json = validate(signed, keys.publicKey);
    expect(json.status).toBe(0);
    expect(
      (JSON.parse(json.stdout) as { bundle: { signatureVerified: boolean; digestsVerified: boolean } }).bundle,
    ).toMatchObject({ signatureVerified: true, digestsVerified: true });
    const sarif = validate(signed, keys.publicKey, "sarif");
    expect(
      (JSON.parse(sarif.stdout) as { runs: Array<{ properties: Record<string, unknown> }> }).runs[0]!.properties,
    ).toMatchObject({ bundleSignatureVerified: true });
    expect(validate(signed, keys.publicKey, "pretty").stdout).toMatch(/\(signature verified\)/);
  });

  it("without a trusted key the signed bundle still loads, recorded as not verified", () => {
    const json = validate(signed, undefined);
    expect(json.status).toBe(0);
    expect((JSON.parse(json.stdout) as { bundle: { signatureVerified: boolean } }).bundle.signatureVerified).toBe(
      false,
    );
  });

  it("an empty LLMOPS_BUNDLE_VERIFICATION_KEY is no key: nothing is claimed as verified", () => {
    const result = runCli(["validate", SPEC, "--bundle", signed, "--format", "json"], {
      env: { LLMOPS_BUNDLE_VERIFICATION_KEY: "" },
    });
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as { bundle: { signatureVerified: boolean } }).bundle.signatureVerified).toBe(
      false,
    );
  });

  it("the key can come from LLMOPS_BUNDLE_VERIFICATION_KEY (how the stack program and the pack get it)", () => {
    const result = runCli(["check", "examples/runtime", "--bundle", signed, "--format", "json"], {
      env: { LLMOPS_BUNDLE_VERIFICATION_KEY: otherKeys.publicKey },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/does not verify with the configured key/);
  });

  const faults: Array<[string, (dir: string) => void, RegExp]> = [
    [
      "an unsigned bundle",
      (dir) => cpSync(BUNDLE_DIR, dir, { recursive: true }),
      /not signed \(no \.signatures\.json\)/,
    ],
    [
      "a tampered data.json, manifest rewritten to match",
      (dir) => {
        const data = JSON.parse(readFileSync(join(dir, "data.json"), "utf8")) as {
          llmops: { params: Record<string, unknown> };
        };
        data.llmops.params = { ...data.llmops.params, tampered: true };
        writeFileSync(join(dir, "data.json"), JSON.stringify(data));
        rehash(dir, "data.json");
      },
      /data\.json does not match its signed hash/,
    ],
    [
      "a catalog with a downgraded severity, manifest rewritten to match",
      (dir) => {
        const catalog = JSON.parse(readFileSync(join(dir, "catalog.json"), "utf8")) as Array<{ severity: string }>;
        catalog[0]!.severity = "info";
        writeFileSync(join(dir, "catalog.json"), JSON.stringify(catalog));
        rehash(dir, "catalog.json");
      },
      /catalog\.json does not match the signed claim llmops_catalog_sha256/,
    ],
    [
      "a replaced policy.wasm, manifest rewritten to match",
      (dir) => {
        const wasm = readFileSync(join(dir, "policy.wasm"));
        writeFileSync(join(dir, "policy.wasm"), Buffer.concat([wasm, Buffer.from([0, 1, 2])]));
        rehash(dir, "policy.wasm");
      },
      /policy\.wasm does not match its signed hash/,
    ],
    [
      "a JWT payload edited to list the forged hash",
      (dir) => {
        const signatures = JSON.parse(readFileSync(join(dir, ".signatures.json"), "utf8")) as { signatures: string[] };
        const [header, payload, signature] = signatures.signatures[0]!.split(".") as [string, string, string];
        const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
        claims[CATALOG_CLAIM] = "0".repeat(64);
        signatures.signatures[0] = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
        writeFileSync(join(dir, ".signatures.json"), JSON.stringify(signatures));
      },
      /JWT signature does not verify/,
    ],
    [
      "a .signatures.json that is not JSON",
      (dir) => writeFileSync(join(dir, ".signatures.json"), "{"),
      /\.signatures\.json is not valid JSON/,
    ],
  ];

  it.each(faults)("%s fails closed with exit 2, naming what did not match", (_name, tamper, message) => {
    const dir = join(tempDir("llmops-signed-"), "bundle");
    if (_name === "an unsigned bundle") tamper(dir);
    else {
      cpSync(signed, dir, { recursive: true });
      tamper(dir);
    }
    const result = validate(dir, keys.publicKey);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/refusing to load/);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it("the wrong key fails closed", () => {
    const result = validate(copyOfSigned(), otherKeys.publicKey);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/does not verify with the configured key \(RS256\)/);
  });

  it("an unreadable key and a key that is not PEM are exit 2 with the path", () => {
    const notPem = join(tempDir(), "key.pem");
    writeFileSync(notPem, "not a key");
    expect(validate(signed, "/nonexistent/key.pem").stderr).toMatch(
      /verification key \/nonexistent\/key\.pem cannot be read/,
    );
    const result = validate(signed, notPem);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/is not a PEM public key/);
  });

  it("policy build refuses a signing key it cannot read before running the gate", () => {
    const out = join(tempDir(), "bundle");
    const result = runCli(["policy", "build", "--signing-key", join(tempDir(), "missing.pem"), "--bundle", out]);
    expect(result.status).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(result.stderr).toMatch(/signing key .* cannot be read as a PEM private key/);
  });
});

describe("signature verification rules (unit)", () => {
  const files = { "policy.wasm": Buffer.from("wasm bytes"), "data.json": Buffer.from('{"b":1,"a":"<&>"}\n') };
  const catalogDigest = "c".repeat(64);

  function bundleSignedWith(alg: string, key: KeyObject, payloadOverride: Record<string, unknown> = {}): string {
    const dir = tempDir("llmops-jwt-");
    mkdirSync(dir, { recursive: true });
    const header = Buffer.from(JSON.stringify({ alg, typ: "JWT" })).toString("base64url");
    const payload = Buffer.from(
      JSON.stringify({
        files: Object.entries(files).map(([name, bytes]) => ({
          name,
          hash: signedFileHash(name, bytes),
          algorithm: "SHA-256",
        })),
        [CATALOG_CLAIM]: catalogDigest,
        ...payloadOverride,
      }),
    ).toString("base64url");
    const hash = `sha${alg.slice(2)}`;
    const signature = alg.startsWith("ES")
      ? sign(hash, Buffer.from(`${header}.${payload}`), { key, dsaEncoding: "ieee-p1363" })
      : alg.startsWith("PS")
        ? sign(hash, Buffer.from(`${header}.${payload}`), { key, padding: 6, saltLength: 32 })
        : alg === "HS256" || alg === "none"
          ? Buffer.from("x")
          : sign(hash, Buffer.from(`${header}.${payload}`), key);
    writeFileSync(
      join(dir, ".signatures.json"),
      JSON.stringify({ signatures: [`${header}.${payload}.${signature.toString("base64url")}`] }),
    );
    return dir;
  }

  const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });

  it.each([
    ["RS256", rsa],
    ["PS256", rsa],
    ["ES256", ec],
  ] as const)("%s signatures verify", (alg, pair) => {
    expect(() =>
      verifyBundleSignature(bundleSignedWith(alg, pair.privateKey), pair.publicKey, files, catalogDigest),
    ).not.toThrow();
  });

  it.each(["none", "HS256"])("the %s algorithm is refused", (alg) => {
    expect(() =>
      verifyBundleSignature(bundleSignedWith(alg, rsa.privateKey), rsa.publicKey, files, catalogDigest),
    ).toThrow(/is not accepted/);
  });

  it("JSON files are hashed in OPA's canonical form (sorted keys, compact, no HTML escaping)", () => {
    expect(signedFileHash("data.json", files["data.json"])).toBe(
      createHash("sha256").update('{"a":"<&>","b":1}').digest("hex"),
    );
    expect(signedFileHash("policy.wasm", files["policy.wasm"])).toBe(
      createHash("sha256").update("wasm bytes").digest("hex"),
    );
  });

  it("a loaded file the JWT does not list, or hashes with another algorithm, is refused", () => {
    const unlisted = bundleSignedWith("RS256", rsa.privateKey, {
      files: [{ name: "/data.json", hash: signedFileHash("data.json", files["data.json"]) }],
    });
    expect(() => verifyBundleSignature(unlisted, rsa.publicKey, files, catalogDigest)).toThrow(
      new SignatureError(".signatures.json: policy.wasm is not listed in the signed file list"),
    );
    const md5 = bundleSignedWith("RS256", rsa.privateKey, {
      files: Object.keys(files).map((name) => ({ name, hash: "x", algorithm: "MD5" })),
    });
    expect(() => verifyBundleSignature(md5, rsa.publicKey, files, catalogDigest)).toThrow(/only SHA-256 is accepted/);
  });

  it("more than one signature, or a token that is not a JWT, is refused", () => {
    const dir = tempDir("llmops-jwt-");
    writeFileSync(join(dir, ".signatures.json"), JSON.stringify({ signatures: ["a.b.c", "d.e.f"] }));
    expect(() => verifyBundleSignature(dir, rsa.publicKey, files, catalogDigest)).toThrow(/exactly one signature/);
    writeFileSync(join(dir, ".signatures.json"), JSON.stringify({ signatures: ["abc"] }));
    expect(() => verifyBundleSignature(dir, rsa.publicKey, files, catalogDigest)).toThrow(/not a JWT/);
  });
});
