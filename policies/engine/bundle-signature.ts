/**
 * Bundle signatures, in OPA's own format: `opa build --signing-key` writes .signatures.json, one
 * JWT whose payload lists every bundle file with its SHA-256. The engine checks the JWT against a
 * configured public key and then every file it loads against the JWT, before loading anything.
 *
 * Hand-written rather than a JOSE library on purpose: the only operations are one signature check
 * with node:crypto and a hash comparison, and the rules (which algorithms, which files must be
 * listed, which claims must match) are the security-relevant part either way.
 */
import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BUNDLE_FILES } from "./bundle-layout.js";
import { sha256 } from "./digest.js";
import { sortKeys } from "./sort-keys.js";

export const SIGNATURES_FILE = ".signatures.json";
/** Custom JWT claim (opa build --claims-file): catalog.json is ours, not OPA's, so the JWT pins it by digest. */
export const CATALOG_CLAIM = "llmops_catalog_sha256";

/** A bundle signature or verification key that does not verify or cannot be read (the engine refuses the bundle, exit 2). */
export class SignatureError extends Error {}

interface JwtFileEntry {
  readonly name: string;
  readonly hash: string;
  readonly algorithm?: string;
}

const ALGORITHMS: Record<string, { hash: string; ecdsa?: boolean; pss?: boolean }> = {
  RS256: { hash: "sha256" },
  RS384: { hash: "sha384" },
  RS512: { hash: "sha512" },
  PS256: { hash: "sha256", pss: true },
  PS384: { hash: "sha384", pss: true },
  PS512: { hash: "sha512", pss: true },
  ES256: { hash: "sha256", ecdsa: true },
  ES384: { hash: "sha384", ecdsa: true },
  ES512: { hash: "sha512", ecdsa: true },
};

/** The signing algorithms accepted (asymmetric only: a shared HMAC secret would have to ship with every verifier). */
export const SIGNING_ALGORITHMS = Object.keys(ALGORITHMS);
export const DEFAULT_SIGNING_ALGORITHM = "RS256";

/** The files the engine loads that OPA signs; catalog.json is pinned by CATALOG_CLAIM instead. */
const SIGNED_FILES = [BUNDLE_FILES.wasm, BUNDLE_FILES.data] as const;

/**
 * Reads a PEM public key for bundle verification.
 * @throws SignatureError when the file cannot be read or is not a public key
 */
export function readVerificationKey(path: string): KeyObject {
  let pem: Buffer;
  try {
    pem = readFileSync(path);
  } catch {
    throw new SignatureError(`the bundle verification key ${path} cannot be read`);
  }
  try {
    return createPublicKey(pem);
  } catch {
    throw new SignatureError(`the bundle verification key ${path} is not a PEM public key (or certificate)`);
  }
}

/** What OPA hashes: JSON files in canonical form (sorted keys, compact), every other file as bytes. */
export function signedFileHash(name: string, bytes: Buffer): string {
  if (!name.endsWith(".json") && name !== ".manifest") return sha256(bytes);
  return sha256(Buffer.from(JSON.stringify(sortKeys(JSON.parse(bytes.toString("utf8"))))));
}

/**
 * Verifies the bundle's JWT with the key, then the signed files about to be loaded (`files`, by
 * bundle file name) against it, then catalog.json's sha256 (`catalogDigest`) against its claim.
 */
export function verifyBundleSignature(
  bundleDir: string,
  key: KeyObject,
  files: Readonly<Record<string, Buffer>>,
  catalogDigest: string,
): void {
  const payload = verifiedPayload(bundleDir, key);
  if (!Array.isArray(payload.files)) throw new SignatureError(`${SIGNATURES_FILE}: the JWT lists no files`);
  const listed = new Map<string, JwtFileEntry>();
  for (const entry of payload.files as JwtFileEntry[]) {
    if (typeof entry?.name === "string") listed.set(entry.name.replace(/^\//, ""), entry);
  }
  for (const name of SIGNED_FILES) {
    const bytes = files[name];
    if (!bytes) throw new SignatureError(`${name} is missing from the bundle being verified`);
    const entry = listed.get(name);
    if (!entry) throw new SignatureError(`${SIGNATURES_FILE}: ${name} is not listed in the signed file list`);
    if ((entry.algorithm ?? "SHA-256").toUpperCase() !== "SHA-256")
      throw new SignatureError(
        `${SIGNATURES_FILE}: ${name} is hashed with ${entry.algorithm}; only SHA-256 is accepted`,
      );
    const actual = signedFileHash(name, bytes);
    if (actual !== entry.hash)
      throw new SignatureError(`${name} does not match its signed hash (signed ${entry.hash}, got ${actual})`);
  }
  checkCatalogClaim(payload, catalogDigest);
}

/**
 * Verifies the bundle's JWT with the key and catalog.json's sha256 (`catalogDigest`) against its
 * claim, and nothing else: what inspecting a bundle's catalogue (`llmops policy list|explain`)
 * needs, since it loads neither policy.wasm nor data.json. Evaluation never uses this; it calls
 * verifyBundleSignature, which checks every file it loads.
 */
export function verifyBundleCatalogClaim(bundleDir: string, key: KeyObject, catalogDigest: string): void {
  checkCatalogClaim(verifiedPayload(bundleDir, key), catalogDigest);
}

/** The JWT payload of .signatures.json, once its signature verifies with the key. */
function verifiedPayload(bundleDir: string, key: KeyObject): Record<string, unknown> {
  let raw: string;
  try {
    raw = readFileSync(join(bundleDir, SIGNATURES_FILE), "utf8");
  } catch {
    throw new SignatureError(
      `the policy bundle is not signed (no ${SIGNATURES_FILE}) but a verification key is configured; build it with \`llmops policy build --signing-key <pem>\``,
    );
  }
  let token: unknown;
  try {
    token = (JSON.parse(raw) as { signatures?: unknown }).signatures;
  } catch {
    throw new SignatureError(`${SIGNATURES_FILE} is not valid JSON`);
  }
  if (!Array.isArray(token) || token.length !== 1 || typeof token[0] !== "string") {
    throw new SignatureError(`${SIGNATURES_FILE} must hold exactly one signature`);
  }
  const parts = token[0].split(".");
  if (parts.length !== 3)
    throw new SignatureError(`${SIGNATURES_FILE}: the signature is not a JWT (header.payload.signature)`);
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart, "header") as { alg?: unknown };
  const algorithm = typeof header.alg === "string" ? ALGORITHMS[header.alg] : undefined;
  if (!algorithm)
    throw new SignatureError(
      `${SIGNATURES_FILE}: signing algorithm ${JSON.stringify(header.alg)} is not accepted (accepted: ${SIGNING_ALGORITHMS.join(", ")})`,
    );
  const signedBytes = Buffer.from(`${headerPart}.${payloadPart}`);
  const signature = Buffer.from(signaturePart, "base64url");
  let valid = false;
  try {
    valid = verify(
      algorithm.hash,
      signedBytes,
      {
        key,
        ...(algorithm.ecdsa ? { dsaEncoding: "ieee-p1363" as const } : {}),
        ...(algorithm.pss
          ? { padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: -1 /* RSA_PSS_SALTLEN_DIGEST */ }
          : {}),
      },
      signature,
    );
  } catch {
    valid = false;
  }
  if (!valid)
    throw new SignatureError(
      `${SIGNATURES_FILE}: the JWT signature does not verify with the configured key (${String(header.alg)})`,
    );
  return decodeJson(payloadPart, "payload");
}

function checkCatalogClaim(payload: Readonly<Record<string, unknown>>, catalogDigest: string): void {
  if (payload[CATALOG_CLAIM] !== catalogDigest) {
    throw new SignatureError(
      `${BUNDLE_FILES.catalog} does not match the signed claim ${CATALOG_CLAIM} (signed ${String(payload[CATALOG_CLAIM])}, got ${catalogDigest})`,
    );
  }
}

function decodeJson(part: string, what: string): Record<string, unknown> {
  try {
    const value = JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as unknown;
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new SignatureError(`${SIGNATURES_FILE}: the JWT ${what} is not a JSON object`);
}
