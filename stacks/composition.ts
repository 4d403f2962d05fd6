/**
 * The stack composition, for Pulumi programs that install the toolkit as a package:
 * `import { gateSpec, defineStack } from "responsible-llmops/stack"`.
 *
 * gateSpec loads one spec file and refuses it (SpecRejectedError) when the spec policies find
 * anything at or above the threshold; defineStack then composes the components for the spec's
 * target (aws or kubernetes) under one root component of type llmops:stack:LLMOpsStack.
 */
export { defineStack } from "./program.js";
export { StackRoot, ROOT_COMPONENT_TYPE, type StackOptions } from "./stack-root.js";
export { composeAws, stackTags, needsCluster, type AwsEnvironment } from "./aws-stack.js";
export { composeKubernetes, kubernetesProvider } from "./kubernetes-stack.js";
export { gateSpec, SpecRejectedError, type GateOptions, type GatedSpec } from "./spec-gate.js";
export { llmopsMocks, MOCK_ACCOUNT_ID, type RecordedResource } from "./mocks.js";
