/** The GPU instance table: the documented instance type for each GPU model and count. */
import { describe, expect, it } from "vitest";
import { instanceTypeFor } from "../../../components/aws/gpu-instance-types.js";

describe("GPU instance mapping (the documented table)", () => {
  it.each([
    ["L4", 1, "g6.xlarge"],
    ["L4", 2, "g6.12xlarge"],
    ["A10G", 1, "g5.xlarge"],
    ["L40S", 4, "g6e.12xlarge"],
    ["A100", 1, "p4d.24xlarge"],
    ["H100", 8, "p5.48xlarge"],
    ["L4", 8, "g6.48xlarge"],
  ] as const)("%s × %d → %s", (gpu, count, instance) => {
    expect(instanceTypeFor(gpu, count).instanceType).toBe(instance);
  });

  it("has no instance for more GPUs than the largest size holds", () => {
    expect(() => instanceTypeFor("L4", 9)).toThrow(/no L4 instance has 9 GPUs/);
  });
});
