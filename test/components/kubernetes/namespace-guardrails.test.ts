/** The namespace guardrails' argument refusals. */
import { describe, it } from "vitest";
import { validateNamespaceGuardrailsArgs } from "../../../components/kubernetes/namespace-guardrails.js";
import { expectRefusal } from "../../helpers/refusals.js";

describe("the validator refuses insecure or inconsistent arguments with a property path", () => {
  const cases: Array<[string, () => void, RegExp]> = [
    ["bad namespace", () => validateNamespaceGuardrailsArgs({ namespace: "Not_A_Label", gpuQuota: 1 }), /DNS label/],
  ];
  it.each(cases)("%s", (_name, run, expected) => expectRefusal(run, expected));
});
