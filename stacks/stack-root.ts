/**
 * The root component every stack's resources sit below, and the options a stack is defined with.
 * Its own module so that the program (program.ts) and each target's composition
 * (kubernetes-stack.ts) both import it without importing each other (an import cycle before).
 */
import * as pulumi from "@pulumi/pulumi";

/** The Pulumi type token of the root component (`llmops:stack:LLMOpsStack`). */
export const ROOT_COMPONENT_TYPE = "llmops:stack:LLMOpsStack";

/** The root component: every resource of a stack is below it, so plans group by component path. */
export class StackRoot extends pulumi.ComponentResource {
  constructor(name: string, opts: pulumi.ComponentResourceOptions) {
    super(ROOT_COMPONENT_TYPE, name, {}, opts);
  }

  finish(outputs: Record<string, unknown>): void {
    this.registerOutputs(outputs);
  }
}

export interface StackOptions {
  /** Policy bundle revision that approved the spec; recorded as a stack output and tag. */
  readonly bundleRevision: string;
}
