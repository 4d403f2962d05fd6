/**
 * The probe suite (test/probes/): inputs written to sidestep the checks, each stating in its
 * header which check must report which resource (`# expect: <id> <Kind/name | JSON Pointer>`),
 * and allowed twins that name the checks that must stay silent (`# clean: <id>, …`). A probe
 * is caught in full when every expected pair is reported and the named checks report nothing
 * else in the file.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PolicyEngine } from "../policies/engine/engine.js";
import { readRuntimeFile } from "../policies/engine/adapters/read-runtime-file.js";
import { loadSpecPolicies } from "../policies/engine/spec-policies.js";
import { validateSpecFile } from "../policies/engine/validate-specs.js";
import type { Finding } from "../policies/engine/finding.js";
import { ROOT } from "./helpers/cli.js";
import { BUNDLE_DIR, bundleBuilt } from "./helpers/tools.js";

const PROBES = join(ROOT, "test", "probes");

interface Probe {
  readonly file: string;
  /** "<id> <target>" pairs that must be reported. */
  readonly expected: readonly string[];
  /** Check ids that must report nothing (twins) or nothing beyond `expected` (probes). */
  readonly checks: ReadonlySet<string>;
  readonly twin: boolean;
}

/** Reads the `# expect:` and `# clean:` header lines of a probe file. */
function readProbe(file: string): Probe {
  const text = readFileSync(file, "utf8");
  const expected = [...text.matchAll(/^# expect: (LLM-[A-Z0-9]+-\d{3}) (\S+)$/gm)].map(
    (match) => `${match[1]} ${match[2]}`,
  );
  const clean = [...text.matchAll(/^# clean: (.+)$/gm)].flatMap((match) => match[1]!.split(",").map((id) => id.trim()));
  return {
    file,
    expected,
    checks: new Set([...expected.map((pair) => pair.split(" ")[0]!), ...clean]),
    twin: clean.length > 0,
  };
}

function probesIn(dir: string): Probe[] {
  return readdirSync(join(PROBES, dir))
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => readProbe(join(PROBES, dir, name)));
}

/** `k8s:<namespace>:<Kind>:<name>` (the manifest adapter's URN) as `Kind/name`. */
function kindAndName(finding: Finding): string {
  const parts = (finding.resource ?? "").split(":");
  return `${parts[2]}/${parts.slice(3).join(":")}`;
}

/** What a probe got wrong: expected pairs not reported, and reports of its checks not expected. */
function mismatches(probe: Probe, findings: readonly Finding[], target: (finding: Finding) => string): string[] {
  const reported = new Set(
    findings.filter((finding) => probe.checks.has(finding.id)).map((finding) => `${finding.id} ${target(finding)}`),
  );
  const expected = new Set(probe.expected);
  return [
    ...[...expected].filter((pair) => !reported.has(pair)).map((pair) => `${probe.file}: not caught: ${pair}`),
    ...[...reported].filter((pair) => !expected.has(pair)).map((pair) => `${probe.file}: unexpected: ${pair}`),
  ];
}

describe.skipIf(!bundleBuilt())("probes written to sidestep the checks", () => {
  let engine: PolicyEngine;
  let policies: Awaited<ReturnType<typeof loadSpecPolicies>>;
  beforeAll(async () => {
    engine = await PolicyEngine.load(BUNDLE_DIR);
    policies = await loadSpecPolicies(BUNDLE_DIR, "2026-11-28");
  });

  it("every probe names known checks, and every probe has an allowed twin", () => {
    const ids = new Set(engine.catalog.keys());
    for (const dir of ["kubernetes", "specs"]) {
      const probes = probesIn(dir);
      expect(probes.length).toBeGreaterThan(0);
      for (const probe of probes) {
        expect(probe.checks.size, `${probe.file} names no check`).toBeGreaterThan(0);
        expect(
          [...probe.checks].filter((id) => !ids.has(id)),
          probe.file,
        ).toEqual([]);
        if (!probe.twin) expect(probe.expected.length, probe.file).toBeGreaterThan(0);
      }
      const names = new Set(probes.map((probe) => probe.file));
      for (const probe of probes.filter((candidate) => !candidate.twin))
        expect(names.has(probe.file.replace(/\.yaml$/, ".twin.yaml")), probe.file).toBe(true);
    }
  });

  it("Kubernetes probes are caught in full, and their twins stay clean", () => {
    const problems = probesIn("kubernetes").flatMap((probe) => {
      const findings = engine.evaluateRuntime({ resources: readRuntimeFile(probe.file).resources });
      return mismatches(probe, findings, kindAndName);
    });
    expect(problems).toEqual([]);
  });

  it("spec probes are caught in full, and their twins stay clean", () => {
    const problems = probesIn("specs").flatMap((probe) => {
      const findings = validateSpecFile(probe.file, policies);
      // A probe the schema refuses would be "caught" for the wrong reason.
      const schema = findings
        .filter((finding) => finding.id === "LLM-SCHEMA-001")
        .map((finding) => `${probe.file}: schema: ${finding.message}`);
      return [...schema, ...mismatches(probe, findings, (finding) => finding.path)];
    });
    expect(problems).toEqual([]);
  });
});
