/** Types of loopback-cert.mjs: a self-signed certificate for 127.0.0.1 made by openssl. */
export interface LoopbackCert {
  /** Path of the PEM private key (tls.key). */
  readonly key: string;
  /** Path of the PEM certificate (tls.crt). */
  readonly cert: string;
  /** openssl's exit status; null when it could not start. */
  readonly status: number | null;
  readonly stderr: string;
}

/** Writes tls.key and tls.crt for CN=localhost, IP:127.0.0.1, valid one day, into `dir`. Throws nothing. */
export function loopbackCert(dir: string): LoopbackCert;
