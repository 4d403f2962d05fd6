/** target: kubernetes (the Kubernetes-components issue). */
import type { LLMOpsStack } from "../schemas/spec-schema.js";
import type { StackOptions } from "./program.js";

export function composeKubernetes(spec: LLMOpsStack, _options: StackOptions): Promise<Record<string, unknown>> {
  return Promise.reject(new Error(`target kubernetes is not implemented yet (stack ${spec.metadata.name})`));
}
