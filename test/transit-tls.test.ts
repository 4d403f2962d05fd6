/**
 * The pure pieces of TLS in transit (components/kubernetes/transit-tls.ts and the servers' own TLS
 * arguments): what nginx, Valkey and the callers are given, checked as their documents read it.
 */
import { describe, expect, it } from "vitest";
import {
  caTrust,
  httpsAppProtocol,
  routePortName,
  scheme,
  tlsProxyConfig,
  type InClusterTls,
} from "../components/kubernetes/transit-tls.js";
import { LIMITER_PORT, valkeyArgs } from "../components/kubernetes/limiter-store.js";
import { PGVECTOR_TLS_HBA } from "../components/kubernetes/vector-database.js";

const TLS: InClusterTls = {
  issuer: "llmops-ca",
  caSecret: "llmops-ca",
  proxyImage: { repository: "registry.example/nginx-unprivileged", digest: `sha256:${"b".repeat(64)}` },
};

describe("TLS in transit, as each server and caller reads its configuration", () => {
  it("the sidecar terminates TLS on every listed port and proxies to loopback only, with no plain listener", () => {
    const conf = tlsProxyConfig(
      [
        { listen: 8080, upstream: 8010 },
        { listen: 8443, upstream: 8011 },
      ],
      "1.3",
    );
    expect(conf.match(/listen \d+ ssl;/g)).toEqual(["listen 8080 ssl;", "listen 8443 ssl;"]);
    expect(conf).not.toMatch(/listen \d+;/);
    expect(conf).toContain("proxy_pass http://127.0.0.1:8010;");
    expect(conf).toContain("proxy_pass http://127.0.0.1:8011;");
    expect(conf).not.toMatch(/proxy_pass http:\/\/(?!127\.0\.0\.1)/);
    expect(conf).toMatch(/ssl_protocols TLSv1\.3;/);
    expect(tlsProxyConfig([{ listen: 3000, upstream: 8010 }])).toMatch(/ssl_protocols TLSv1\.2 TLSv1\.3;/);
    // Streamed completions pass through as they come.
    expect(conf).toContain("proxy_buffering off;");
    expect(conf.split("{").length).toBe(conf.split("}").length);
    expect([routePortName({ listen: 8080, upstream: 1 }, 0), routePortName({ listen: 8443, upstream: 2 }, 1)]).toEqual([
      "https",
      "https-8443",
    ]);
  });

  it("callers get only the CA's certificate, a bundle that keeps the system roots, and the variables TLS clients read", () => {
    const trust = caTrust(TLS);
    const ca = trust.volumes.find((volume) => volume.name === "llmops-ca")!;
    expect(ca.secret).toEqual({ secretName: "llmops-ca", items: [{ key: "ca.crt", path: "ca.crt" }] });
    expect(trust.env).toEqual([
      { name: "SSL_CERT_FILE", value: "/etc/llmops-trust/ca-bundle.crt" },
      { name: "REQUESTS_CA_BUNDLE", value: "/etc/llmops-trust/ca-bundle.crt" },
    ]);
    const command = (trust.initContainer.command as string[]).join(" ");
    expect(command).toContain("set -eu");
    expect(command).toContain(
      "cat /etc/ssl/certs/ca-certificates.crt /etc/llmops-ca/ca.crt > /etc/llmops-trust/ca-bundle.crt",
    );
    expect(trust.mounts.every((mount) => mount.readOnly === true)).toBe(true);
    expect(trust.initContainer.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
    });
  });

  it("Valkey listens on TLS only with TLS in transit (port 0 turns the plain listener off), and as before without it", () => {
    const args = valkeyArgs(true);
    expect(args[args.indexOf("--port") + 1]).toBe("0");
    expect(args[args.indexOf("--tls-port") + 1]).toBe(String(LIMITER_PORT));
    expect(args[args.indexOf("--tls-auth-clients") + 1]).toBe("no");
    expect(args[args.indexOf("--tls-protocols") + 1]).toBe("TLSv1.2 TLSv1.3");
    expect(valkeyArgs(true, "1.3")[valkeyArgs(true, "1.3").indexOf("--tls-protocols") + 1]).toBe("TLSv1.3");
    expect(valkeyArgs(false)).toEqual([
      "valkey-server",
      "--port",
      String(LIMITER_PORT),
      "--requirepass",
      "$(VALKEY_PASSWORD)",
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      "/tmp",
    ]);
  });

  it("pgvector admits password logins over TLS only", () => {
    const lines = PGVECTOR_TLS_HBA.trim().split("\n");
    expect(lines.filter((line) => /^host(?!ssl)/.test(line))).toEqual([]);
    expect(lines).toContain("hostssl all all all scram-sha-256");
  });

  it("without TLS nothing changes: http URLs and no appProtocol", () => {
    expect(scheme(undefined)).toBe("http");
    expect(httpsAppProtocol(undefined)).toEqual({});
    expect(scheme(TLS)).toBe("https");
    expect(httpsAppProtocol(TLS)).toEqual({ appProtocol: "https" });
  });
});
