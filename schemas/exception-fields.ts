/**
 * The fields of one waiver, shared by the spec's `exceptions[]` (spec-schema.ts) and the
 * entries of a waiver file (waiver-schema.ts), so both are the same shape. Kept in a module of
 * its own so the waiver file's schema does not build the whole spec schema (~190 ms).
 */
import { Optional, Str, patterns } from "./schema-builders.js";

export const ExceptionFields = {
  policyId: Str(16, { pattern: patterns.policyId }),
  reason: Str(1000, { description: "Why the policy does not apply or is accepted." }),
  approver: Str(256, { pattern: patterns.email }),
  expires: Str(10, {
    pattern: patterns.isoDate,
    description: "Expiry date (YYYY-MM-DD). An expired waiver no longer applies.",
  }),
  path: Optional(Str(512, { description: "Limit the waiver to one JSON Pointer." })),
};
