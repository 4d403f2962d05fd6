# METADATA
# title: Shared helper deciding whether address ranges admit the internet
# description: >-
#   One decision for every check that reads CIDRs (security groups and their rules, EKS
#   publicAccessCidrs, Service loadBalancerSourceRanges, the spec's allowedCidrs): a list of
#   ranges is open to the internet when, together, it covers at least
#   data.llmops.params.internet_open_share of the IPv4 or of the IPv6 address space, not
#   counting the special-purpose blocks in data.llmops.params.non_internet_cidrs. Writing
#   0.0.0.0/0 as 0.0.0.0/1 + 128.0.0.0/1, or ::/0 in an IPv6 field, changes nothing.
# scope: package
package llmops.lib.cidr

params := data.llmops.params

# Coverage is counted in units of 2^-32 of a family's space: exact for IPv4 (one unit is one
# address) and, for IPv6, exact for every prefix up to /32. Longer IPv6 prefixes count zero;
# the threshold is many orders of magnitude above them. Integers stay below 2^33 in every
# runtime (OPA's Go evaluator and its WebAssembly one).
unit_bits := 32

# A syntactically valid CIDR string ("a.b.c.d/n" or an IPv6 address with "/n").
valid(cidr) if {
	is_string(cidr)
	regex.match(`^[0-9]{1,3}(\.[0-9]{1,3}){3}/([0-9]|[12][0-9]|3[0-2])$`, cidr)
}

valid(cidr) if {
	is_string(cidr)
	regex.match(`^[0-9A-Fa-f:.]{2,45}/([0-9]|[1-9][0-9]|1[01][0-9]|12[0-8])$`, cidr)
	contains(cidr, ":")
}

family(cidr) := 6 if contains(cidr, ":")

family(cidr) := 4 if not contains(cidr, ":")

prefix(cidr) := to_number(split(cidr, "/")[1])

# Units (2^-32 of the family's space) a CIDR covers.
span_units(cidr) := bits.lsh(1, unit_bits - prefix(cidr)) if prefix(cidr) <= unit_bits

span_units(cidr) := 0 if prefix(cidr) > unit_bits

# The same network written twice ("10.0.0.0/8", "10.1.2.3/8") counts once: each class of
# mutually-containing CIDRs is represented by its smallest string.
representatives(cidrs) := {rep |
	some c in cidrs
	same := {d | some d in cidrs; family(d) == family(c); net.cidr_contains(d, c); net.cidr_contains(c, d)}
	rep := min(same)
}

# CIDR blocks are nested or disjoint, so the union of a list is the disjoint union of its
# blocks that no other block contains.
outermost(cidrs) := {c |
	reps := representatives(cidrs)
	some c in reps
	not contained_in_other(c, reps)
}

contained_in_other(c, reps) if {
	some d in reps
	d != c
	family(d) == family(c)
	net.cidr_contains(d, c)
}

# Units of `cidr` that internet clients can come from: the special-purpose blocks (disjoint from
# one another) are taken out.
public_units(cidr) := 0 if {
	some reserved in params.non_internet_cidrs
	family(reserved) == family(cidr)
	net.cidr_contains(reserved, cidr)
}

public_units(cidr) := span_units(cidr) - sum([span_units(reserved) |
	some reserved in params.non_internet_cidrs
	family(reserved) == family(cidr)
	net.cidr_contains(cidr, reserved)
]) if {
	not inside_reserved(cidr)
}

inside_reserved(cidr) if {
	some reserved in params.non_internet_cidrs
	family(reserved) == family(cidr)
	net.cidr_contains(reserved, cidr)
}

# Share (0..1) of family `fam`'s address space that `cidrs` admit from the internet.
public_share(cidrs, fam) := sum([public_units(c) |
	some c in outermost({c | some c in cidrs; valid(c); family(c) == fam})
]) / bits.lsh(1, unit_bits)

# True when the ranges, together, admit the internet in either address family.
open_to_internet(cidrs) if {
	some fam in [4, 6]
	public_share(cidrs, fam) >= params.internet_open_share
}

# The ranges in `cidrs` that admit some internet address, sorted, for messages.
public_ranges(cidrs) := sort([c | some c in {c | some c in cidrs; valid(c); public_units(c) > 0}])
