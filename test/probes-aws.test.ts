/**
 * The AWS probe suite (test/probes/aws/): inputs written to sidestep the runtime checks are
 * caught in full. Each `deny-<ID>-…` resource gets exactly that check's finding; `allow-…`
 * twins and `support-…` resources get none.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PolicyEngine } from "../policies/engine/engine.js";
import { ROOT } from "./helpers/cli.js";
import { BUNDLE_DIR, bundleBuilt } from "./helpers/tools.js";

const PROBES = join(ROOT, "test", "probes", "aws");
const files = readdirSync(PROBES)
  .filter((file) => file.endsWith(".json"))
  .sort();

interface Probe {
  urn: string;
  type: string;
  name: string;
  props: Record<string, unknown>;
}

describe.skipIf(!bundleBuilt())("AWS probes written to sidestep the checks", () => {
  let engine: PolicyEngine;
  beforeAll(async () => {
    engine = await PolicyEngine.load(BUNDLE_DIR);
  });

  it("label every resource and cover at least 15 checks", () => {
    const names = files.flatMap((file) =>
      (JSON.parse(readFileSync(join(PROBES, file), "utf8")) as { resources: Probe[] }).resources.map(
        (resource) => resource.name,
      ),
    );
    expect(names.filter((name) => !/^(deny|allow)-LLM-AWS-\d{3}-|^support-/.test(name))).toEqual([]);
    const checks = new Set(
      names.filter((name) => name.startsWith("deny-")).map((name) => name.split("-").slice(1, 4).join("-")),
    );
    expect(checks.size).toBeGreaterThanOrEqual(15);
    for (const check of checks)
      expect(
        names.some((name) => name.startsWith(`allow-${check}-`)),
        `${check} has no allowed twin`,
      ).toBe(true);
  });

  it.each(files)("%s: each deny probe is caught by its check alone, twins and supports stay clean", (file) => {
    const input = JSON.parse(readFileSync(join(PROBES, file), "utf8")) as { resources: Probe[]; spec?: unknown };
    const findings = engine.evaluateRuntime(input);
    const byResource = new Map<string, string[]>();
    for (const finding of findings) {
      const name =
        input.resources.find((resource) => resource.urn === finding.resource)?.name ??
        `(not a resource: ${finding.path})`;
      byResource.set(name, [...(byResource.get(name) ?? []), finding.id]);
    }
    const expected = new Map(
      input.resources
        .filter((resource) => resource.name.startsWith("deny-"))
        .map((resource) => [resource.name, [resource.name.split("-").slice(1, 4).join("-")]]),
    );
    const actual = new Map([...byResource].map(([name, ids]) => [name, [...new Set(ids)].sort()]));
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
  });
});
