/** Runtime monitoring (GuardDuty EKS runtime, Bedrock invocation logging): refusals and the logging role's trust. */
import { describe, expect, it } from "vitest";

describe("runtime monitoring (GuardDuty EKS runtime, Bedrock invocation logging)", () => {
  it("refuses an empty component and invocation logging without a KMS key", async () => {
    const { validateRuntimeMonitoringArgs } = await import("../../../components/aws/runtime-monitoring.js");
    expect(() => validateRuntimeMonitoringArgs({ accountId: "1", region: "eu-west-1" })).toThrow(
      /eksRuntimeMonitoring/,
    );
    expect(() =>
      validateRuntimeMonitoringArgs({ accountId: "1", region: "eu-west-1", bedrockInvocationLogging: true }),
    ).toThrow(/KMS key/);
    expect(() =>
      validateRuntimeMonitoringArgs({ accountId: "1", region: "eu-west-1", eksRuntimeMonitoring: true }),
    ).not.toThrow();
  });

  it("lets only Bedrock, from this account and region, assume the logging role", async () => {
    const { bedrockLoggingTrust } = await import("../../../components/aws/runtime-monitoring.js");
    const [statement] = (JSON.parse(bedrockLoggingTrust("123456789012", "eu-west-1")) as { Statement: any[] })
      .Statement;
    expect(statement.Principal).toEqual({ Service: "bedrock.amazonaws.com" });
    expect(statement.Condition.StringEquals["aws:SourceAccount"]).toBe("123456789012");
    expect(statement.Condition.ArnLike["aws:SourceArn"]).toBe("arn:aws:bedrock:eu-west-1:123456789012:*");
  });
});
