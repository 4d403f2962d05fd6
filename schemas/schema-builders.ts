/**
 * Small builders over TypeBox that make every schema node strict and bounded by
 * construction: objects refuse unknown keys, strings carry a maxLength, arrays a
 * maxItems. Keeping the bounds in the builders means no field can forget them.
 */
import {
  Type,
  type TSchema,
  type TProperties,
  type TObject,
  type TArray,
  type TString,
  type TUnsafe,
} from "@sinclair/typebox";

interface Doc {
  readonly description?: string;
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
}

/** A closed object: unknown keys are schema violations. */
export function Obj<P extends TProperties>(properties: P, doc: Doc = {}): TObject<P> {
  return Type.Object(properties, { additionalProperties: false, ...doc });
}

/** A bounded string. A `pattern` is only accepted together with a maxLength (no unbounded regex input). */
export function Str(
  maxLength: number,
  doc: Doc & { pattern?: string; minLength?: number; format?: string } = {},
): TString {
  return Type.String({ minLength: 1, maxLength, ...doc });
}

/** A closed set of strings, emitted as `enum` (clearer errors than anyOf/const). */
export function Enum<const V extends readonly string[]>(values: V, doc: Doc = {}): TUnsafe<V[number]> {
  return Type.Unsafe<V[number]>({ type: "string", enum: [...values], ...doc });
}

/** A bounded array. */
export function Arr<T extends TSchema>(
  items: T,
  maxItems: number,
  doc: Doc & { minItems?: number; uniqueItems?: boolean } = {},
): TArray<T> {
  return Type.Array(items, { maxItems, ...doc });
}

/** An integer between `minimum` and `maximum`, inclusive. */
export function Int(minimum: number, maximum: number, doc: Doc = {}) {
  return Type.Integer({ minimum, maximum, ...doc });
}

/** A number between `minimum` and `maximum`, inclusive. */
export function Num(minimum: number, maximum: number, doc: Doc = {}) {
  return Type.Number({ minimum, maximum, ...doc });
}

/** A boolean. */
export function Bool(doc: Doc = {}) {
  return Type.Boolean(doc);
}

/** An optional property (TypeBox's Type.Optional). */
export const Optional = <T extends TSchema>(schema: T) => Type.Optional(schema);

/** Patterns used in several places. Each is anchored and linear (no nested quantifiers). */
export const patterns = {
  dnsLabel: "^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$",
  sha256Digest: "^sha256:[a-f0-9]{64}$",
  awsRegion: "^[a-z]{2}(-gov)?-[a-z]+-[0-9]$",
  isoDuration: "^P(T?[0-9]{1,6}[SMHDW])+$",
  isoDate: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
  email: "^[^@\\s]{1,64}@[^@\\s]{1,190}$",
  ipv4Cidr: "^([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}$",
  // An IPv4 CIDR, or an IPv6 one (hex groups and colons, `::` compression, a /0-/128 prefix):
  // client ranges of a public listener may be either.
  ipCidr: "^(([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}|[0-9a-fA-F:]{2,39}/[0-9]{1,3})$",
  hostname: "^(\\*\\.)?[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$",
  policyId: "^LLM-[A-Z0-9]{2,8}-[0-9]{3}$",
  httpsUrl: "^https://[^\\s]{1,2040}$",
  httpUrl: "^https?://[^\\s]{1,240}$",
  acmCertificateArn: "^arn:aws[a-z-]{0,10}:acm:[a-z0-9-]{1,30}:[0-9]{12}:certificate/[a-f0-9-]{36}$",
  labelKey: "^[a-z0-9]([a-z0-9./_-]{0,61}[a-z0-9])?$",
} as const;
