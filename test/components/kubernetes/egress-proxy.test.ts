/** The egress proxy's pure parts: the Squid configuration from the allowlist, the client environment and rule, and the shared domain form. */
import { describe, expect, it } from "vitest";
import {
  EGRESS_PROXY_PORT,
  EGRESS_PROXY_ROLE,
  proxyEgressRule,
  proxyEnv,
  squidConfig,
} from "../../../components/kubernetes/egress-proxy.js";
import { allowlistDomain, allowlistDomains } from "../../../components/egress-domains.js";

describe("squid.conf from the spec's allowlist", () => {
  const config = squidConfig(["login.example.com", "*.example.org", "api.example.org", "login.example.com"]);
  const lines = config.split("\n");

  it("allows CONNECT to 443 of the listed hosts only; an exact host under a wildcard is left to the wildcard", () => {
    expect(lines).toContain("acl allowlisted dstdomain -n .example.org login.example.com");
    const access = lines.filter((line) => line.startsWith("http_access"));
    expect(access).toEqual([
      "http_access deny !CONNECT",
      "http_access deny !tls_port",
      "http_access allow CONNECT tls_port allowlisted",
      "http_access deny all",
    ]);
    expect(lines).toContain("acl tls_port port 443");
    expect(lines).toContain(`http_port ${EGRESS_PROXY_PORT}`);
  });

  it("caches nothing and logs to stdout/stderr, writing only to its emptyDirs", () => {
    expect(lines).toEqual(expect.arrayContaining(["cache deny all", "cache_mem 0 MB", "access_log stdio:/dev/stdout"]));
    expect(config).not.toMatch(/^cache_dir/m);
    expect(lines).toContain("pid_filename /var/run/squid/squid.pid");
    expect(lines).toEqual(expect.arrayContaining(["forwarded_for delete", "via off"]));
  });

  it("refuses an empty allowlist and a non-host entry", () => {
    expect(() => squidConfig([])).toThrow(/at least one allowed host/);
    expect(() => squidConfig(["http://x"])).toThrow(/not a host name/);
  });
});

describe("the allowlist has the same form on AWS Network Firewall and in Squid", () => {
  it.each([
    ["login.example.com", "login.example.com"],
    ["*.example.com", ".example.com"],
  ])("%s → %s", (host, domain) => {
    expect(allowlistDomain(host)).toBe(domain);
  });

  it("drops exact hosts a wildcard covers (the domain itself too), keeps the rest, sorted", () => {
    expect(allowlistDomains(["b.example.com", "example.com", "*.example.com", "a.other.org"])).toEqual([
      ".example.com",
      "a.other.org",
    ]);
    expect(allowlistDomains(["xexample.com", "*.example.com"])).toEqual([".example.com", "xexample.com"]);
  });
});

describe("proxy clients", () => {
  const route = {
    role: EGRESS_PROXY_ROLE,
    port: EGRESS_PROXY_PORT,
    url: "http://egress-proxy.ns.svc.cluster.local:3128",
  };

  it("get HTTPS_PROXY and HTTP_PROXY (both cases) and NO_PROXY for the cluster's own names", () => {
    const env = Object.fromEntries(proxyEnv(route).map((entry) => [entry.name, entry.value]));
    expect(env.HTTPS_PROXY).toBe(route.url);
    expect(env.http_proxy).toBe(route.url);
    expect(String(env.NO_PROXY).split(",")).toEqual(expect.arrayContaining([".svc", ".cluster.local", "localhost"]));
  });

  it("reach the proxy pods on the proxy port only", () => {
    expect(proxyEgressRule(route)).toEqual({
      to: [{ podSelector: { matchLabels: { "llmops.dev/role": "egress-proxy" } } }],
      ports: [{ protocol: "TCP", port: 3128 }],
    });
  });
});
