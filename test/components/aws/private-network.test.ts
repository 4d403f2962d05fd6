/** The private network's argument refusals. */
import { validatePrivateNetworkArgs } from "../../../components/aws/private-network.js";
import { describeRefusals } from "../../helpers/refusals.js";

describeRefusals([
  [
    "one availability zone",
    () =>
      validatePrivateNetworkArgs({
        cidrBlock: "10.0.0.0/16",
        availabilityZones: ["a"],
        endpointServices: [],
        region: "r",
        logKeyArn: "k",
      }),
    /two availability zones/,
  ],
]);
