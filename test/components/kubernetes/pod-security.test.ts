/** The restricted Pod Security profile's security contexts. */
import { describe, expect, it } from "vitest";
import {
  restrictedContainerSecurityContext,
  restrictedPodSecurityContext,
  restrictedViolations,
} from "../../../components/kubernetes/pod-security.js";

describe("restricted security contexts", () => {
  it("builds security contexts that meet the restricted profile", () => {
    expect(
      restrictedViolations({
        securityContext: restrictedPodSecurityContext() as Record<string, unknown>,
        containers: [{ name: "c", securityContext: restrictedContainerSecurityContext() as Record<string, unknown> }],
      }),
    ).toEqual([]);
  });
});
