# METADATA
# title: An internet-facing AWS load balancer terminates TLS
# description: >-
#   An HTTP listener on an internet-facing Application Load Balancer that does not redirect to
#   HTTPS, or an HTTP listener on an internet-facing Classic Load Balancer, carries credentials
#   and prompts across the internet in clear text: the AWS counterpart of LLM-CTRL-006, with the
#   same severity. A TCP or UDP listener is not judged: it may carry TLS end to end to targets
#   that terminate it. A listener whose load balancer is not in the input is not judged either.
# scope: package
# custom:
#   id: LLM-AWS-038
#   severity: critical
#   remediation: >-
#     Serve HTTPS (an ACM certificate on an HTTPS or TLS listener), and give an HTTP listener
#     only a redirect action to HTTPS; or make the load balancer internal.
#   frameworks:
#     aws-fsbp: ["ELB.1", "ELB.3"]
#     owasp-llm-2025: ["LLM02:2025"]
#     nist-ai-600-1: ["Information Security"]
package llmops.runtime.aws.public_lb_tls

import data.llmops.lib.runtime as lib

v2_types := {"aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"}

listener_types := {"aws:lb/listener:Listener", "aws:alb/listener:Listener"}

deny contains {"id": "LLM-AWS-038", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/protocol"]), "resource": listener.urn} if {
	some i, listener in input.resources
	listener.type in listener_types
	upper(object.get(listener.props, "protocol", "")) == "HTTP"
	not redirects_to_https(listener)
	some balancer in input.resources
	balancer.type in v2_types
	internet_facing(balancer)
	serves(listener, balancer)
	msg := concat("", ["listener ", lib.text(listener.name), " serves plain HTTP on internet-facing load balancer ", lib.text(balancer.name)])
}

deny contains {"id": "LLM-AWS-038", "msg": msg, "path": concat("", [lib.text(lib.resource_pointer(i)), "/listeners/", format_int(j, 10)]), "resource": balancer.urn} if {
	some i, balancer in input.resources
	balancer.type == "aws:elb/loadBalancer:LoadBalancer"
	internet_facing(balancer)
	some j, listener in object.get(balancer.props, "listeners", [])
	lower(object.get(listener, "lbProtocol", "")) == "http"
	msg := concat("", ["Classic Load Balancer ", lib.text(balancer.name), " listens for plain HTTP on port ", lib.text(format_int(object.get(listener, "lbPort", 0), 10))])
}

# Load balancers are internet-facing unless created internal (the AWS default scheme).
internet_facing(balancer) if object.get(balancer.props, "internal", false) != true

# Every default action is a redirect to HTTPS (ELB.1's compliant HTTP listener).
redirects_to_https(listener) if {
	actions := object.get(listener.props, "defaultActions", [])
	count(actions) > 0
	every action in actions {
		action.type == "redirect"
		upper(object.get(action, ["redirect", "protocol"], "")) == "HTTPS"
	}
}

serves(listener, balancer) if lib.references(listener, "loadBalancerArn", balancer)

serves(listener, balancer) if {
	arn := object.get(balancer.props, "arn", "")
	startswith(arn, "arn:")
	listener.props.loadBalancerArn == arn
}
