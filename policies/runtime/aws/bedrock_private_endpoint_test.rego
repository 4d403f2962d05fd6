package llmops.runtime.aws.bedrock_private_endpoint_test

import data.llmops.lib.testing
import data.llmops.runtime.aws.bedrock_private_endpoint as check

arn := "arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-5-sonnet-20241022-v2:0"

spec := {"spec": {
	"target": {"region": "eu-west-1"},
	"models": [{"name": "claude", "source": {"type": "bedrock", "uri": "bedrock://anthropic.claude-3-5-sonnet", "version": "20241022-v2:0"}}],
}}

vpc := {"urn": "urn:test::aws:ec2/vpc:Vpc::net-vpc", "type": "aws:ec2/vpc:Vpc", "name": "net-vpc", "id": "vpc-1", "props": {"cidrBlock": "10.40.0.0/16"}}

policy(statement) := json.marshal({"Version": "2012-10-17", "Statement": [object.union(
	{"Effect": "Allow", "Principal": "*", "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"], "Resource": [arn]},
	statement,
)]})

endpoint(patch) := {"urn": "urn:test::aws:ec2/vpcEndpoint:VpcEndpoint::bedrock-vpce", "type": "aws:ec2/vpcEndpoint:VpcEndpoint", "name": "bedrock-vpce", "id": "vpce-1", "props": object.union(
	{"serviceName": "com.amazonaws.eu-west-1.bedrock-runtime", "vpcEndpointType": "Interface", "privateDnsEnabled": true, "securityGroupIds": ["sg-bedrock"], "policy": policy({})},
	patch,
)}

group(ingress) := {"urn": "urn:test::aws:ec2/securityGroup:SecurityGroup::bedrock-sg", "type": "aws:ec2/securityGroup:SecurityGroup", "name": "bedrock-sg", "id": "sg-bedrock", "props": {"ingress": ingress, "egress": []}}

from_cluster := [{"protocol": "tcp", "fromPort": 443, "toPort": 443, "securityGroups": ["sg-cluster"]}]

plan(resources) := {"resources": resources, "spec": spec}

denied_cases := {
	"no bedrock-runtime endpoint": {"input": plan([vpc]), "path": "/resources/0/props"},
	"a gateway-type lookalike is no endpoint": {"input": plan([vpc, object.union(endpoint({}), {"props": {"vpcEndpointType": "Gateway"}})]), "path": "/resources/0/props"},
	"private DNS off": {"input": plan([vpc, endpoint({"privateDnsEnabled": false}), group(from_cluster)]), "path": "/resources/1/props/privateDnsEnabled"},
	"no endpoint policy (full access)": {"input": plan([vpc, json.remove(endpoint({}), ["props/policy"]), group(from_cluster)]), "path": "/resources/1/props/policy"},
	"every action": {"input": plan([vpc, endpoint({"policy": policy({"Action": "*"})}), group(from_cluster)]), "path": "/resources/1/props/policy"},
	"bedrock:* actions": {"input": plan([vpc, endpoint({"policy": policy({"Action": ["bedrock:*"]})}), group(from_cluster)]), "path": "/resources/1/props/policy"},
	"every resource": {"input": plan([vpc, endpoint({"policy": policy({"Resource": "*"})}), group(from_cluster)]), "path": "/resources/1/props/policy"},
	"another model": {"input": plan([vpc, endpoint({"policy": policy({"Resource": [arn, "arn:aws:bedrock:eu-west-1::foundation-model/meta.llama3-70b-instruct-v1:0"]})}), group(from_cluster)]), "path": "/resources/1/props/policy"},
	"NotResource": {"input": plan([vpc, endpoint({"policy": policy({"NotResource": ["arn:aws:bedrock:eu-west-1::foundation-model/x"]})}), group(from_cluster)]), "path": "/resources/1/props/policy"},
	"security group admits the whole VPC": {"input": plan([vpc, endpoint({}), group([{"protocol": "tcp", "fromPort": 443, "toPort": 443, "cidrBlocks": ["10.40.0.0/16"]}])]), "path": "/resources/2/props/ingress/0"},
}

allowed_cases := {
	"private endpoint limited to the declared model": plan([vpc, endpoint({}), group(from_cluster)]),
	"policy as an object, one action": plan([vpc, endpoint({"policy": json.unmarshal(policy({"Action": "bedrock:InvokeModel"}))}), group(from_cluster)]),
	"a Deny statement may name anything": plan([
		vpc, endpoint({"policy": json.marshal({"Statement": [
			json.unmarshal(policy({})).Statement[0],
			{"Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:PrincipalAccount": "000000000000"}}},
		]})}),
		group(from_cluster),
	]),
	"no bedrock model declared": {"resources": [vpc], "spec": {"spec": {"target": {"region": "eu-west-1"}, "models": [{"name": "m", "source": {"type": "registry", "uri": "r"}}]}}},
	"manifests without a VPC": plan([]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-AWS-039", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
