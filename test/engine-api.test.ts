/**
 * The package's engine API (policies/engine/api.ts, `responsible-llmops/engine`): the functions a
 * program calls give the same findings as `llmops validate` and `llmops check`, and fail closed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, tempDir } from "./helpers/cli.js";
import { BUNDLE_DIR, bundleBuilt } from "./helpers/tools.js";
import {
  EngineError,
  checkRuntimeFiles,
  evaluateRuntimeDocument,
  loadEngine,
  validateSpecs,
} from "../policies/engine/api.js";

const ready = bundleBuilt();

describe.skipIf(!ready)("the engine API", () => {
  it("validateSpecs gives llmops validate's findings", async () => {
    // A spec that passes, and one with a schema finding: the campaign summariser with an unknown pattern.
    const dir = tempDir("llmops-engine-api-");
    const weakened = join(dir, "weakened.yaml");
    writeFileSync(
      weakened,
      readFileSync(join(ROOT, "examples/campaign-summariser.rag.yaml"), "utf8").replace(
        /^(\s*)pattern: rag$/m,
        "$1pattern: retrieval",
      ),
    );
    const files = [join(ROOT, "examples/campaign-summariser.rag.yaml"), weakened];
    const report = await validateSpecs(files, { bundleDir: BUNDLE_DIR });
    const cli = JSON.parse(runCli(["validate", ...files, "--format", "json", "--bundle", BUNDLE_DIR]).stdout) as {
      findings: unknown[];
    };
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings).toEqual(cli.findings);
    expect(report.bundle?.digestsVerified).toBe(true);
  });

  it("checkRuntimeFiles gives llmops check's findings, and evaluateRuntimeDocument judges a document in memory", async () => {
    const file = join(ROOT, "examples/runtime/naive-vllm.helm-template.yaml");
    const report = await checkRuntimeFiles([file], { bundleDir: BUNDLE_DIR });
    const cli = JSON.parse(runCli(["check", file, "--format", "json", "--bundle", BUNDLE_DIR]).stdout) as {
      findings: unknown[];
    };
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings).toEqual(cli.findings);

    const engine = await loadEngine({ bundleDir: BUNDLE_DIR });
    const privileged = evaluateRuntimeDocument(engine, {
      resources: [
        {
          urn: "urn:pulumi:dev::demo::kubernetes:core/v1:Pod::p",
          type: "kubernetes:core/v1:Pod",
          name: "p",
          props: {
            apiVersion: "v1",
            kind: "Pod",
            metadata: { name: "p", namespace: "default" },
            spec: { containers: [{ name: "c", image: "nginx", securityContext: { privileged: true } }] },
          },
        },
      ],
    });
    expect(
      privileged.findings.some(
        (finding) => finding.severity === "critical" && /privileged/i.test(`${finding.title} ${finding.message}`),
      ),
    ).toBe(true);
    expect(privileged.findings.every((finding) => finding.file === undefined)).toBe(true);
  });

  it("fails closed on a bundle that is not there", async () => {
    await expect(loadEngine({ bundleDir: join(ROOT, "no-such-bundle") })).rejects.toBeInstanceOf(EngineError);
  });
});
