/** The gateway's pure parts: its LiteLLM configuration, and the argument refusals. */
import { describe, expect, it } from "vitest";
import { gatewayConfig, validateGatewayArgs } from "../../../components/kubernetes/gateway.js";
import { MINIMAL_GATEWAY_ARGS, describeRefusals } from "../../helpers/refusals.js";

describe("gateway configuration", () => {
  it("the gateway config reads its key from the environment and sets per-model limits", () => {
    const config = gatewayConfig([
      {
        model: "m",
        apiBase: "http://x/v1",
        requestsPerMinute: 60,
        tokensPerMinute: 1000,
        maxInputTokens: 8000,
        maxOutputTokens: 500,
      },
    ]);
    expect(config).toContain("master_key: os.environ/LITELLM_MASTER_KEY");
    expect(config).toMatch(/rpm: 60/);
    expect(config).toMatch(/tpm: 1000/);
  });
});

describeRefusals([
  [
    "public gateway open to the world",
    () =>
      validateGatewayArgs({
        ...MINIMAL_GATEWAY_ARGS,
        exposure: {
          kind: "awsNlb",
          acmCertificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/x",
          cidrs: ["0.0.0.0/0"],
        },
      }),
    /0\.0\.0\.0\/0/,
  ],
]);
