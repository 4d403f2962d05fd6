/** The private network's argument refusals. */
import { describe, it } from "vitest";
import { validatePrivateNetworkArgs } from "../../../components/aws/private-network.js";
import { expectRefusal } from "../../helpers/refusals.js";

describe("the validator refuses insecure or inconsistent arguments with a property path", () => {
  const cases: Array<[string, () => void, RegExp]> = [
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
  ];
  it.each(cases)("%s", (_name, run, expected) => expectRefusal(run, expected));
});
