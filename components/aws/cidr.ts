/**
 * IPv4 CIDR arithmetic for the network layout, as pure functions (property-tested).
 * The VPC is carved into equal-size private (workload) subnets, smaller data subnets and,
 * only when NAT egress is allowed, small public subnets and /28 firewall subnets (the AWS
 * Network Firewall endpoints' own subnets): one of each per availability zone.
 */

export interface Cidr {
  /** Network address as an unsigned 32-bit integer. */
  readonly base: number;
  readonly prefix: number;
}

/**
 * Parses `a.b.c.d/n` into its network address (unsigned 32-bit integer) and prefix length.
 * @throws RangeError when the text is not an IPv4 CIDR (an octet over 255, a prefix over 32) or has host bits set (the message names the network it meant)
 */
export function parseCidr(text: string): Cidr {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!match) throw new RangeError(`not an IPv4 CIDR: ${text}`);
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix > 32) throw new RangeError(`not an IPv4 CIDR: ${text}`);
  const address = octets.reduce((value, octet) => value * 256 + octet, 0);
  const size = 2 ** (32 - prefix);
  if (address % size !== 0)
    throw new RangeError(
      `${text} has host bits set; the network is ${formatCidr({ base: address - (address % size), prefix })}`,
    );
  return { base: address, prefix };
}

/** `a.b.c.d/n`: the inverse of parseCidr. */
export function formatCidr(cidr: Cidr): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(cidr.base / 2 ** shift) % 256);
  return `${octets.join(".")}/${cidr.prefix}`;
}

/** Number of addresses in the block: 2^(32 − prefix). */
export function size(cidr: Cidr): number {
  return 2 ** (32 - cidr.prefix);
}

/** True when `inner` lies wholly inside `outer` (a block contains itself). */
export function contains(outer: Cidr, inner: Cidr): boolean {
  return (
    inner.prefix >= outer.prefix && inner.base >= outer.base && inner.base + size(inner) <= outer.base + size(outer)
  );
}

/** True when the two blocks share at least one address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + size(b) && b.base < a.base + size(a);
}

export interface SubnetLayout {
  readonly private: string[];
  readonly data: string[];
  readonly public: string[];
  /** One /28 per zone for the Network Firewall endpoint, only with public subnets (the smallest subnet AWS allows, and what its deployment guides use). */
  readonly firewall: string[];
}

/**
 * Private subnets take 1/8 of the VPC each (1/16 beyond four zones), leaving room for pods
 * with the VPC CNI; data subnets take 1/32, public subnets 1/64 and firewall subnets a /28.
 * Blocks are allocated largest first, so every block stays aligned to its size.
 */
export function layoutSubnets(vpcCidr: string, zones: number, withPublic: boolean): SubnetLayout {
  const vpc = parseCidr(vpcCidr);
  if (zones < 1 || zones > 6) throw new RangeError(`zones must be 1..6, got ${zones}`);
  const privatePrefix = vpc.prefix + (zones <= 4 ? 3 : 4);
  const dataPrefix = vpc.prefix + 5;
  const publicPrefix = vpc.prefix + 6;
  if (publicPrefix > 28) throw new RangeError(`${vpcCidr} is too small; use a /22 or larger VPC`);
  let cursor = vpc.base;
  const take = (prefix: number): string => {
    const block = { base: cursor, prefix };
    cursor += size(block);
    if (!contains(vpc, block)) throw new RangeError(`${vpcCidr} cannot hold ${zones} zones of subnets`);
    return formatCidr(block);
  };
  const privateSubnets = Array.from({ length: zones }, () => take(privatePrefix));
  const dataSubnets = Array.from({ length: zones }, () => take(dataPrefix));
  const publicSubnets = withPublic ? Array.from({ length: zones }, () => take(publicPrefix)) : [];
  const firewallSubnets = withPublic ? Array.from({ length: zones }, () => take(28)) : [];
  return { private: privateSubnets, data: dataSubnets, public: publicSubnets, firewall: firewallSubnets };
}
