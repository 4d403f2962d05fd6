#!/usr/bin/env node
// Re-derives the two runtime examples from the current offline plans, so they show what the
// components build today (they are the compliant inputs of `llmops check` in the tests):
//   examples/runtime/campaign-summariser.rendered.yaml   the Kubernetes objects of the campaign
//     summariser's plan, as renderYamlToDirectory writes them (one document per object);
//   examples/runtime/airport-assistant.stack-export.json  the airport assistant's AWS plan in the
//     shape of `pulumi stack export` (version 3; inputs and outputs are the planned properties).
// Run after a component change: npm run build && node scripts/regenerate-runtime-examples.mjs
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(join(tmpdir(), "llmops-runtime-examples-"));

function plan(spec, target) {
  const out = join(work, `${target}.json`);
  execFileSync(
    process.execPath,
    [
      join(ROOT, "bin/llmops.js"),
      "plan",
      join(ROOT, spec),
      "--without-evidence",
      "--target",
      target,
      "--out",
      out,
      "--format",
      "json",
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  return JSON.parse(readFileSync(out, "utf8"));
}

try {
  const campaign = plan("examples/campaign-summariser.rag.yaml", "kubernetes");
  const objects = campaign.resources.filter((resource) => resource.type.startsWith("kubernetes:"));
  const header = [
    "# Kubernetes manifests of the campaign summariser, as planned offline by `llmops plan`",
    "# (the same objects renderYamlToDirectory writes). Compliant: `llmops check` exits 0, and",
    "# `llmops check --spec examples/campaign-summariser.rag.yaml` too (its declared controls are built).",
    "# Re-derived by scripts/regenerate-runtime-examples.mjs.",
  ].join("\n");
  writeFileSync(
    join(ROOT, "examples/runtime/campaign-summariser.rendered.yaml"),
    `${header}\n${objects.map((object) => stringify(object.props, { lineWidth: 0 })).join("---\n")}`,
  );

  const airport = plan("examples/airport-assistant.rag.yaml", "aws");
  const stackUrn = "urn:pulumi:prod::responsible-llmops::pulumi:pulumi:Stack::responsible-llmops-prod";
  const exported = {
    version: 3,
    deployment: {
      manifest: { time: "2026-11-28T00:00:00Z", magic: "mocked", version: "v3.248.0" },
      resources: [
        { urn: stackUrn, custom: false, type: "pulumi:pulumi:Stack" },
        // Components (llmops:*) are not custom resources: the engine records them without an id
        // or properties, as `pulumi stack export` does.
        ...airport.resources.map((resource) =>
          resource.type.startsWith("llmops:")
            ? {
                urn: resource.urn,
                custom: false,
                type: resource.type,
                inputs: {},
                outputs: {},
                ...(resource.parent ? { parent: resource.parent } : {}),
              }
            : {
                urn: resource.urn,
                custom: true,
                id: resource.id ?? `mocked-${resource.name}`,
                type: resource.type,
                inputs: resource.props,
                outputs: resource.props,
                ...(resource.parent ? { parent: resource.parent } : {}),
              },
        ),
      ],
    },
  };
  writeFileSync(
    join(ROOT, "examples/runtime/airport-assistant.stack-export.json"),
    `${JSON.stringify(exported, null, 2)}\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
