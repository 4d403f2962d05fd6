/** The audit trail's pure parts: log retention rounded to a CloudWatch value, and the argument refusals. */
import { describe, expect, it } from "vitest";
import { logRetentionFor, validateAuditTrailArgs } from "../../../components/aws/audit-trail.js";
import { describeRefusals } from "../../helpers/refusals.js";

describe("log retention", () => {
  it("rounds up to a retention CloudWatch Logs accepts", () => {
    expect(logRetentionFor(400)).toBe(400);
    expect(logRetentionFor(2555)).toBe(2557);
  });
});

describeRefusals([
  [
    "audit retention 0",
    () =>
      validateAuditTrailArgs({
        accountId: "1",
        region: "r",
        kmsKeyArn: "k",
        accessLogBucket: "b",
        retentionDays: 0,
        dataEventBucketArns: [],
      }),
    /retentionDays/,
  ],
]);
