/** Workload RBAC's argument refusals (no escalation, wildcards, secrets, exec or tokens). */
import { validateWorkloadRbacArgs } from "../../../components/kubernetes/workload-rbac.js";
import { describeRefusals } from "../../helpers/refusals.js";

describeRefusals([
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
        workloads: [{ name: "w", rules: [{ apiGroups: [""], resources: ["configmaps", "secrets"], verbs: ["get"] }] }],
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
]);
