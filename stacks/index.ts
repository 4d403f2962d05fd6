/**
 * Entry point for the Pulumi Node.js language host (Pulumi.yaml: main: dist/stacks/index.js).
 *
 *   pulumi config set llmops:spec examples/airport-assistant.rag.yaml
 *   pulumi up
 *
 * The spec is validated against the schema and the spec policies first; a spec with
 * findings at or above `llmops:failOn` (default high) stops the program before any
 * resource is registered. Evaluation evidence comes from `llmops:evidence` (and
 * `llmops:baseline`, `llmops:evidenceKey`, `llmops:evidenceAsOf`); a production spec whose
 * gate blocks is refused without it (LLM-EVID-001).
 */
import * as pulumi from "@pulumi/pulumi";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { SpecRejectedError, gateSpec, refusalAsFindings } from "./spec-gate.js";
import { MissingPlatformImageError } from "./workloads.js";
import { InputError } from "../input/input-error.js";
import { defineStack } from "./program.js";

/**
 * Config paths are relative to the project (where Pulumi.yaml is): the language host runs the
 * program with the working directory of `main` (dist/stacks), not of the project.
 */
function projectDirectory(): string {
  let dir = process.cwd();
  while (!existsSync(join(dir, "Pulumi.yaml")) && dirname(dir) !== dir) dir = dirname(dir);
  return existsSync(join(dir, "Pulumi.yaml")) ? dir : process.cwd();
}

/**
 * The Pulumi program's entry point: reads the spec named by stack config (`llmops:spec`), refuses it through the spec gate as `llmops validate` would, and builds it for its target.
 * @returns the stack outputs
 * @throws SpecRejectedError when the spec does not pass; InputError when it cannot be read
 */
export default async function main(): Promise<Record<string, unknown>> {
  const config = new pulumi.Config("llmops");
  const root = projectDirectory();
  const specPath = resolve(root, config.require("spec"));
  const bundle = config.get("bundle");
  try {
    // llmops:evidence / llmops:baseline: a JSON list of files or one file, relative to the project.
    const files = (key: string): string[] | undefined => {
      const raw = config.get(key);
      if (raw === undefined) return undefined;
      const list = raw.trim().startsWith("[") ? (JSON.parse(raw) as unknown[]).map(String) : [raw];
      return list.map((file) => resolve(root, file));
    };
    const evidenceKey = config.get("evidenceKey");
    // llmops:evidenceAsOf: measure evidence ages at this RFC 3339 time (as plan --as-of), e.g. to replay a reviewed deploy.
    const asOf = config.get("evidenceAsOf");
    const gated = await gateSpec(specPath, {
      failOn: config.get("failOn") ?? "high",
      ...(bundle ? { bundleDir: resolve(root, bundle) } : {}),
      evidence: {
        evidence: files("evidence"),
        baseline: files("baseline"),
        evidenceKey: evidenceKey ? resolve(root, evidenceKey) : undefined,
        asOf,
      },
    });
    try {
      return await defineStack(gated.spec, { bundleRevision: gated.bundle?.revision ?? "none" });
    } catch (error) {
      // A component refusing a field a check knows is reported as that check's finding.
      if (error instanceof MissingPlatformImageError)
        throw refusalAsFindings(specPath, gated, error, "deployed") ?? error;
      throw error;
    }
  } catch (error) {
    // A refused or unreadable spec is the user's to fix: report it plainly, without a stack trace.
    if (error instanceof SpecRejectedError) throw new pulumi.RunError(error.message);
    if (error instanceof InputError) throw new pulumi.RunError(error.format());
    throw error;
  }
}
