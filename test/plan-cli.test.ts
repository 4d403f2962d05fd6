/** `llmops plan` as a user runs it: deterministic output, a refused spec, the tree. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import type { PlanDocument } from "../stacks/offline-plan.js";
import { ROOT, runCli, tempDir } from "./helpers/cli.js";
import { bundleBuilt } from "./helpers/tools.js";

describe.skipIf(!bundleBuilt())("llmops plan", () => {
  it.each(["examples/legal-slm.finetuning.yaml", "examples/ops-agent.agent.yaml"])(
    "writes byte-identical documents on two runs (%s)",
    (example) => {
      const dir = tempDir();
      const first = runCli(["plan", "--without-evidence", example, "--out", join(dir, "a.json"), "-f", "json"], {
        timeoutMs: 60_000,
      });
      const second = runCli(["plan", "--without-evidence", example, "--out", join(dir, "b.json"), "-f", "json"], {
        timeoutMs: 60_000,
      });
      expect(first.status, first.stderr).toBe(0);
      expect(second.status).toBe(0);
      const a = readFileSync(join(dir, "a.json"));
      expect(a.equals(readFileSync(join(dir, "b.json")))).toBe(true);
      const plan = JSON.parse(a.toString()) as PlanDocument;
      expect(plan.mocked).toMatch(/mocked/);
      for (const resource of plan.resources)
        expect(Object.keys(resource).sort()).toEqual(expect.arrayContaining(["name", "props", "type", "urn"]));
    },
  );

  it("prints the resource tree grouped by component with counts", () => {
    const result = runCli(["plan", "--without-evidence", "examples/airport-assistant.rag.yaml"], { timeoutMs: 60_000 });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/airport-assistant-eks \(llmops:aws:GpuInferenceCluster\) — \d+ resources/);
    expect(result.stdout).toMatch(/\d+ resources planned offline/);
    expect(result.stdout).toMatch(/are mocked/);
  });

  // The AWS example without its collector image: it keeps a managed vector store, and on target
  // kubernetes both are gaps a check knows. Planned for kubernetes with `flags`, to a plan file it never writes.
  const planWithoutCollector = (...flags: string[]) => {
    const file = join(tempDir(), "airport-without-collector.yaml");
    writeFileSync(
      file,
      readFileSync(join(ROOT, "examples/airport-assistant.rag.yaml"), "utf8").replace(/^ +collector: .*\n/m, ""),
    );
    return runCli([
      "plan",
      "--without-evidence",
      file,
      "--target",
      "kubernetes",
      ...flags,
      "--out",
      join(tempDir(), "never.json"),
    ]);
  };

  it("judges the --target it plans: a refusal names its checks with position and fix, exit 1 (issue 14)", () => {
    // Plan reports those findings instead of a component's bare line.
    const result = planWithoutCollector();
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/nothing was planned/);
    expect(result.stderr).not.toMatch(/deployed/);
    expect(result.stderr).toMatch(
      /airport-without-collector\.yaml:\d+:\d+ high LLM-PLAT-001 spec\.platform\.images\.collector is required/,
    );
    expect(result.stderr).toMatch(
      /airport-without-collector\.yaml:\d+:\d+ high LLM-PLAT-003 .*auroraPgvector is not built on target kubernetes.*\(at \/spec\/vectorStore\/engine\)/,
    );
    expect(result.stderr).toMatch(/^ {4}fix: /m);
  });

  it("a component refusal under a lowered --fail-on is still reported as the check that knows it", () => {
    const result = planWithoutCollector("--fail-on", "critical");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/:\d+:\d+ high LLM-PLAT-001 /);
    expect(result.stderr).toMatch(/fix: /);
  });

  it("refuses a spec that fails a policy with exit 1, before planning", () => {
    const document = parseDocument(readFileSync(join(ROOT, "examples/airport-assistant.rag.yaml"), "utf8"));
    document.setIn(["spec", "useCase", "riskTier"], "unacceptable");
    const file = join(tempDir(), "spec.yaml");
    writeFileSync(file, document.toString());
    const result = runCli(["plan", "--without-evidence", file, "--out", join(tempDir(), "never.json")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/LLM-GOV-003/);
    expect(result.stdout).toBe("");
  });

  it("--target kubernetes plans only the workloads of an AWS spec (and needs the collector image)", () => {
    // The example names a collector image; without one, kubernetes (which runs the record sinks) refuses.
    const without = parseDocument(readFileSync(join(ROOT, "examples/legal-slm.finetuning.yaml"), "utf8"));
    without.deleteIn(["spec", "platform", "images", "collector"]);
    const withoutFile = join(tempDir(), "legal-slm.finetuning.yaml");
    writeFileSync(withoutFile, without.toString());
    const refused = runCli(["plan", "--without-evidence", withoutFile, "--target", "kubernetes", "-f", "json"], {
      timeoutMs: 60_000,
    });
    // The check that knows it refuses, with its id and position (issue 14), not a component's bare line.
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /legal-slm\.finetuning\.yaml:\d+:\d+ high LLM-PLAT-001 spec\.platform\.images\.collector is required/,
    );
    const document = parseDocument(readFileSync(join(ROOT, "examples/legal-slm.finetuning.yaml"), "utf8"));
    document.setIn(
      ["spec", "platform", "images", "collector"],
      document.createNode({
        repository: "registry.internal.example.com/platform/record-collector",
        digest: `sha256:${"b".repeat(64)}`,
      }),
    );
    const file = join(tempDir(), "spec.yaml");
    writeFileSync(file, document.toString());
    const result = runCli(["plan", "--without-evidence", file, "--target", "kubernetes", "-f", "json"], {
      timeoutMs: 60_000,
    });
    expect(result.status, result.stderr).toBe(0);
    const plan = JSON.parse(result.stdout) as PlanDocument;
    expect(plan.target).toBe("kubernetes");
    expect(plan.resources.every((resource) => !resource.type.startsWith("aws:"))).toBe(true);
  });
});
