/**
 * Entry point for the Pulumi Node.js language host (Pulumi.yaml: main: dist/stacks/index.js).
 *
 *   pulumi config set llmops:spec examples/airport-assistant.rag.yaml
 *   pulumi up
 *
 * The spec is validated against the schema and the spec policies first; a spec with
 * findings at or above `llmops:failOn` (default high) stops the program before any
 * resource is registered.
 */
import * as pulumi from "@pulumi/pulumi";
import { resolve } from "node:path";
import { gateSpec } from "./spec-gate.js";
import { defineStack } from "./program.js";

export default async function main(): Promise<Record<string, unknown>> {
  const config = new pulumi.Config("llmops");
  const specPath = resolve(config.require("spec"));
  const bundleDir = config.get("bundle");
  const gated = await gateSpec(specPath, { failOn: (config.get("failOn") ?? "high"), ...(bundleDir ? { bundleDir } : {}) });
  return defineStack(gated.spec, { bundleRevision: gated.bundle?.revision ?? "none" });
}
