/**
 * In-process tests of the evidence reading path: DSSE PAE as the DSSE spec writes it, sign and
 * verify with Ed25519 and ECDSA keys, tampering and unsigned documents refused, and
 * prepareEvidence turning files into input.evidence with ages at the given time.
 */
import { generateKeyPairSync } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EvidenceSignatureError, evidenceStatement, pae, signEnvelope, verifyEnvelope } from "../evidence/dsse.js";
import { EvidenceUsageError, prepareEvidence } from "../evidence/gate-input.js";
import { loadEvidenceFile } from "../schemas/load-evidence.js";
import { tempDir } from "./helpers/cli.js";

const EVIDENCE = "examples/evidence/campaign-summariser.evidence.yaml";

describe("DSSE", () => {
  it("encodes PAE as DSSE v1 specifies", () => {
    // The DSSE protocol document's example: PAE("http://example.com/HelloWorld", "hello world").
    expect(pae("http://example.com/HelloWorld", Buffer.from("hello world")).toString()).toBe(
      "DSSEv1 29 http://example.com/HelloWorld 11 hello world",
    );
  });

  it.each(["ed25519", "ec"] as const)("signs and verifies with %s keys, and refuses a changed payload", (type) => {
    const pair =
      type === "ed25519" ? generateKeyPairSync("ed25519") : generateKeyPairSync("ec", { namedCurve: "P-256" });
    const privatePem = pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const publicPem = pair.publicKey.export({ type: "spki", format: "pem" }).toString();
    const envelope = signEnvelope(Buffer.from('{"a":1}'), privatePem);
    expect(verifyEnvelope(envelope, publicPem, "e.json").toString()).toBe('{"a":1}');
    const changed = { ...envelope, payload: Buffer.from('{"a":2}').toString("base64") };
    expect(() => verifyEnvelope(changed, publicPem, "e.json")).toThrow(EvidenceSignatureError);
    const other = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(() => verifyEnvelope(envelope, other, "e.json")).toThrow(/no DSSE signature verifies/);
  });
});

describe("prepareEvidence", () => {
  it("hands Rego the documents with their file, digest and age", async () => {
    const prepared = await prepareEvidence({ evidence: [EVIDENCE], asOf: "2026-12-01T00:00:00Z" });
    const [document] = prepared.extraInput.evidence as Array<{
      loaded: { file: string; sha256: string; ageSeconds: number };
    }>;
    const produced = Date.parse((await loadEvidenceFile(EVIDENCE))[0]!.value.metadata.producedAt) / 1000;
    expect(document!.loaded.file).toBe(EVIDENCE);
    expect(document!.loaded.ageSeconds).toBe(Math.floor(Date.parse("2026-12-01T00:00:00Z") / 1000 - produced));
    expect(prepared.report.evaluated).toBe(true);
    expect(prepared.extraInput).not.toHaveProperty("baseline");
  });

  it("evaluates nothing without --evidence, and refuses a lone baseline or key", async () => {
    expect(await prepareEvidence({})).toEqual({ extraInput: {}, report: { evaluated: false, documents: [] } });
    await expect(prepareEvidence({ baseline: [EVIDENCE] })).rejects.toThrow(EvidenceUsageError);
    await expect(prepareEvidence({ evidenceKey: "k.pem" })).rejects.toThrow(EvidenceUsageError);
    await expect(prepareEvidence({ evidence: [EVIDENCE], asOf: "yesterday" })).rejects.toThrow(/RFC 3339/);
  });

  it("accepts a signed statement under the key and refuses the unsigned file", async () => {
    const dir = tempDir();
    const pair = generateKeyPairSync("ed25519");
    const key = join(dir, "pub.pem");
    writeFileSync(key, pair.publicKey.export({ type: "spki", format: "pem" }));
    const [document] = await loadEvidenceFile(EVIDENCE);
    const envelope = signEnvelope(
      Buffer.from(JSON.stringify(evidenceStatement(document!.value))),
      pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    );
    const signed = join(dir, "signed.json");
    writeFileSync(signed, JSON.stringify(envelope));
    const prepared = await prepareEvidence({ evidence: [signed], evidenceKey: key });
    expect(prepared.report.documents[0]!.signed).toBe(true);
    await expect(prepareEvidence({ evidence: [EVIDENCE], evidenceKey: key })).rejects.toThrow(/not signed/);
    await expect(prepareEvidence({ evidence: [signed] })).rejects.toThrow(/pass --evidence-key/);
  });
});
