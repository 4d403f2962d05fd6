/** The GPU node agents' argument refusals. */
import { describe, it } from "vitest";
import { validateGpuNodeAgentsArgs } from "../../../components/kubernetes/gpu-node-agents.js";
import { expectRefusal } from "../../helpers/refusals.js";

describe("the validator refuses insecure or inconsistent arguments with a property path", () => {
  const cases: Array<[string, () => void, RegExp]> = [
    [
      "DCGM exporter by tag",
      () =>
        validateGpuNodeAgentsArgs({
          stack: "s",
          namespace: "n",
          dcgmExporterImage: { repository: "d", digest: "4.2.3" },
          monitoringNamespace: "monitoring",
        }),
      /dcgmExporterImage\.digest/,
    ],
  ];
  it.each(cases)("%s", (_name, run, expected) => expectRefusal(run, expected));
});
