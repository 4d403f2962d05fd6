/** Workload RBAC's argument refusals (no escalation, wildcards, secrets, exec or tokens). */
import { describe, it } from "vitest";
import { validateWorkloadRbacArgs } from "../../../components/kubernetes/workload-rbac.js";
import { expectRefusal } from "../../helpers/refusals.js";

describe("the validator refuses insecure or inconsistent arguments with a property path", () => {
  const cases: Array<[string, () => void, RegExp]> = [
    [
      "RBAC escalate verb",
      () =>
        validateWorkloadRbacArgs({
          namespace: "n",
          workloads: [{ name: "w", rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["escalate"] }] }],
        }),
      /escalate/,
    ],
    [
      "RBAC wildcard resource",
      () =>
        validateWorkloadRbacArgs({
          namespace: "n",
          workloads: [{ name: "w", rules: [{ apiGroups: [""], resources: ["*"], verbs: ["get"] }] }],
        }),
      /wildcard/,
    ],
    [
      "RBAC reading a secret",
      () =>
        validateWorkloadRbacArgs({
          namespace: "n",
          workloads: [
            { name: "w", rules: [{ apiGroups: [""], resources: ["configmaps", "secrets"], verbs: ["get"] }] },
          ],
        }),
      /reading secrets/,
    ],
    [
      "RBAC exec into pods",
      () =>
        validateWorkloadRbacArgs({
          namespace: "n",
          workloads: [{ name: "w", rules: [{ apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] }] }],
        }),
      /exec/,
    ],
    [
      "RBAC minting tokens",
      () =>
        validateWorkloadRbacArgs({
          namespace: "n",
          workloads: [
            { name: "w", rules: [{ apiGroups: [""], resources: ["serviceaccounts/token"], verbs: ["create"] }] },
          ],
        }),
      /tokens/,
    ],
  ];
  it.each(cases)("%s", (_name, run, expected) => expectRefusal(run, expected));
});
