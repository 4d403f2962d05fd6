package llmops.lib.cidr_test

import data.llmops.lib.cidr

# Range lists that admit the internet, in every spelling.
open_cases := {
	"IPv4 world": ["0.0.0.0/0"],
	"IPv6 world": ["::/0"],
	"two IPv4 halves": ["0.0.0.0/1", "128.0.0.0/1"],
	"one IPv4 half": ["128.0.0.0/1"],
	"IPv6 halves": ["::/1", "8000::/1"],
	"IPv6 global unicast": ["2000::/3"],
	"host bits set": ["0.1.2.3/0"],
	"quarters with a private range": ["10.0.0.0/8", "0.0.0.0/2", "64.0.0.0/2", "128.0.0.0/2", "192.0.0.0/2"],
	"one public /8": ["11.0.0.0/8"],
	"many /9s": ["11.0.0.0/9", "11.128.0.0/9"],
	"IPv6 beside a small IPv4": ["203.0.113.0/24", "::/0"],
	"duplicates and garbage": ["0.0.0.0/1", "0.0.0.0/1", "not-a-cidr", 7, "128.0.0.0/1"],
}

# Range lists that do not: private blocks, small public allowlists, nested duplicates.
closed_cases := {
	"empty": [],
	"private": ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"],
	"VPC": ["10.20.0.0/16"],
	"office": ["203.0.113.0/24", "198.51.100.10/32"],
	"a /9 of public space": ["11.0.0.0/9"],
	"nested duplicates of a /9": ["11.0.0.0/9", "11.0.0.0/10", "11.1.0.0/16", "11.0.0.0/9"],
	"IPv6 unique local": ["fc00::/7", "fe80::/10"],
	"IPv6 documentation": ["2001:db8::/32"],
	"IPv6 /48": ["2001:db8:1234::/48", "2a00:1450::/32"],
	"multicast and reserved": ["224.0.0.0/3"],
	"garbage": ["0.0.0.0", "0/0", "::", "1.2.3.4/33"],
}

test_open[note] if {
	some note, cidrs in open_cases
	cidr.open_to_internet(cidrs)
}

test_closed[note] if {
	some note, cidrs in closed_cases
	not cidr.open_to_internet(cidrs)
}

test_sets_and_arrays_agree if {
	cidr.open_to_internet({"0.0.0.0/1", "128.0.0.0/1"})
	not cidr.open_to_internet({"10.0.0.0/8"})
}

test_share_of_the_world if {
	# 0.0.0.0/0 minus the special-purpose IPv4 blocks in data.yaml.
	share := cidr.public_share(["0.0.0.0/0"], 4)
	share > 0.85
	share < 0.87
	cidr.public_share(["0.0.0.0/1", "128.0.0.0/1"], 4) == share
}

test_public_ranges if {
	cidr.public_ranges(["10.0.0.0/8", "128.0.0.0/1", "0.0.0.0/1"]) == ["0.0.0.0/1", "128.0.0.0/1"]
}
