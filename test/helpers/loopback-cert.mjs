// A throwaway self-signed TLS certificate for 127.0.0.1, made by openssl: the admission webhook's
// test and its latency benchmark both serve HTTPS on loopback with one. Plain JavaScript so that
// bench/ (run by node without a build) and the TypeScript tests share it (types: loopback-cert.d.mts).
import { spawnSync } from "node:child_process";
import { join } from "node:path";

/**
 * Writes an RSA-2048 key and a one-day certificate for CN=localhost, subjectAltName IP:127.0.0.1,
 * as tls.key and tls.crt in `dir`. Returns their paths with openssl's exit status and stderr
 * (status null when openssl could not start); throws nothing.
 */
export function loopbackCert(dir) {
  const key = join(dir, "tls.key");
  const cert = join(dir, "tls.crt");
  const made = spawnSync("openssl", [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "1",
    "-subj",
    "/CN=localhost",
    "-addext",
    "subjectAltName=IP:127.0.0.1",
    "-keyout",
    key,
    "-out",
    cert,
  ]);
  return { key, cert, status: made.status, stderr: String(made.stderr) };
}
