import { createHash } from "node:crypto";

/** Lower-case hex SHA-256 of `bytes` (64 characters). */
export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
