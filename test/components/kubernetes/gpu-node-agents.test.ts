/** The GPU node agents' argument refusals. */
import { validateGpuNodeAgentsArgs } from "../../../components/kubernetes/gpu-node-agents.js";
import { describeRefusals } from "../../helpers/refusals.js";

describeRefusals([
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
]);
