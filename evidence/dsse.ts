/**
 * DSSE envelopes (github.com/secure-systems-lab/dsse, protocol v1) around an in-toto Statement
 * v1 whose predicate is an EvaluationEvidence document.
 *
 * Written on node:crypto rather than with a library: DSSE's pre-authentication encoding is one
 * line (`DSSEv1 <len> <type> <len> <body>`), and node:crypto signs and verifies with Ed25519,
 * ECDSA and RSA keys in PEM. `jose` implements JWS, not DSSE, and sigstore-js brings Fulcio and
 * Rekor clients this offline gate does not use. Ed25519 and EdDSA keys sign the PAE directly;
 * ECDSA and RSA keys sign its SHA-256 digest (DSSE leaves the algorithm to the key).
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { UserFacingError } from "../schemas/user-facing-error.js";

export const DSSE_PAYLOAD_TYPE = "application/vnd.in-toto+json";
export const IN_TOTO_STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
/** The predicate type of an llmops evaluation evidence attestation. */
export const EVIDENCE_PREDICATE_TYPE = "https://llmops.dev/attestations/evaluation-evidence/v1";

export interface DsseEnvelope {
  readonly payloadType: string;
  /** Base64 of the serialised payload. */
  readonly payload: string;
  readonly signatures: ReadonlyArray<{ readonly keyid?: string; readonly sig: string }>;
}

/** A signature problem: the evidence cannot be trusted (exit 2, fail closed). */
export class EvidenceSignatureError extends UserFacingError {}

/** DSSE v1 pre-authentication encoding. Lengths are byte lengths of the UTF-8 type and the raw body. */
export function pae(payloadType: string, body: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, "utf8");
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${body.length} `), body]);
}

function digestFor(key: KeyObject): "sha256" | null {
  return key.asymmetricKeyType === "ed25519" || key.asymmetricKeyType === "ed448" ? null : "sha256";
}

/** Signs a payload with a PEM private key into a one-signature envelope. */
export function signEnvelope(
  payload: Uint8Array,
  privateKeyPem: string,
  payloadType = DSSE_PAYLOAD_TYPE,
  keyid?: string,
): DsseEnvelope {
  const key = createPrivateKey(privateKeyPem);
  const sig = sign(digestFor(key), pae(payloadType, payload), key).toString("base64");
  return {
    payloadType,
    payload: Buffer.from(payload).toString("base64"),
    signatures: [{ ...(keyid ? { keyid } : {}), sig }],
  };
}

/** Does this parsed value have the shape of a DSSE envelope? */
export function isEnvelope(value: unknown): value is DsseEnvelope {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.payloadType === "string" &&
    typeof candidate.payload === "string" &&
    Array.isArray(candidate.signatures)
  );
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Verifies an envelope with a PEM public key and returns the payload bytes.
 * At least one signature must verify; anything malformed fails.
 * @throws EvidenceSignatureError
 */
export function verifyEnvelope(envelope: DsseEnvelope, publicKeyPem: string, file: string): Buffer {
  let key: KeyObject;
  try {
    key = createPublicKey(publicKeyPem);
  } catch (error) {
    throw new EvidenceSignatureError(`evidence key is not a usable public key: ${(error as Error).message}`);
  }
  if (envelope.payloadType !== DSSE_PAYLOAD_TYPE)
    throw new EvidenceSignatureError(
      `${file}: DSSE payloadType ${JSON.stringify(envelope.payloadType)} is not ${DSSE_PAYLOAD_TYPE}`,
    );
  if (!BASE64.test(envelope.payload)) throw new EvidenceSignatureError(`${file}: DSSE payload is not base64`);
  const payload = Buffer.from(envelope.payload, "base64");
  const message = pae(envelope.payloadType, payload);
  const verified = envelope.signatures.some((signature) => {
    if (typeof signature?.sig !== "string" || !BASE64.test(signature.sig)) return false;
    try {
      return verify(digestFor(key), message, key, Buffer.from(signature.sig, "base64"));
    } catch {
      return false;
    }
  });
  if (!verified)
    throw new EvidenceSignatureError(
      `${file}: no DSSE signature verifies with the evidence key; the evidence may have been altered, refusing it`,
    );
  return payload;
}

/** The in-toto Statement v1 carrying one evidence document; the subject is the model weights. */
export function evidenceStatement(evidence: {
  subject: { model: { name: string; digest: string } };
}): Record<string, unknown> {
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [
      { name: evidence.subject.model.name, digest: { sha256: evidence.subject.model.digest.replace(/^sha256:/, "") } },
    ],
    predicateType: EVIDENCE_PREDICATE_TYPE,
    predicate: evidence,
  };
}
