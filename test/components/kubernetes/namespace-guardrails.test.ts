/** The namespace guardrails' argument refusals. */
import { validateNamespaceGuardrailsArgs } from "../../../components/kubernetes/namespace-guardrails.js";
import { describeRefusals } from "../../helpers/refusals.js";

describeRefusals([
  ["bad namespace", () => validateNamespaceGuardrailsArgs({ namespace: "Not_A_Label", gpuQuota: 1 }), /DNS label/],
]);
