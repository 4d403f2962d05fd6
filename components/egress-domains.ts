/**
 * The spec's egress allowlist (network.egress.allowlist) in the one form both enforcement points
 * read: AWS Network Firewall's domain list (components/aws/egress-firewall.ts) and Squid's
 * `dstdomain` ACL (components/kubernetes/egress-proxy.ts). Both write "this domain and every
 * subdomain" with a leading dot (`.example.com`) and an exact host without one, so one pure
 * function keeps the two targets' semantics identical:
 * - `login.example.com` matches that host only;
 * - `*.example.com` becomes `.example.com`: example.com and every subdomain of it
 *   (Network Firewall developer guide, "Domain list rule groups"; Squid's `acl dstdomain`).
 */

import * as pulumi from "@pulumi/pulumi";

/** The spec's host name pattern (schemas/schema-builders.ts `hostname`): an optional `*.` and a lowercase DNS name. */
const SPEC_HOST = /^(\*\.)?([a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?)$/;

/**
 * A spec host name in leading-dot form (`*.example.com` → `.example.com`, others unchanged).
 * @throws RangeError on anything that is not a spec host name
 */
export function allowlistDomain(host: string): string {
  const match = SPEC_HOST.exec(host);
  if (!match) throw new RangeError(`not a host name: ${host}`);
  return match[1] ? `.${match[2]}` : match[2]!;
}

/**
 * The allowlist in leading-dot form, deduplicated and sorted, with every exact host that a
 * wildcard entry already covers left out (Squid refuses a `dstdomain` list holding both
 * `.example.com` and `www.example.com`; the firewall matches the same set either way).
 * @throws RangeError on an entry that is not a spec host name
 */
export function allowlistDomains(allowlist: readonly string[]): string[] {
  const domains = [...new Set(allowlist.map(allowlistDomain))];
  const wildcards = domains.filter((domain) => domain.startsWith("."));
  const covered = (domain: string) =>
    wildcards.some((wildcard) => wildcard !== domain && (domain === wildcard.slice(1) || domain.endsWith(wildcard)));
  return domains.filter((domain) => !covered(domain)).sort();
}

/**
 * Refuses an empty allowlist or an entry that is not a spec host name, for a component's Args.
 * @param empty the reason given for an empty list (what the component cannot build without a host)
 * @throws pulumi.InputPropertyError with propertyPath `allowlist` or `allowlist[i]`
 */
export function validateAllowlist(allowlist: readonly string[], empty: string): void {
  if (allowlist.length === 0) throw new pulumi.InputPropertyError({ propertyPath: "allowlist", reason: empty });
  for (const [i, host] of allowlist.entries()) {
    try {
      allowlistDomain(host);
    } catch (error) {
      throw new pulumi.InputPropertyError({ propertyPath: `allowlist[${i}]`, reason: (error as Error).message });
    }
  }
}
