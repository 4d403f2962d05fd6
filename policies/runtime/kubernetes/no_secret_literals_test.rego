package llmops.runtime.kubernetes.no_secret_literals_test

import data.llmops.lib.testing
import data.llmops.runtime.kubernetes.no_secret_literals as check
import data.llmops.runtime_fixtures_test as fx

env(variables) := fx.doc([fx.with_container({"env": variables})])

args(list) := fx.doc([fx.with_container({"args": list})])

env_path := "/resources/0/props/spec/template/spec/containers/0/env/0/value"

# Token-shaped test values, assembled so that no scanner mistakes this file for a leak.
openai_key := concat("", ["sk-", "proj-", "Zq3vT8wYk2LmN5pR7sUx9AbCdEfGh"])

anthropic_key := concat("", ["sk-ant-", "api03-", "Zq3vT8wYk2LmN5pR7sUx9AbCdEfGh"])

hf_token := concat("", ["hf_", "Zq3vT8wYk2LmN5pR7sUx9AbCdEfGhJkLm"])

github_token := concat("", ["ghp_", "Zq3vT8wYk2LmN5pR7sUx9AbCdEfGhJkLmNoPq"])

aws_key_id := concat("", ["AKIA", "Q3VT8WYK2LMN5PR7"])

slack_token := concat("", ["xoxb-", "1234567890-abcdefghij"])

pem := concat("", ["-----BEGIN ", "OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----"])

denied_cases := {
	"literal key by name": {"input": env([{"name": "OPENAI_API_KEY", "value": "sk-live-abc"}]), "path": env_path},
	"PGPASSWORD: a name alone is a signal": {"input": env([{"name": "PGPASSWORD", "value": "hunter2"}]), "path": env_path},
	"OPENAI_KEY by name": {"input": env([{"name": "OPENAI_KEY", "value": "abc123def"}]), "path": env_path},
	"OpenAI project key under an innocent name": {"input": env([{"name": "LLM_SETTINGS", "value": openai_key}]), "path": env_path},
	"Anthropic key under an innocent name": {"input": env([{"name": "UPSTREAM", "value": anthropic_key}]), "path": env_path},
	"Hugging Face token": {"input": env([{"name": "HUB", "value": hf_token}]), "path": env_path},
	"GitHub token": {"input": env([{"name": "GIT_CONFIG_VALUE", "value": github_token}]), "path": env_path},
	"AWS access key id": {"input": env([{"name": "AWS_ID", "value": aws_key_id}]), "path": env_path},
	"Slack token": {"input": env([{"name": "NOTIFY", "value": slack_token}]), "path": env_path},
	"private key block": {"input": env([{"name": "SSH", "value": pem}]), "path": env_path},
	"--api-key <literal> as two args": {"input": args(["--model", "m", "--api-key", "abc123def"]), "path": "/resources/0/props/spec/template/spec/containers/0/args/3"},
	"--api-key=<literal>": {"input": args(["--model", "m", "--api-key=abc123def"]), "path": "/resources/0/props/spec/template/spec/containers/0/args/2"},
	"key shape in a shell line": {"input": fx.doc([fx.with_container({"command": ["sh", "-c", concat(" ", ["HF_HUB=1 vllm serve m --hf-token", hf_token])]})]), "path": "/resources/0/props/spec/template/spec/containers/0/command/2"},
	"--api-key literal in a shell line": {"input": fx.doc([fx.with_container({"command": ["sh", "-c", "vllm serve m --api-key abc123def --port 8000"]})]), "path": "/resources/0/props/spec/template/spec/containers/0/command/2"},
}

allowed_cases := {
	"secret ref": env([{"name": "OPENAI_API_KEY", "valueFrom": {"secretKeyRef": {"name": "s", "key": "k"}}}, {"name": "MAX_TOKENS", "value": "512"}]),
	"LLM parameters are not credentials": env([{"name": "MAX_NEW_TOKENS", "value": "1024"}, {"name": "max_tokens", "value": "512"}, {"name": "EOS_TOKEN", "value": "</s>"}, {"name": "MAX_TOTAL_TOKENS", "value": "8192"}, {"name": "TOKENS_PER_MINUTE", "value": "100000"}]),
	"references, not values": env([{"name": "DB_PASSWORD", "value": "$(PG_SECRET)"}, {"name": "TOKEN_FILE_TOKEN", "value": "/var/run/secrets/token"}, {"name": "LITELLM_MASTER_KEY", "value": "os.environ/MASTER"}]),
	"--api-key from an env reference": args(["--api-key", "$(VLLM_API_KEY)", "--max-tokens", "512"]),
	"--api-key=$(VAR) and a token budget flag": args(["--api-key=$(VLLM_API_KEY)", "--token-budget", "512"]),
	"ordinary values that merely contain sk- or hf_": env([{"name": "TASK", "value": "task-scheduler-for-the-queue"}, {"name": "PATH_HINT", "value": "shf_model_dir"}]),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied_naming_resource(check.deny, "LLM-K8S-010", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}

# Messages never repeat the credential.
test_messages_hide_values[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	every f in found {
		not contains(f.msg, "abc123def")
		not contains(f.msg, "Zq3vT8wYk2")
		not contains(f.msg, "hunter2")
		not contains(f.msg, "Q3VT8WYK2")
	}
}

test_other_types_pass[note] if {
	some note, tc in denied_cases
	testing.allowed(check.deny) with input as fx.retyped(tc.input)
}
