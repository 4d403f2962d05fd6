/**
 * The Pulumi program: gate the spec, then compose the components for its target under one
 * root component (so every resource has a component path and inherits the provider).
 * Used by the Pulumi language host (stacks/index.ts) and by the offline plan alike.
 */
import type { LLMOpsStack } from "../schemas/spec-schema.js";
import { composeAws, stackTags } from "./aws-stack.js";
import { StackRoot, type StackOptions } from "./stack-root.js";

/**
 * Builds the stack of a spec that passed the gate, for its target (aws or kubernetes), and records the policy bundle revision as a stack output.
 * @returns the stack outputs
 */
export async function defineStack(spec: LLMOpsStack, options: StackOptions): Promise<Record<string, unknown>> {
  const name = spec.metadata.name;
  const target = spec.spec.target;
  if (target.provider === "aws") {
    const aws = await import("@pulumi/aws");
    const tags = { ...stackTags(spec), "llmops:policy-revision": options.bundleRevision };
    const provider = new aws.Provider(`${name}-aws`, { region: target.region as never, defaultTags: { tags } });
    const root = new StackRoot(name, { providers: [provider] });
    const identity = aws.getCallerIdentityOutput({}, { provider });
    const zones = aws.getAvailabilityZonesOutput({ state: "available" }, { provider });
    const availabilityZones = Array.from({ length: target.availabilityZones }, (_, i) =>
      zones.names.apply((names) => {
        const zone = names[i];
        if (!zone)
          throw new Error(`region ${target.region} has fewer than ${target.availabilityZones} availability zones`);
        return zone;
      }),
    );
    const outputs = composeAws(
      spec,
      { accountId: identity.accountId, region: target.region, availabilityZones },
      { parent: root },
    );
    root.finish(outputs);
    return { ...outputs, policyBundleRevision: options.bundleRevision };
  }
  const { composeKubernetes } = await import("./kubernetes-stack.js");
  return composeKubernetes(spec, options);
}
