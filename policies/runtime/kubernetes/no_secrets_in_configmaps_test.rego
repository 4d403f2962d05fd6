package llmops.runtime.kubernetes.no_secrets_in_configmaps_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.no_secrets_in_configmaps as check
import data.llmops.runtime_fixtures_test as fx

denied_cases := {
	"key name": {"input": fx.doc([fx.config_map({"API_KEY": "abc"})]), "path": "/resources/0/props/data/API_KEY"},
	"in a file": {"input": fx.doc([fx.config_map({"config.yaml": "master_key: sk1234567890abcdef"})]), "path": "/resources/0/props/data/config.yaml"},
	"key shape under an innocent key": {"input": fx.doc([fx.config_map({"UPSTREAM": hf_token})]), "path": "/resources/0/props/data/UPSTREAM"},
	"nested in embedded JSON": {"input": fx.doc([fx.config_map({"settings.json": "{\"providers\": {\"openai\": {\"api_key\": \"abc123def\", \"max_tokens\": 512}}}"})]), "path": "/resources/0/props/data/settings.json"},
	"nested in embedded YAML": {"input": fx.doc([fx.config_map({"litellm.yaml": "model_list:\n  - model_name: gpt\n    litellm_params:\n      model: openai/gpt-4o\n      api_key: abc123def\n"})]), "path": "/resources/0/props/data/litellm.yaml"},
	"PGPASSWORD in a .env file": {"input": fx.doc([fx.config_map({"app.env": "PGHOST=db\nPGPASSWORD=hunter2\n"})]), "path": "/resources/0/props/data/app.env"},
	"key shape in embedded YAML": {"input": fx.doc([fx.config_map({"values.yaml": concat("", ["notify:\n  webhook: ", slack_token, "\n"])})]), "path": "/resources/0/props/data/values.yaml"},
	"--api-key <literal> in a start script": {"input": fx.doc([fx.config_map({"start.sh": "#!/bin/sh\nexec vllm serve m --api-key abc123def\n"})]), "path": "/resources/0/props/data/start.sh"},
	"private key block": {"input": fx.doc([fx.config_map({"tls.key": concat("", ["-----BEGIN ", "RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n"])})]), "path": "/resources/0/props/data/tls.key"},
}

hf_token := concat("", ["hf_", "Zq3vT8wYk2LmN5pR7sUx9AbCdEfGhJkLm"])

slack_token := concat("", ["xoxb-", "1234567890-abcdefghij"])

allowed_cases := {
	"env reference": fx.doc([fx.config_map({"config.yaml": "master_key: os.environ/LITELLM_MASTER_KEY"})]),
	"env reference with a default, in embedded YAML (LLM Guard API config)": fx.doc([fx.config_map({"scanners.yml": "auth:\n  type: http_bearer\n  token: ${AUTH_TOKEN:}\n"})]),
	"generation parameters": fx.doc([fx.config_map({"generation_config.json": "{\"max_new_tokens\": 512, \"max_tokens\": 1024, \"eos_token\": \"</s>\", \"pad_token\": \"<pad>\"}", "MAX_TOKENS": "4096", "MAX_INPUT_TOKENS": "2048"})]),
	"secret names, not secrets": fx.doc([fx.config_map({"config.yaml": "auth:\n  secretName: gateway-keys\n  token_file: /var/run/secrets/token\n", "PASSWORD_FILE": "/etc/creds/password"})]),
	"plain text": fx.doc([fx.config_map({"README": "Ask the platform team for a token; keys are rotated monthly."})]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-026", tc.path) with input as tc.input
}

# Messages never repeat the credential.
test_messages_hide_values[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	every f in found {
		not contains(f.msg, "abc123def")
		not contains(f.msg, "hunter2")
		not contains(f.msg, "Zq3vT8")
		not contains(f.msg, "sk1234567890")
	}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
