// A program variant for the engine suite (test/engine/pulumi-engine.test.ts): the repository's
// compliant stack, plus one Deployment a hurried engineer might add — a privileged debug shell.
// The CrossGuard pack must stop it with a mandatory violation; nothing else may be flagged.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
// Runs from a temporary project next to a link to the repository's dist/ (see the suite).
import stack from "./dist/stacks/index.js";

export default async function main() {
  const outputs = await stack();
  const config = new pulumi.Config("llmops");
  const provider = new k8s.Provider("debug-render", { renderYamlToDirectory: config.require("renderYamlToDirectory") });
  const labels = { app: "debug-shell" };
  new k8s.apps.v1.Deployment("debug-shell", {
    metadata: { namespace: "campaign-summariser", labels },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [{ name: "shell", image: "busybox:1.36", command: ["sleep", "infinity"], securityContext: { privileged: true } }],
        },
      },
    },
  }, { provider });
  return outputs;
}
