/** CIDR maths (property-tested): subnet layout inside the VPC, round trips, refusals. */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contains, formatCidr, layoutSubnets, overlaps, parseCidr } from "../../../components/aws/cidr.js";

describe("CIDR maths", () => {
  const vpc = fc
    .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 16, max: 20 }))
    .map(([a, b, prefix]) => {
      const base = 10 * 2 ** 24 + a * 2 ** 16 + b * 2 ** 8;
      const size = 2 ** (32 - prefix);
      return formatCidr({ base: base - (base % size), prefix });
    });

  it("lays out subnets inside the VPC, aligned and never overlapping", () => {
    fc.assert(
      fc.property(vpc, fc.integer({ min: 2, max: 6 }), fc.boolean(), (cidr, zones, withPublic) => {
        const layout = layoutSubnets(cidr, zones, withPublic);
        const all = [...layout.private, ...layout.data, ...layout.public, ...layout.firewall].map(parseCidr);
        expect(layout.private).toHaveLength(zones);
        expect(layout.data).toHaveLength(zones);
        expect(layout.public).toHaveLength(withPublic ? zones : 0);
        expect(layout.firewall).toHaveLength(withPublic ? zones : 0);
        for (const subnet of layout.firewall) expect(subnet).toMatch(/\/28$/);
        for (const subnet of all) expect(contains(parseCidr(cidr), subnet)).toBe(true);
        for (let i = 0; i < all.length; i++)
          for (let j = i + 1; j < all.length; j++) expect(overlaps(all[i]!, all[j]!)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("round-trips CIDRs and rejects host bits and garbage", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 }), (address, prefix) => {
        const size = 2 ** (32 - prefix);
        const cidr = formatCidr({ base: address - (address % size), prefix });
        expect(formatCidr(parseCidr(cidr))).toBe(cidr);
      }),
    );
    expect(() => parseCidr("10.0.0.1/16")).toThrow(/host bits/);
    expect(() => parseCidr("10.0.0.0/33")).toThrow(/not an IPv4 CIDR/);
    expect(() => parseCidr("300.0.0.0/8")).toThrow(/not an IPv4 CIDR/);
    expect(() => layoutSubnets("10.0.0.0/24", 3, true)).toThrow(/too small/);
  });
});
