/**
 * The waiver file on its own (no bundle): the loader refuses bad entries with file:line:column,
 * and applyWaiverFile marks, expires and reports unused waivers with the resource, file and
 * path matches a spec exception does not have.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../input/input-error.js";
import { loadWaiverText, type LoadedWaivers } from "../schemas/load-waivers.js";
import type { Finding } from "../policies/engine/finding.js";
import {
  applyWaiverFile,
  applyWaiverFileAt,
  repositoryRoot,
  waiveReport,
  type WaivableResource,
} from "../policies/engine/waiver-file.js";
import { defaultWaiverFile } from "../policies/engine/waiver-location.js";
import { applyWaivers, todayUtc } from "../policies/engine/waivers.js";
import { ROOT, tempDir } from "./helpers/cli.js";

const HEADER = "apiVersion: llmops/v1alpha1\nkind: Waivers\nwaivers:\n";
const TODAY = "2026-11-30";

function entry(fields: string): string {
  return `  - policyId: LLM-K8S-001\n    reason: vendor chart, fixed upstream in 2.0\n    approver: ciso@example.com\n    expires: "2099-01-31"\n${fields}`;
}

async function refusal(text: string, file = "waivers.yaml"): Promise<InputError> {
  const error = await loadWaiverText(text, file).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

const RESOURCES: WaivableResource[] = [
  {
    urn: "k8s:vendor:Deployment:qdrant",
    type: "kubernetes:apps/v1:Deployment",
    name: "qdrant",
    props: { metadata: { name: "qdrant", namespace: "vendor" } },
  },
  {
    urn: "k8s:llm:Deployment:vllm",
    type: "kubernetes:apps/v1:Deployment",
    name: "vllm",
    props: { metadata: { name: "vllm", namespace: "llm" } },
  },
  {
    urn: "k8s:_:Service:vllm",
    type: "kubernetes:core/v1:Service",
    name: "vllm",
    props: { metadata: { name: "vllm" } },
  },
  {
    urn: "urn:pulumi:dev::llmops::llmops:kubernetes:InferenceService$kubernetes:apps/v1:Deployment::chat-server",
    type: "kubernetes:apps/v1:Deployment",
    name: "chat-server",
    props: { metadata: { namespace: "chat" } },
  },
];

function finding(
  index: number,
  id: string,
  file: string,
  rest = "/spec/template/spec/containers/0/securityContext",
): Finding {
  return {
    id,
    title: "t",
    severity: "high",
    message: "m",
    file,
    path: `/resources/${index}/props${rest}`,
    resource: RESOURCES[index]!.urn,
    remediation: "r",
    frameworks: {},
  };
}

const KNOWN = new Set(["LLM-K8S-001", "LLM-K8S-002"]);

describe("loading a waiver file", () => {
  it("reads a valid file, with its directory as the base of file globs", async () => {
    const loaded = await loadWaiverText(
      HEADER + entry("    resource: { kind: Deployment, namespace: vendor }\n    file: charts/**\n"),
      "/repo/.llmops-waivers.yaml",
    );
    expect(loaded.dir).toBe("/repo");
    expect(loaded.entries).toEqual([
      expect.objectContaining({
        policyId: "LLM-K8S-001",
        resource: { kind: "Deployment", namespace: "vendor" },
        file: "charts/**",
      }),
    ]);
    expect(loaded.locate("/waivers/0/expires")).toEqual({ line: 7, column: 14 });
  });

  it.each([
    [
      "an unknown key in an entry",
      entry("    namespace: vendor\n"),
      8,
      5,
      /unknown property "namespace"; expected one of: policyId, reason, approver, expires, path, resource, file/,
    ],
    [
      "an unknown key in a resource match",
      entry("    resource: { kind: Deployment, label: x }\n"),
      8,
      35,
      /unknown property "label"/,
    ],
    [
      "a malformed policy id",
      entry("").replace("LLM-K8S-001", "K8S-1"),
      4,
      15,
      /must be a policy id such as LLM-PRIV-001/,
    ],
    [
      "a date that is not one",
      entry("").replace("2099-01-31", "2099-02-30"),
      7,
      14,
      /expires 2099-02-30 is not a calendar date/,
    ],
    [
      "an approver that is not an email address",
      entry("").replace("ciso@example.com", "ciso"),
      6,
      15,
      /must be an email address/,
    ],
    [
      "a missing reason",
      entry("").replace("    reason: vendor chart, fixed upstream in 2.0\n", ""),
      4,
      5,
      /missing required property "reason"/,
    ],
    [
      "an empty resource match",
      entry("    resource: {}\n"),
      8,
      15,
      /resource names none of kind, namespace, name, urn/,
    ],
  ])("refuses %s with file:line:column", async (_name, body, line, column, message) => {
    const error = await refusal(HEADER + body);
    expect(error.message).toMatch(message);
    expect({ file: error.file, line: error.line, column: error.column }).toEqual({
      file: "waivers.yaml",
      line,
      column,
    });
  });

  it("refuses the wrong kind, a second document and duplicate keys", async () => {
    expect((await refusal("apiVersion: llmops/v1alpha1\nkind: LLMOpsStack\nwaivers: []\n")).format()).toBe(
      'waivers.yaml:2:7: unsupported kind "LLMOpsStack"; expected Waivers',
    );
    expect((await refusal(`${HEADER}  []\n---\n${HEADER}  []\n`)).message).toMatch(
      /expected one document of kind Waivers; found 2/,
    );
    expect((await refusal(`${HEADER}  []\nwaivers: []\n`)).message).toMatch(/duplicate/i);
  });
});

describe("the waiver file's published shape", () => {
  it("an entry has the fields of a spec exception (same schema), plus resource and file", async () => {
    const { publishedWaiverSchema } = await import("../schemas/waiver-schema.js");
    const { publishedSchema } = await import("../schemas/spec-schema.js");
    type Node = { properties: Record<string, Node>; items: Node; required?: string[] };
    const entry = (publishedWaiverSchema() as unknown as Node).properties.waivers!.items;
    const exception = (publishedSchema() as unknown as Node).properties.spec!.properties.exceptions!.items;
    expect(Object.keys(entry.properties)).toEqual([...Object.keys(exception.properties), "resource", "file"]);
    for (const key of Object.keys(exception.properties))
      expect(entry.properties[key], key).toEqual(exception.properties[key]);
    expect(entry.required).toEqual(exception.required);
  });

  it("the README's example is a valid waiver file", async () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const example = /```yaml\n(apiVersion: llmops\/v1alpha1\nkind: Waivers[\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const loaded = await loadWaiverText(example!, "README.md");
    expect(loaded.entries).toEqual([
      expect.objectContaining({
        expires: "2027-01-31",
        resource: { kind: "Deployment", namespace: "vendor-*", name: "qdrant" },
        file: "charts/vendor/**",
      }),
    ]);
  });
});

describe("applying a waiver file", () => {
  async function waivers(body: string, file = "/repo/.llmops-waivers.yaml"): Promise<LoadedWaivers> {
    return loadWaiverText(HEADER + body, file);
  }
  const apply = (findings: Finding[], loaded: LoadedWaivers) =>
    applyWaiverFile(findings, loaded, { knownIds: KNOWN, resources: RESOURCES, today: TODAY, cwd: "/repo" });

  it("matches a resource by kind, namespace, name and URN globs; every condition must hold", async () => {
    const findings = [
      finding(0, "LLM-K8S-001", "charts/vendor/all.yaml"),
      finding(1, "LLM-K8S-001", "rendered/llm.yaml"),
      finding(3, "LLM-K8S-001", "plan.json"),
    ];
    const cases: Array<[string, boolean[]]> = [
      ["{ kind: Deployment, namespace: vendor }", [true, false, false]],
      ["{ kind: 'kubernetes:apps/*:Deployment', name: 'q*' }", [true, false, false]],
      ["{ namespace: '{vendor,llm}' }", [true, true, false]],
      ["{ urn: 'urn:pulumi:*InferenceService*::chat-*' }", [false, false, true]],
      ["{ name: chat-server }", [false, false, true]],
      ["{ kind: Service }", [false, false, false]],
    ];
    for (const [match, expected] of cases) {
      const result = apply(findings, await waivers(entry(`    resource: ${match}\n`)));
      expect(
        result.slice(0, 3).map((f) => f.waiver !== undefined),
        match,
      ).toEqual(expected);
    }
  });

  it("a resource without a namespace never matches a namespace glob", async () => {
    const result = apply(
      [finding(2, "LLM-K8S-001", "a.yaml")],
      await waivers(entry("    resource: { namespace: '*' }\n")),
    );
    expect(result[0]!.waiver).toBeUndefined();
    expect(result[1]!.id).toBe("LLM-WAIVER-002");
  });

  it("matches input files by a glob relative to the waiver file's directory", async () => {
    const findings = [
      finding(0, "LLM-K8S-001", "charts/vendor/all.yaml"),
      finding(1, "LLM-K8S-001", "/repo/rendered/llm.yaml"),
      finding(1, "LLM-K8S-001", "../elsewhere/charts/x.yaml"),
    ];
    const result = apply(findings, await waivers(entry("    file: 'charts/**'\n")));
    expect(result.slice(0, 3).map((f) => f.waiver !== undefined)).toEqual([true, false, false]);
    const all = apply(findings, await waivers(entry("    file: '**/*.yaml'\n")));
    // ../elsewhere is outside the waiver file's directory: no glob reaches it.
    expect(all.slice(0, 3).map((f) => f.waiver !== undefined)).toEqual([true, true, false]);
  });

  it("compares path with the pointer inside the finding's resource", async () => {
    const findings = [
      finding(0, "LLM-K8S-001", "a.yaml"),
      finding(1, "LLM-K8S-001", "a.yaml", "/spec/template/spec/hostNetwork"),
    ];
    const result = apply(findings, await waivers(entry("    path: /spec/template/spec/containers\n")));
    expect(result.slice(0, 2).map((f) => f.waiver !== undefined)).toEqual([true, false]);
  });

  it("an expired waiver leaves the finding active and adds LLM-WAIVER-001 at its expires", async () => {
    const loaded = await waivers(entry("").replace("2099-01-31", "2026-11-29"));
    const result = apply([finding(0, "LLM-K8S-001", "a.yaml")], loaded);
    expect(result[0]!.waiver).toBeUndefined();
    expect(result[1]).toMatchObject({
      id: "LLM-WAIVER-001",
      severity: "high",
      file: "/repo/.llmops-waivers.yaml",
      path: "/waivers/0/expires",
      line: 7,
      column: 14,
    });
    // Expiry is inclusive: a waiver expiring today still applies.
    expect(
      apply([finding(0, "LLM-K8S-001", "a.yaml")], await waivers(entry("").replace("2099-01-31", TODAY)))[0]!.waiver,
    ).toBeDefined();
  });

  it("a current waiver that matches nothing is reported as unused (low) at its entry", async () => {
    const result = apply(
      [finding(0, "LLM-K8S-001", "a.yaml")],
      await waivers(entry("").replace("LLM-K8S-001", "LLM-K8S-002")),
    );
    expect(result).toHaveLength(2);
    expect(result[1]).toMatchObject({
      id: "LLM-WAIVER-002",
      severity: "low",
      path: "/waivers/0",
      line: 4,
      column: 5,
      message: "waiver for LLM-K8S-002 matches no finding; it waives nothing",
    });
  });

  it("an unknown check id is an error at its policyId", async () => {
    const loaded = await waivers(entry("").replace("LLM-K8S-001", "LLM-NOPE-001"));
    expect(() => apply([], loaded)).toThrow(InputError);
    try {
      apply([], loaded);
    } catch (error) {
      expect((error as InputError).format()).toBe(
        "/repo/.llmops-waivers.yaml:4:15: waiver names unknown policy id LLM-NOPE-001; see `llmops policy list`",
      );
    }
  });

  it("waiveReport adds the waiver rules and a summary, findings in the stable report order (file, line)", async () => {
    const loaded = await waivers(
      entry("    resource: { namespace: vendor }\n") +
        entry("").replace("2099-01-31", "2020-01-01") +
        entry("").replace("LLM-K8S-001", "LLM-K8S-002"),
    );
    const report = waiveReport(
      {
        command: "check",
        files: ["a.yaml"],
        rules: [],
        findings: [finding(0, "LLM-K8S-001", "a.yaml"), finding(1, "LLM-K8S-001", "a.yaml")],
      },
      loaded,
      { knownIds: KNOWN, resources: RESOURCES, today: TODAY },
    );
    expect(report.rules.map((rule) => rule.id)).toEqual(["LLM-WAIVER-001", "LLM-WAIVER-002"]);
    expect(report.waivers).toEqual({
      file: "/repo/.llmops-waivers.yaml",
      entries: 3,
      waived: 1,
      expired: 1,
      unused: 1,
    });
    expect(report.findings.map((f) => `${f.id}@${f.line ?? "-"}`)).toEqual([
      "LLM-WAIVER-001@12",
      "LLM-WAIVER-002@13",
      "LLM-K8S-001@-",
      "LLM-K8S-001@-",
    ]);
  });
});

describe("applyWaiverFileAt: load and apply in one call, for other consumers of findings", () => {
  it("reads the file and applies it, file globs relative to the file's directory", async () => {
    const dir = tempDir();
    const file = join(dir, "waivers.yaml");
    writeFileSync(file, HEADER + entry("    file: 'charts/**'\n"));
    const result = await applyWaiverFileAt(file, [finding(0, "LLM-K8S-001", join(dir, "charts/a.yaml"))], {
      knownIds: KNOWN,
      resources: RESOURCES,
      today: TODAY,
    });
    expect(result).toHaveLength(1);
    expect(result[0]!.waiver?.approver).toBe("ciso@example.com");
    await expect(applyWaiverFileAt(join(dir, "absent.yaml"), [], { knownIds: KNOWN })).rejects.toThrow(InputError);
  });
});

describe("the same logic for a spec's exceptions", () => {
  it("compares path with the finding's own pointer, reports no unused waiver, and dates by UTC", () => {
    const spec = (path: string): Finding => ({
      id: "LLM-EXPL-001",
      title: "t",
      severity: "high",
      message: "m",
      file: "spec.yaml",
      path,
      remediation: "r",
      frameworks: {},
    });
    const exceptions = [
      {
        policyId: "LLM-EXPL-001",
        reason: "citations in 2.3",
        approver: "ciso@example.com",
        expires: "2099-01-31",
        path: "/spec/explainability",
      },
      { policyId: "LLM-K8S-001", reason: "not here", approver: "ciso@example.com", expires: "2099-01-31" },
    ];
    const result = applyWaivers([spec("/spec/explainability/citations"), spec("/spec/models/0")], exceptions, {
      file: "spec.yaml",
      knownIds: new Set(["LLM-EXPL-001", "LLM-K8S-001"]),
      today: todayUtc(new Date("2026-11-30T23:30:00-05:00")),
    });
    expect(result.map((finding) => finding.waiver?.reason)).toEqual(["citations in 2.3", undefined]);
    expect(todayUtc(new Date("2026-11-30T23:30:00-05:00"))).toBe("2026-12-01");
  });
});

describe("finding the default waiver file", () => {
  it("looks at the git root of the working directory, else the working directory", () => {
    const repo = tempDir();
    mkdirSync(join(repo, ".git"));
    mkdirSync(join(repo, "charts", "vendor"), { recursive: true });
    expect(repositoryRoot(join(repo, "charts", "vendor"))).toBe(repo);
    expect(defaultWaiverFile(join(repo, "charts", "vendor"))).toBeUndefined();
    writeFileSync(join(repo, ".llmops-waivers.yaml"), `${HEADER}  []\n`);
    expect(defaultWaiverFile(join(repo, "charts", "vendor"))).toBe(join(repo, ".llmops-waivers.yaml"));
    // A worktree's .git is a file; it marks the root all the same.
    const worktree = join(repo, "charts", "vendor");
    writeFileSync(join(worktree, ".git"), "gitdir: elsewhere\n");
    expect(repositoryRoot(worktree)).toBe(worktree);
  });

  it("outside any repository, the working directory is the root", (context) => {
    const dir = join(tempDir(), "work");
    mkdirSync(dir);
    const ancestors = dir.split(sep).map((_part, index, parts) => parts.slice(0, index + 1).join(sep) || sep);
    const enclosing = ancestors.find((ancestor) => existsSync(join(ancestor, ".git")));
    if (enclosing !== undefined) {
      console.warn(`SKIP: the temporary directory is inside a git repository (${enclosing})`);
      context.skip();
    }
    expect(repositoryRoot(dir)).toBe(dir);
    writeFileSync(join(dir, ".llmops-waivers.yaml"), `${HEADER}  []\n`);
    expect(defaultWaiverFile(dir)).toBe(join(dir, ".llmops-waivers.yaml"));
  });
});
