/**
 * The response contract the gateway enforces when the spec declares `explainability.citations`
 * or `explainability.userFacingExplanations` (docs/response-contract.md): a LiteLLM custom
 * guardrail (a `CustomGuardrail` class in a Python module beside the gateway's config.yaml, the
 * form LiteLLM's "Custom Guardrail" documentation gives: `guardrail: <module>.<Class>`) that runs
 * on every chat completion (`default_on`) and turns a response without its sources or without
 * its explanation into an error response (HTTP 422) instead of an answer. Streaming requests are
 * refused before the model is called (HTTP 400): the contract is checked on the whole response,
 * and a stream would reach the client before the check.
 *
 * Written here rather than taken from a library: no maintained guardrail checks an answer's
 * citations against the documents the request supplied; the check is a few lines of standard
 * Python in the gateway image LiteLLM already runs (no new image, no network call).
 */

/** File name of the module in the gateway's ConfigMap (mounted beside config.yaml, where LiteLLM loads it from). */
export const RESPONSE_CONTRACT_FILE = "response_contract.py";
/** The `guardrail` value of the entry: `<module>.<Class>`. */
export const RESPONSE_CONTRACT_GUARDRAIL = "response_contract.ResponseContractGuardrail";

/** What the contract requires of every answer (from spec.explainability). */
export interface ResponseContract {
  /** explainability.citations: `citations`, a non-empty list of sources the request supplied. */
  readonly citations: boolean;
  /** explainability.userFacingExplanations: `explanation`, a non-empty string. */
  readonly explanation: boolean;
}

/** True when the spec asks for anything the gateway must enforce. */
export function requiresContract(contract: ResponseContract): boolean {
  return contract.citations || contract.explanation;
}

/** The LiteLLM guardrail entry: pre_call (refuses streaming) and post_call (checks the answer), on for every request. */
export function responseContractEntry(): Record<string, unknown> {
  return {
    guardrail_name: "response-contract",
    litellm_params: { guardrail: RESPONSE_CONTRACT_GUARDRAIL, mode: ["pre_call", "post_call"], default_on: true },
  };
}

const PY_BOOL = (value: boolean) => (value ? "True" : "False");

/**
 * The Python module LiteLLM loads for the guardrail. `contract_violation` is a pure function over
 * the request's messages and one answer's content (the unit the tests run with the machine's
 * Python); the class only wires it to LiteLLM's hooks and raises fastapi's HTTPException, which
 * the proxy returns to the client as the error response.
 */
export function responseContractModule(contract: ResponseContract): string {
  return `"""Response contract (docs/response-contract.md), written by the llmops Gateway component from spec.explainability.

Every chat completion's answer is a JSON object:
  {"answer": str, "citations": [{"id": str, ...}, ...], "explanation": str}
citations is required (non-empty, each id marked [source:<id>] in the request) when REQUIRE_CITATIONS,
explanation (non-empty) when REQUIRE_EXPLANATION. Anything else is an error response, never an answer.
"""
import json

REQUIRE_CITATIONS = ${PY_BOOL(contract.citations)}
REQUIRE_EXPLANATION = ${PY_BOOL(contract.explanation)}


def _text(content):
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\\n".join(part.get("text", "") for part in content if isinstance(part, dict) and isinstance(part.get("text"), str))
    return ""


def request_text(messages):
    """All text the request supplied (system, user and tool messages): the retriever marks each source [source:<id>]."""
    return "\\n".join(_text(message.get("content")) for message in messages or [] if isinstance(message, dict))


def contract_violation(content, supplied):
    """None when the answer keeps the contract, else the reason it does not."""
    try:
        body = json.loads(content) if isinstance(content, str) else None
    except ValueError:
        body = None
    if not isinstance(body, dict):
        return "the answer is not a JSON object"
    answer = body.get("answer")
    if not isinstance(answer, str) or not answer.strip():
        return "the answer has no answer text"
    if REQUIRE_CITATIONS:
        citations = body.get("citations")
        if not isinstance(citations, list) or not citations:
            return "the answer cites no source"
        for citation in citations:
            cited = citation.get("id") if isinstance(citation, dict) else None
            if not isinstance(cited, str) or not cited.strip():
                return "a citation has no source id"
            if "[source:" + cited + "]" not in supplied:
                return "a citation names a source the request did not supply: " + cited[:100]
    if REQUIRE_EXPLANATION:
        explanation = body.get("explanation")
        if not isinstance(explanation, str) or not explanation.strip():
            return "the answer has no explanation"
    return None


try:
    from fastapi import HTTPException
    from litellm.integrations.custom_guardrail import CustomGuardrail
except ImportError:  # outside the gateway image (the unit tests): only the pure functions above are used
    HTTPException = None
    CustomGuardrail = object


def _refuse(status, reason):
    raise HTTPException(status_code=status, detail={"error": {"type": "response_contract_violation", "message": reason}})


class ResponseContractGuardrail(CustomGuardrail):
    async def async_pre_call_hook(self, user_api_key_dict, cache, data, call_type):
        if call_type in ("completion", "text_completion", "acompletion") and data.get("stream"):
            _refuse(400, "streaming is refused: the response contract is checked on the whole response")
        return data

    async def async_post_call_success_hook(self, data, user_api_key_dict, response):
        choices = getattr(response, "choices", None)
        if not choices:
            return response
        supplied = request_text(data.get("messages"))
        for choice in choices:
            if getattr(choice, "finish_reason", None) == "tool_calls":
                continue
            message = getattr(choice, "message", None)
            reason = contract_violation(getattr(message, "content", None), supplied)
            if reason is not None:
                _refuse(422, reason)
        return response
`;
}
