/**
 * Pulumi's wire forms of values that are not plain JSON, as they appear in `pulumi preview
 * --json` and `pulumi stack export`:
 *   - the unknown sentinel (a value not computed yet during preview), the UUID string
 *     04da6b54-80e4-46f7-96ec-b56ff0331ba9 (sdk/go/common/resource/plugin UnknownStringValue;
 *     the Node SDK's `unknownValue`): replaced by UNKNOWN_VALUE and its path recorded, so no
 *     check judges it as an image name or a CIDR, and the report says it is undetermined;
 *   - the secret envelope {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
 *     "ciphertext" | "plaintext" | "value"} (sdk/go/common/resource/sig: Key, Secret): a
 *     secret written into a manifest is still a literal in that manifest, so the envelope is
 *     replaced by its plaintext (decoded from JSON), or by the literal SECRET_VALUE when only
 *     ciphertext is present, and the secret checks see a literal value.
 */
import { UNKNOWN_VALUE } from "../runtime-input.js";

export const PULUMI_UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const SECRET_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";
/** What an encrypted secret reads as: a non-empty literal string. */
export const SECRET_VALUE = "[secret]";

/**
 * A copy of `value` with unknowns replaced by UNKNOWN_VALUE (their JSON Pointers, relative to
 * `value`, pushed onto `unknowns`) and secret envelopes opened.
 */
export function readPulumiValue(value: unknown, unknowns: string[], path = ""): unknown {
  if (value === PULUMI_UNKNOWN) {
    unknowns.push(path);
    return UNKNOWN_VALUE;
  }
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item, index) => readPulumiValue(item, unknowns, `${path}/${index}`));
  const record = value as Record<string, unknown>;
  if (record[SECRET_SIGNATURE_KEY] === SECRET_SIGNATURE) return readPulumiValue(openSecret(record), unknowns, path);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) {
    out[key] = readPulumiValue(item, unknowns, `${path}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`);
  }
  return out;
}

function openSecret(envelope: Record<string, unknown>): unknown {
  if ("value" in envelope) return envelope.value; // the engine's in-memory form
  if (typeof envelope.plaintext === "string") {
    try {
      return JSON.parse(envelope.plaintext) as unknown;
    } catch {
      return envelope.plaintext;
    }
  }
  return SECRET_VALUE;
}
