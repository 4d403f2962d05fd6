/**
 * Organisation policies (issue 21, "Security teams"): the one tool runner's ignore flags (the
 * `policy test` merge-error regression), the data schema of the tunables, `policy new`, and an
 * organisation bundle built from a temporary directory (one new spec check, one new runtime
 * check, one scaffolded runtime check, one data file) used by `llmops validate --bundle`,
 * `llmops check --bundle`, `llmops plan --bundle` and the CrossGuard pack's policies, plus the
 * three build failures that must exit 2: a colliding id, a misspelt data key, a check without
 * METADATA.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PolicyResource, StackValidationArgs } from "@pulumi/policy";
import { stagePolicySources } from "../policies/engine/build-bundle.js";
import type { CatalogEntry } from "../policies/engine/catalog-entry.js";
import { PolicyEngine } from "../policies/engine/engine.js";
import { buildPolicies } from "../policies/pack/policies.js";
import { opaIgnoreFlags } from "../policies/engine/opa-tools.js";
import { mergeData, readPolicyDataFile } from "../policies/engine/policy-data.js";
import { runPolicyTests } from "../policies/engine/policy-test.js";
import { defaultCheckId, parseScaffoldPath, scaffoldCheck } from "../policies/engine/scaffold.js";
import { InputError } from "../input/input-error.js";
import { ROOT, runCli, tempDir } from "./helpers/cli.js";
import { requireTool } from "./helpers/tools.js";

const opa = requireTool("opa");
const tools = opa !== undefined && requireTool("regal") !== undefined;
const TOOLS_DIR = join(ROOT, ".tools", "bin");
/** Full gated builds of the whole library on a 2-core machine shared with other jobs. */
const BUILD_MS = 900_000;

/** The one-line `file:line:column: message` an InputError prints (what the CLI shows). */
function formatted(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof InputError) return error.format();
    throw error;
  }
  throw new Error("expected an InputError");
}

function write(path: string, text: string): string {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  return path;
}

describe("policy data files (schema of the tunables)", () => {
  it("accepts the built-in policies/data.yaml", () => {
    const data = readPolicyDataFile(join(ROOT, "policies", "data.yaml"));
    expect(Object.keys(data.params)).toContain("max_live_data_staleness_seconds");
    expect(data.overrides).toEqual([]);
  });

  it("refuses a misspelt key with its file:line:column", () => {
    const file = write(
      join(tempDir(), "org.yaml"),
      "llmops:\n  params:\n    max_agent_steps: 10\n    max_live_data_stalenes_seconds: 3600\n",
    );
    expect(formatted(() => readPolicyDataFile(file))).toBe(
      `${file}:4:5: unknown key "max_live_data_stalenes_seconds" at /llmops/params (see policies/engine/policy-data-schema.ts for the tunables)`,
    );
  });

  it("refuses a wrongly typed value, and an override that both disables and re-grades a check", () => {
    const typed = write(join(tempDir(), "typed.yaml"), "llmops:\n  params:\n    max_agent_steps: ten\n");
    expect(formatted(() => readPolicyDataFile(typed))).toMatch(
      /typed\.yaml:3:\d+: \/llmops\/params\/max_agent_steps must be integer/,
    );
    const both = write(
      join(tempDir(), "both.yaml"),
      "llmops:\n  check_overrides:\n    LLM-DATA-003: {disabled: true, severity: low, reason: both at once}\n",
    );
    expect(() => readPolicyDataFile(both)).toThrow(/not both/);
    const noReason = write(
      join(tempDir(), "reason.yaml"),
      "llmops:\n  check_overrides:\n    LLM-DATA-003: {disabled: true}\n",
    );
    expect(() => readPolicyDataFile(noReason)).toThrow(/reason/);
  });

  it("merges mappings key by key and replaces lists whole", () => {
    expect(mergeData({ a: { x: 1, y: 2 }, l: [1, 2] }, { a: { y: 3 }, l: [9] })).toEqual({ a: { x: 1, y: 3 }, l: [9] });
  });
});

describe("policy new (scaffold)", () => {
  it("parses <spec|runtime>/<category>/<name> and refuses anything else", () => {
    expect(parseScaffoldPath("spec/data/rag_refresh")).toEqual({ kind: "spec", category: "data", name: "rag_refresh" });
    for (const bad of ["data/rag", "spec/Data/x", "spec/data/x_test", "audit/data/x", "spec/data/x/y"])
      expect(() => parseScaffoldPath(bad)).toThrow(/expected <spec\|runtime>/);
    expect(defaultCheckId("kubernetes", 12)).toBe("ORG-KUBERNET-012");
    expect(() => scaffoldCheck({ kind: "spec", category: "data", name: "x", id: "org-1" })).toThrow(/--id org-1/);
  });

  it("writes the check and its test, and refuses to overwrite them (exit 2)", () => {
    const dir = tempDir("llmops-org-new-");
    const first = runCli(["policy", "new", "spec/data/refresh", "--dir", dir]);
    expect(first.status, first.stderr).toBe(0);
    expect(readFileSync(join(dir, "spec/data/refresh.rego"), "utf8")).toMatch(
      /# METADATA[\s\S]*id: ORG-DATA-001[\s\S]*package llmops\.spec\.data\.refresh\n/,
    );
    expect(readFileSync(join(dir, "spec/data/refresh_test.rego"), "utf8")).toMatch(
      /denied_cases :=[\s\S]*allowed_cases :=/,
    );
    const again = runCli(["policy", "new", "spec/data/refresh", "--dir", dir]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    // The next scaffold in the same category takes the next free id.
    expect(runCli(["policy", "new", "spec/data/other", "--dir", dir]).stdout).toMatch(/ORG-DATA-002/);
  });
});

describe("policy subcommands", () => {
  it("gives each subcommand its own options", () => {
    const list = runCli(["policy", "list", "--help"]);
    expect(list.status).toBe(0);
    expect(list.stdout).not.toMatch(/--coverage|--signing-key/);
    const build = runCli(["policy", "build", "--help"]);
    expect(build.stdout).toMatch(/--coverage/);
    expect(build.stdout).toMatch(/--signing-key/);
    expect(runCli(["policy", "frobnicate"]).status).toBe(2);
  });
});

describe.skipIf(!opa)("the one tool runner", () => {
  it("runs opa test with the ignore flags, so policies/pack's package.json is no data (merge error regression)", () => {
    // A policies/ tree with the two files whose `description` keys collided under data.pack.
    const root = tempDir("llmops-runner-");
    write(join(root, "policies/data.yaml"), "llmops:\n  params:\n    max_agent_steps: 25\n");
    write(
      join(root, "policies/pack/package.json"),
      JSON.stringify({ name: "pack", description: "the CrossGuard pack" }),
    );
    write(join(root, "policies/pack/PulumiPolicy.yaml"), "runtime: nodejs\ndescription: a policy pack\n");
    write(
      join(root, "policies/spec/demo/steps.rego"),
      "package llmops.spec.demo.steps\n\nlimit := data.llmops.params.max_agent_steps\n",
    );
    write(
      join(root, "policies/spec/demo/steps_test.rego"),
      "package llmops.spec.demo.steps_test\n\nimport data.llmops.spec.demo.steps\n\ntest_limit if steps.limit == 25\n",
    );
    // Without the flags the fixture reproduces the reported failure...
    const bare = spawnSync(opa!, ["test", "policies"], { cwd: root, encoding: "utf8" });
    expect(bare.status).not.toBe(0);
    expect(`${bare.stdout}${bare.stderr}`).toMatch(/merge error: conflicting values at data\.pack\.description/);
    // ...and through the runner it passes.
    const report = runPolicyTests(stagePolicySources(root, tempDir()), [], TOOLS_DIR);
    expect(report.failed).toBe(0);
    expect(report.passed).toBe(1);
    expect(opaIgnoreFlags({ tests: false })).toEqual([
      "--ignore",
      "*_test.rego",
      "--ignore",
      "engine",
      "--ignore",
      "pack",
      "--ignore",
      "node_modules",
    ]);
  });
});

/** The example check: production RAG data sources must refresh at least hourly. */
const REFRESH_CHECK = `# METADATA
# title: Production RAG data sources refresh at least hourly
# description: >-
#   Grounding data older than an hour gives production RAG answers that are confidently out of
#   date; every source of a production RAG stack declares a freshness SLA of one hour or less.
# scope: package
# custom:
#   id: ORG-DATA-001
#   severity: high
#   remediation: >-
#     Set freshnessSla to PT1H or less (PT15M, PT3600S) on every data source of a production RAG stack.
#   frameworks:
#     nist-ai-rmf: ["MEASURE 2.5"]
#     owasp-llm-2025: ["LLM09:2025"]
package llmops.spec.org_data.rag_refresh_hourly

deny contains {"id": "ORG-DATA-001", "msg": msg, "path": sprintf("/spec/data/sources/%d", [i])} if {
	input.metadata.environment == "prod"
	input.spec.pattern == "rag"
	some i, source in input.spec.data.sources
	not hourly(object.get(source, "freshnessSla", ""))
	msg := sprintf("data source %s of a production RAG stack refreshes less often than hourly (freshnessSla %v)", [source.name, object.get(source, "freshnessSla", "unset")])
}

# PT1H, PT1M..PT60M, PT1S..PT3600S.
hourly(sla) if regex.match(\`^PT(1H|([1-9]|[1-5][0-9]|60)M|([1-9][0-9]{0,2}|[1-2][0-9]{3}|3[0-5][0-9]{2}|3600)S)$\`, sla)
`;

const REFRESH_TEST = `package llmops.spec.org_data.rag_refresh_hourly_test

import data.llmops.lib.testing
import data.llmops.spec.org_data.rag_refresh_hourly as check

rag(sla) := {"metadata": {"environment": "prod"}, "spec": {"pattern": "rag", "data": {"sources": [{"name": "docs", "freshnessSla": sla}]}}}

denied_cases := {
	"daily": {"input": rag("P1D"), "path": "/spec/data/sources/0"},
	"two hours": {"input": rag("PT2H"), "path": "/spec/data/sources/0"},
	"61 minutes": {"input": rag("PT61M"), "path": "/spec/data/sources/0"},
	"unset": {"input": {"metadata": {"environment": "prod"}, "spec": {"pattern": "rag", "data": {"sources": [{"name": "docs"}]}}}, "path": "/spec/data/sources/0"},
}

allowed_cases := {
	"hourly": rag("PT1H"),
	"every minute": rag("PT1M"),
	"3600 seconds": rag("PT3600S"),
	"dev stack": object.union(rag("P1D"), {"metadata": {"environment": "dev"}}),
	"not rag": object.union(rag("P1D"), {"spec": {"pattern": "agent"}}),
}

test_denied[note] if {
	some note, tc in denied_cases
	testing.denied(check.deny, "ORG-DATA-001", tc.path) with input as tc.input
}

test_allowed[note] if {
	some note, tc in allowed_cases
	testing.allowed(check.deny) with input as tc
}
`;

/** An organisation's runtime check: every Deployment names its owning team (a label). */
const TEAM_LABEL_CHECK = `# METADATA
# title: Deployments name the team that owns them
# description: >-
#   An incident on a model server needs an owner to page; every Deployment carries the
#   example.com/team label naming the team that runs it.
# scope: package
# custom:
#   id: ORG-OWN-001
#   severity: high
#   remediation: >-
#     Add the label example.com/team, set to the owning team's name, to the Deployment's metadata.labels.
#   frameworks:
#     nist-ai-rmf: ["GOVERN 2.1"]
package llmops.runtime.org_owner.team_label

deny contains {"id": "ORG-OWN-001", "msg": msg, "path": concat("", ["/resources/", format_int(i, 10), "/props/metadata"]), "resource": resource.urn} if {
	some i, resource in input.resources
	resource.type == "kubernetes:apps/v1:Deployment"
	object.get(resource.props, ["metadata", "labels", "example.com/team"], "") == ""
	msg := concat("", ["Deployment ", resource.name, " has no example.com/team label naming the team that owns it"])
}
`;

const TEAM_LABEL_TEST = `package llmops.runtime.org_owner.team_label_test

import data.llmops.runtime.org_owner.team_label as check

deployment(labels) := {"resources": [{"urn": "urn:test::web", "type": "kubernetes:apps/v1:Deployment", "name": "web", "props": {"metadata": {"labels": labels}}}]}

denied_cases := {
	"no team label": {"input": deployment({"app": "web"}), "path": "/resources/0/props/metadata"},
	"an empty team label": {"input": deployment({"example.com/team": ""}), "path": "/resources/0/props/metadata"},
	"no labels at all": {"input": {"resources": [{"urn": "urn:test::web", "type": "kubernetes:apps/v1:Deployment", "name": "web", "props": {}}]}, "path": "/resources/0/props/metadata"},
}

allowed_cases := {
	"a team label": deployment({"example.com/team": "search"}),
	"not a Deployment": {"resources": [{"urn": "urn:test::job", "type": "kubernetes:batch/v1:Job", "name": "job", "props": {}}]},
}

# Each denied case yields exactly this check's id at the expected path, naming the resource.
test_denied[note] if {
	some note, tc in denied_cases
	found := check.deny with input as tc.input
	{[f.id, f.path] | some f in found} == {["ORG-OWN-001", tc.path]}
	every f in found { f.resource == "urn:test::web" }
}

test_allowed[note] if {
	some note, tc in allowed_cases
	found := check.deny with input as tc
	count(found) == 0
}
`;

/** Two Deployments, one without the team label (line 4: its metadata). */
const DEPLOYMENTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: chat-server
  namespace: llm-serving
spec:
  replicas: 2
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: search-server
  namespace: llm-serving
  labels:
    example.com/team: search
spec:
  replicas: 2
`;

const ORG_DATA = `# The organisation's tunables and overrides of built-in checks.
llmops:
  params:
    max_agent_steps: 10
  check_overrides:
    LLM-DATA-002:
      severity: low
      reason: sources without an SLA are caught by ORG-DATA-001 where it matters
    LLM-DATA-003:
      disabled: true
      reason: quality checks run in the data platform, outside the spec
`;

describe.skipIf(!tools)("an organisation bundle (llmops policy build --policy --data)", () => {
  const work = tempDir("llmops-org-bundle-");
  const org = join(work, "org-policies");
  const data = join(work, "org-data.yaml");
  const bundle = join(work, "org-bundle");
  // The airport example with one source's SLA removed (LLM-DATA-002, ORG-DATA-001) and its quality checks emptied (LLM-DATA-003).
  const spec = join(work, "airport.yaml");
  const manifests = join(work, "deployments.yaml");
  let built: ReturnType<typeof runCli>;

  beforeAll(() => {
    write(join(org, "spec/org_data/rag_refresh_hourly.rego"), REFRESH_CHECK);
    write(join(org, "spec/org_data/rag_refresh_hourly_test.rego"), REFRESH_TEST);
    write(join(org, "runtime/org_owner/team_label.rego"), TEAM_LABEL_CHECK);
    write(join(org, "runtime/org_owner/team_label_test.rego"), TEAM_LABEL_TEST);
    write(data, ORG_DATA);
    write(manifests, DEPLOYMENTS);
    const airport = readFileSync(join(ROOT, "examples/airport-assistant.rag.yaml"), "utf8");
    const edited = airport
      .replace(/^ {8}freshnessSla: P1D\n/m, "")
      .replace("qualityChecks: [schema, duplicates, toxicity]", "qualityChecks: []");
    expect(edited).not.toBe(airport);
    write(spec, edited);
    // A scaffolded runtime check, as `policy new` writes it, goes through the same gate unchanged.
    expect(
      runCli(["policy", "new", "runtime/org_platform/min_replicas", "--dir", org, "--id", "ORG-PLAT-001"]).status,
    ).toBe(0);
    built = runCli(["policy", "build", "--policy", org, "--data", data, "--out", bundle, "--coverage", "90"], {
      timeoutMs: BUILD_MS,
    });
  }, BUILD_MS);

  it("builds through the gate, with origin and overrides in the catalogue", () => {
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr).toMatch(/\(3 from organisation dirs\), 2 overridden/);
    const catalog = JSON.parse(readFileSync(join(bundle, "catalog.json"), "utf8")) as Array<Record<string, unknown>>;
    const byId = new Map(catalog.map((entry) => [entry.id, entry]));
    expect(byId.get("ORG-DATA-001")).toMatchObject({
      origin: org,
      source: `${org}/spec/org_data/rag_refresh_hourly.rego`,
      package: "llmops.spec.org_data.rag_refresh_hourly",
      severity: "high",
    });
    expect(byId.get("ORG-PLAT-001")).toMatchObject({ origin: org });
    expect(byId.get("ORG-OWN-001")).toMatchObject({
      origin: org,
      package: "llmops.runtime.org_owner.team_label",
      severity: "high",
    });
    expect(byId.get("LLM-DATA-002")).toMatchObject({
      origin: "builtin",
      severity: "low",
      override: { severityFrom: "high", file: data },
    });
    expect(byId.get("LLM-DATA-003")).toMatchObject({ override: { disabled: true, file: data } });
    // The data override reached OPA's data; check_overrides did not.
    const bundleData = JSON.parse(readFileSync(join(bundle, "data.json"), "utf8")) as {
      llmops: { params: Record<string, unknown>; check_overrides?: unknown };
    };
    expect(bundleData.llmops.params.max_agent_steps).toBe(10);
    expect(bundleData.llmops.check_overrides).toBeUndefined();
  });

  it("is used by llmops validate --bundle: the new id with its METADATA, the override shown, the disabled check silent", () => {
    const run = runCli(["validate", spec, "--bundle", bundle, "--format", "json", "--fail-on", "critical"]);
    expect(run.status, run.stderr).toBe(0);
    const findings = (JSON.parse(run.stdout) as { findings: Array<Record<string, unknown>> }).findings;
    expect(findings.find((finding) => finding.id === "ORG-DATA-001")).toMatchObject({
      title: "Production RAG data sources refresh at least hourly",
      severity: "high",
      path: "/spec/data/sources/1",
      origin: org,
      frameworks: { "nist-ai-rmf": ["MEASURE 2.5"], "owasp-llm-2025": ["LLM09:2025"] },
      remediation: expect.stringMatching(/^Set freshnessSla to PT1H or less/),
    });
    expect(findings.find((finding) => finding.id === "LLM-DATA-002")).toMatchObject({
      severity: "low",
      override: { severityFrom: "high" },
    });
    expect(findings.map((finding) => finding.id)).not.toContain("LLM-DATA-003");
    // Every other format says where the check comes from.
    const pretty = runCli(["validate", spec, "--bundle", bundle, "--fail-on", "critical"]);
    expect(pretty.stdout).toContain(`origin ${org}`);
    expect(pretty.stdout).toMatch(/severity high → low by .*org-data\.yaml/);
    const sarif = JSON.parse(
      runCli(["validate", spec, "--bundle", bundle, "--format", "sarif", "--fail-on", "critical"]).stdout,
    ) as { runs: Array<{ results: Array<{ ruleId: string; properties: Record<string, unknown> }> }> };
    expect(sarif.runs[0]!.results.find((result) => result.ruleId === "ORG-DATA-001")!.properties.origin).toBe(org);
    expect(
      runCli(["validate", spec, "--bundle", bundle, "--format", "junit", "--fail-on", "critical"]).stdout,
    ).toContain(`origin ${org}`);
    expect(
      runCli(["validate", spec, "--bundle", bundle, "--format", "github", "--fail-on", "critical"]).stdout,
    ).toContain(`origin ${org}`);
  });

  it("is used by llmops check --bundle: the new runtime id with its METADATA and origin, in every format", () => {
    const run = runCli(["check", manifests, "--bundle", bundle, "--format", "json"]);
    expect(run.status, run.stderr).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: Array<Record<string, unknown>> }).findings.filter(
      (finding) => finding.id === "ORG-OWN-001",
    );
    // Only the Deployment without the label, at its metadata (line 4), with the catalogue's METADATA.
    expect(findings).toEqual([
      expect.objectContaining({
        title: "Deployments name the team that owns them",
        severity: "high",
        message: "Deployment chat-server has no example.com/team label naming the team that owns it",
        file: manifests,
        line: 4,
        origin: org,
        frameworks: { "nist-ai-rmf": ["GOVERN 2.1"] },
        remediation: expect.stringMatching(/^Add the label example\.com\/team/),
      }),
    ]);
    expect(runCli(["check", manifests, "--bundle", bundle]).stdout).toContain(`origin ${org}`);
    const sarif = JSON.parse(runCli(["check", manifests, "--bundle", bundle, "--format", "sarif"]).stdout) as {
      runs: Array<{ results: Array<{ ruleId: string; properties: Record<string, unknown> }> }>;
    };
    expect(sarif.runs[0]!.results.find((result) => result.ruleId === "ORG-OWN-001")!.properties.origin).toBe(org);
    // The built-in bundle knows no such check.
    const builtin = JSON.parse(runCli(["check", manifests, "--format", "json"]).stdout) as {
      findings: Array<{ id: string }>;
    };
    expect(builtin.findings.map((finding) => finding.id)).not.toContain("ORG-OWN-001");
  });

  it("reaches the CrossGuard pack's policies and llmops plan --bundle", async () => {
    // The pack (policies/pack/index.ts) builds its policies from the catalogue of the bundle it
    // loads (LLMOPS_BUNDLE): here, the organisation bundle's, driven with a stack-validation call.
    const catalog = JSON.parse(readFileSync(join(bundle, "catalog.json"), "utf8")) as CatalogEntry[];
    const policies = buildPolicies(catalog, () => PolicyEngine.load(bundle));
    const policy = policies.find((candidate) => candidate.name === "org-own-001");
    expect(policy).toMatchObject({
      enforcementLevel: "mandatory",
      description: expect.stringMatching(
        /^Deployments name the team that owns them\. Add the label example\.com\/team/,
      ),
    });
    const resource = (name: string, labels: Record<string, string>): PolicyResource => ({
      urn: `urn:pulumi:prod::llmops::kubernetes:apps/v1:Deployment::${name}`,
      type: "kubernetes:apps/v1:Deployment",
      name,
      props: { metadata: { name, labels }, spec: { replicas: 2 } },
      opts: {} as PolicyResource["opts"],
      dependencies: [],
      propertyDependencies: {},
      isType: () => false,
      asType: () => undefined,
    });
    const stack: StackValidationArgs = {
      resources: [resource("chat", { app: "chat" }), resource("search", { "example.com/team": "search" })],
      stackTags: new Map(),
      getConfig: <T extends object>() => ({}) as T,
      notApplicable: () => {
        throw new Error("n/a");
      },
    };
    const violations: Array<{ message: string; urn?: string }> = [];
    await policy!.validateStack(stack, (message, urn) => violations.push({ message, ...(urn ? { urn } : {}) }));
    expect(violations).toEqual([
      {
        urn: "urn:pulumi:prod::llmops::kubernetes:apps/v1:Deployment::chat",
        message: expect.stringContaining("[ORG-OWN-001] [high] Deployment chat has no example.com/team label"),
      },
    ]);
    expect(violations[0]!.message).toContain(`Origin: ${org}.`);
    // llmops plan judges the planned resources with the same bundle: the example's Deployments carry no team label.
    const planned = runCli(
      [
        "plan",
        "examples/campaign-summariser.rag.yaml",
        "--bundle",
        bundle,
        "--out",
        join(work, "plan.json"),
        "--format",
        "json",
        "--fail-on",
        "critical",
      ],
      { timeoutMs: 120_000 },
    );
    expect(planned.status, planned.stderr).toBe(0);
    const plan = JSON.parse(planned.stdout) as { findings: Array<Record<string, unknown>> };
    const owned = plan.findings.filter((finding) => finding.id === "ORG-OWN-001");
    expect(owned.length).toBeGreaterThan(0);
    for (const finding of owned)
      expect(finding).toMatchObject({
        severity: "high",
        origin: org,
        title: "Deployments name the team that owns them",
        resource: expect.stringContaining("kubernetes:apps/v1:Deployment"),
      });
  }, 150_000);

  it(
    "shows organisation checks in policy list and explain, from the bundle and from the sources",
    () => {
      const list = runCli(["policy", "list", "--bundle", bundle]);
      expect(list.stdout).toMatch(
        new RegExp(`ORG-DATA-001 +high +Production RAG data sources refresh at least hourly  \\[${org}\\]`),
      );
      expect(list.stdout).toMatch(/LLM-DATA-003 .*disabled by/);
      const explain = runCli(["policy", "explain", "ORG-DATA-001", "--policy", org], { timeoutMs: BUILD_MS });
      expect(explain.status, explain.stderr).toBe(0);
      expect(explain.stdout).toContain(`Origin: ${org}`);
      expect(explain.stdout).toMatch(/MEASURE 2\.5: /);
    },
    BUILD_MS,
  );

  it(
    "policy test --policy runs the built-in and organisation tests, with coverage per check",
    () => {
      const run = runCli(["policy", "test", "--policy", org, "--format", "json"], { timeoutMs: BUILD_MS });
      expect(run.status, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as {
        failed: number;
        passed: number;
        checks: Array<{ id?: string; origin?: string; coverage: number }>;
      };
      expect(report.failed).toBe(0);
      expect(report.passed).toBeGreaterThan(400);
      expect(report.checks.find((check) => check.id === "ORG-DATA-001")).toMatchObject({ origin: org, coverage: 100 });
      expect(report.checks.find((check) => check.id === "ORG-PLAT-001")).toMatchObject({ origin: org, coverage: 100 });
      expect(report.checks.find((check) => check.id === "ORG-OWN-001")).toMatchObject({ origin: org, coverage: 100 });
      expect(report.checks.find((check) => check.id === "LLM-DATA-002")).toMatchObject({ origin: "builtin" });
    },
    BUILD_MS,
  );

  it(
    "fails with exit 2 on an id that collides with a built-in check, naming both files",
    () => {
      const dir = tempDir("llmops-org-collide-");
      write(
        join(dir, "spec/org_data/refresh.rego"),
        REFRESH_CHECK.replaceAll("ORG-DATA-001", "LLM-DATA-002").replaceAll("rag_refresh_hourly", "refresh"),
      );
      const run = runCli(["policy", "build", "--policy", dir, "--out", join(dir, "out")], { timeoutMs: BUILD_MS });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`${dir}/spec/org_data/refresh.rego:`);
      expect(run.stderr).toMatch(
        /check id LLM-DATA-002 collides with built-in check policies\/spec\/data\/freshness_sla\.rego/,
      );
    },
    BUILD_MS,
  );

  it("fails with exit 2 on a misspelt data key, at its file:line:column, before the gate runs", () => {
    const typo = write(join(tempDir(), "typo.yaml"), "llmops:\n  params:\n    max_agent_step: 10\n");
    const run = runCli(["policy", "build", "--policy", org, "--data", typo, "--out", join(work, "never")]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      `${typo}:3:5: unknown key "max_agent_step" at /llmops/params (see policies/engine/policy-data-schema.ts for the tunables)`,
    );
  });

  it(
    "fails with exit 2 on a check without METADATA, naming the file",
    () => {
      const dir = tempDir("llmops-org-nometa-");
      write(
        join(dir, "spec/org_data/refresh.rego"),
        REFRESH_CHECK.replace(/^(#.*\n)+/, "").replaceAll("rag_refresh_hourly", "refresh"),
      );
      const run = runCli(["policy", "build", "--policy", dir, "--out", join(dir, "out")], { timeoutMs: BUILD_MS });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(
        `${dir}/spec/org_data/refresh.rego: check has no package-scoped METADATA block (package llmops.spec.org_data.refresh)`,
      );
    },
    BUILD_MS,
  );

  it(
    "fails with exit 2 when an override names no check",
    () => {
      const unknown = write(
        join(tempDir(), "unknown.yaml"),
        "llmops:\n  check_overrides:\n    LLM-NOPE-001: {disabled: true, reason: no such check}\n",
      );
      const run = runCli(["policy", "list", "--data", unknown], { timeoutMs: BUILD_MS });
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toBe(
        `${unknown}:3:5: check_overrides: no check has the id LLM-NOPE-001; see llmops policy list`,
      );
    },
    BUILD_MS,
  );
});
