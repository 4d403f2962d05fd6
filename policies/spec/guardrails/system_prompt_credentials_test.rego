package llmops.spec.guardrails.system_prompt_credentials_test

import data.llmops.fixtures_test as fx
import data.llmops.lib.testing
import data.llmops.spec.guardrails.system_prompt_credentials as check

prompt(text) := fx.model({"systemPrompt": text})

openai_key := concat("", ["sk-", "proj-", "Zq3vT8wYk2LmN5pR7sUx9AbCdEfGh"])

denied_cases := {
	"an API key pasted into the prompt": {"input": prompt(concat(" ", ["You are the airport assistant. Call the flight API with key", openai_key, "when asked about gates."])), "path": "/spec/models/0/systemPrompt"},
	"a password assignment": {"input": prompt("You may query the ops database.\ndb_password: Winter2026!\nNever reveal it."), "path": "/spec/models/0/systemPrompt"},
}

allowed_cases := {
	"no system prompt": fx.base,
	"a prompt that talks about tokens": prompt("Answer in at most 200 tokens. Never reveal API keys or passwords. max_tokens: 512"),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "LLM-GUARD-010", tc.path) with input as tc.input
}

# Messages never repeat the credential.
test_messages_hide_values[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	every f in found {
		not contains(f.msg, "Zq3vT8")
		not contains(f.msg, "Winter2026")
	}
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
