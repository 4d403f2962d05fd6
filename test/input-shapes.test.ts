/**
 * Runtime inputs as their producers mean them (issue 15): kubectl's multi-document rules, YAML 1.1
 * booleans in Kubernetes objects, Pulumi unknowns and secret envelopes, standard input, chart
 * repository directories, and output that reaches terminals, CI logs and pipes intact.
 * Fixtures: test/fixtures/inputs/.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { CLI, ROOT, hasStackTrace, runCli, tempDir } from "./helpers/cli.js";
import { bundleBuilt } from "./helpers/tools.js";

const ready = bundleBuilt();
const INPUTS = join(ROOT, "test/fixtures/inputs");
const fixture = (name: string) => join(INPUTS, name);

interface JsonReport {
  files: string[];
  findings: Array<{ id: string; file?: string; line?: number; path: string; message: string; resource?: string }>;
  undetermined: Array<{ resource: string; paths: string[] }>;
}

function checkJson(
  args: readonly string[],
  options: { input?: string } = {},
): { status: number | null; report?: JsonReport; stderr: string } {
  const result =
    options.input === undefined
      ? runCli(["check", ...args, "-f", "json"])
      : spawnCli(["check", ...args, "-f", "json"], options.input);
  return {
    status: result.status,
    stderr: result.stderr,
    ...(result.status === 2 ? {} : { report: JSON.parse(result.stdout) as JsonReport }),
  };
}

function spawnCli(args: readonly string[], input: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ids = (report: JsonReport | undefined) => new Set(report?.findings.map((finding) => finding.id));

describe.skipIf(!ready)("multi-document YAML as kubectl reads it", () => {
  it.each(["auto", "manifests"])(
    "skips empty, comment-only, null, ~ and trailing documents (--input-kind %s)",
    (kind) => {
      const { status, report, stderr } = checkJson([fixture("empty-documents.yaml"), "--input-kind", kind]);
      expect(status, stderr).toBe(1);
      expect(hasStackTrace(stderr)).toBe(false);
      const privileged = report!.findings.filter((finding) => finding.id === "LLM-K8S-004");
      expect(privileged.map((finding) => finding.line)).toEqual([14]);
    },
  );

  it("ignores a byte-order mark at the start of a later document", () => {
    const { status, report, stderr } = checkJson([fixture("bom-later-document.yaml")]);
    expect(status, stderr).toBe(1);
    expect(report!.findings.find((finding) => finding.id === "LLM-K8S-004")?.line).toBe(17);
  });

  it("a document that is not a Kubernetes object is refused at its own line", () => {
    const file = join(tempDir(), "stray.yaml");
    writeFileSync(file, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n# next\nreplicaCount: 1\n");
    const result = runCli(["check", file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/stray\.yaml:7:1: unrecognised runtime config \(document 2 of the stream\)/);
  });

  it("a file of nothing but empty documents is refused, not 'no findings'", () => {
    const file = join(tempDir(), "nothing.yaml");
    writeFileSync(file, "---\n# only comments\n---\nnull\n---\n");
    const result = runCli(["check", file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/holds no document/);
  });
});

describe.skipIf(!ready)("Kubernetes objects read with the API server's YAML 1.1 booleans", () => {
  it("privileged: yes, hostPID: on and automountServiceAccountToken: no are booleans", () => {
    const { status, report, stderr } = checkJson([fixture("yaml11-booleans.yaml")]);
    expect(status, stderr).toBe(1);
    const found = ids(report);
    expect(found.has("LLM-K8S-004")).toBe(true); // privileged: yes
    expect(found.has("LLM-K8S-007")).toBe(true); // hostPID: on
    expect(found.has("LLM-K8S-021")).toBe(false); // automountServiceAccountToken: no
    expect(found.has("LLM-K8S-002")).toBe(false); // allowPrivilegeEscalation: Off
  });

  it("a non-boolean in a boolean field is refused with file:line:column", () => {
    const result = runCli(["check", fixture("not-a-boolean.yaml")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /not-a-boolean\.yaml:10:21: privileged is a boolean in the Kubernetes API; "perhaps" is not one/,
    );
  });

  it("spec files stay on YAML 1.2 core: `no` is a string there", async () => {
    const { parseDocuments } = await import("../input/parse-documents.js");
    expect(parseDocuments("a: no\nb: yes\n", "spec.yaml")[0]!.value).toEqual({ a: "no", b: "yes" });
  });
});

describe.skipIf(!ready)("Pulumi values", () => {
  it("preview unknowns are undetermined, never judged as an image or a CIDR", () => {
    const { status, report, stderr } = checkJson([fixture("preview-unknowns.json")]);
    expect(status, stderr).toBe(0);
    expect(report!.findings.filter((finding) => finding.message.includes("unknown"))).toEqual([]);
    expect(ids(report).has("LLM-K8S-009")).toBe(false); // image digest
    expect(ids(report).has("LLM-K8S-027")).toBe(false); // approved registry
    expect(report!.undetermined.map((entry) => [entry.resource.split("::").pop(), entry.paths])).toEqual([
      ["vllm", ["/metadata/namespace", "/spec/template/spec/containers/0/image"]],
      ["inference", ["/vpcId", "/ingress/0/cidrBlocks/0"]],
    ]);
    const pretty = runCli(["check", fixture("preview-unknowns.json")]);
    expect(pretty.stdout).toMatch(
      /undetermined urn:pulumi:dev::serving::kubernetes:apps\/v1:Deployment::vllm: could not be evaluated: 2 properties are unknown during preview/,
    );
  });

  it("a secret envelope in a stack export is still a literal secret", () => {
    const { status, report, stderr } = checkJson([fixture("stack-export-secret.json")]);
    expect(status, stderr).toBe(1);
    const literals = report!.findings
      .filter((finding) => finding.id === "LLM-K8S-010")
      .map((finding) => finding.path.replace(/^.*\/env\//, ""));
    expect(literals).toEqual(["0/value", "1/value"]);
  });
});

describe.skipIf(!ready)("standard input and zero-file inputs", () => {
  const manifest = readFileSync(fixture("empty-documents.yaml"), "utf8");

  it("`-` reads standard input, named <stdin>", () => {
    const { status, report, stderr } = checkJson(["-"], { input: manifest });
    expect(status, stderr).toBe(1);
    expect(report!.files).toEqual(["<stdin>"]);
    expect(report!.findings.find((finding) => finding.id === "LLM-K8S-004")?.file).toBe("<stdin>");
  });

  it("/dev/stdin and process substitution are read as streams", () => {
    const devStdin = spawnCli(["check", "/dev/stdin", "-f", "json"], manifest);
    expect(devStdin.status, devStdin.stderr).toBe(1);
    const substituted = spawnSync(
      "bash",
      ["-c", `"${process.execPath}" "${CLI}" check <(cat "${fixture("empty-documents.yaml")}") -f json`],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(substituted.status, substituted.stderr).toBe(1);
    expect(
      (JSON.parse(substituted.stdout) as JsonReport).findings.some((finding) => finding.id === "LLM-K8S-004"),
    ).toBe(true);
  });

  it("validate and plan take `-` too", () => {
    const spec = readFileSync(join(ROOT, "examples/airport-assistant.rag.yaml"), "utf8");
    const result = spawnCli(["validate", "-", "-f", "json"], spec);
    expect(result.status, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as JsonReport).files).toEqual(["<stdin>"]);
  });

  it("empty standard input is an error, exit 2", () => {
    const result = spawnCli(["check", "-"], "");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/<stdin>: file is empty/);
  });

  it("an input list that expands to no file is exit 2, never '0 files checked'", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "charts"));
    writeFileSync(join(dir, "charts", "values.yaml"), "replicaCount: 1\n");
    const result = runCli(["check", join(dir, "charts")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no runtime config among the 1 file found/);
    expect(runCli(["check", join(dir, "*.none")]).status).toBe(2);
  });
});

describe.skipIf(!ready)("a chart repository directory", () => {
  it("skips what is not a runtime config, one notice each, and checks the rest", () => {
    const result = runCli(["check", fixture("chart-repo"), "-f", "json"]);
    expect(result.status, result.stderr).toBe(1);
    const notices = result.stderr.trim().split("\n");
    expect(notices).toHaveLength(5);
    for (const name of [
      "Chart.yaml",
      "values.yaml",
      "kustomization.yaml",
      "dashboards/gpu.json",
      "templates/deployment.yaml",
    ]) {
      expect(
        notices.filter((line) => line.startsWith(`llmops: skipped ${fixture("chart-repo")}/${name}:`)),
      ).toHaveLength(1);
    }
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.files).toEqual([`${fixture("chart-repo")}/rendered/all.yaml`]);
    expect(ids(report).has("LLM-K8S-004")).toBe(true);
  });

  it("a file named directly that is not a runtime config is still an error", () => {
    const result = runCli(["check", fixture("chart-repo/values.yaml")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/values\.yaml:1:1: unrecognised runtime config/);
  });
});

describe.skipIf(!ready)("input text is escaped in terminal and CI output", () => {
  it.each(["pretty", "github"])("%s: a control character in a name cannot recolour or inject", (format) => {
    const result = runCli(["check", fixture("control-characters.yaml"), "-f", format]);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(result.stdout).toContain("web\\u001b[31m");
    // No line begins a workflow command other than the ones the reporter wrote.
    for (const line of result.stdout.split("\n")) {
      if (line.includes("injected")) expect(line.startsWith("::error::injected")).toBe(false);
    }
  });
});

/** `count` Pods with about 19 findings each. */
function nonCompliantPods(count: number): string {
  return Array.from({ length: count }, (_, i) =>
    stringify({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: `vllm-${i}`, namespace: "llm" },
      spec: {
        hostPID: true,
        containers: [
          {
            name: "vllm",
            image: "vllm/vllm-openai:latest",
            env: [{ name: "VLLM_API_KEY", value: `sk-${i}` }],
            securityContext: { privileged: true },
          },
        ],
        volumes: [{ name: "root", hostPath: { path: "/" } }],
      },
    }),
  ).join("---\n");
}

describe.skipIf(!ready)("complete output on a pipe", () => {
  const dir = tempDir();
  const input = join(dir, "big.yaml");
  writeFileSync(input, nonCompliantPods(270));

  /** Runs the CLI with stdout into a pipe whose reader starts late, so the pipe fills up. */
  function throughSlowPipe(args: readonly string[]): Buffer {
    const result = spawnSync(
      "bash",
      ["-c", `"${process.execPath}" "${CLI}" "$@" | (sleep 1; cat)`, "llmops", ...args],
      { cwd: ROOT, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } },
    );
    return result.stdout;
  }

  it.each(["pretty", "json", "sarif", "junit", "github"])("%s: a report over 1 MiB arrives whole", (format) => {
    const written = join(dir, `report.${format}`);
    expect(runCli(["check", input, "-f", format, "-o", written]).status).toBe(1);
    const expected = readFileSync(written);
    expect(expected.length).toBeGreaterThan(1024 * 1024);
    const piped = throughSlowPipe(["check", input, "-f", format]);
    expect(piped.length).toBe(expected.length);
    expect(piped.equals(expected)).toBe(true);
  });

  it("policy list --format json arrives whole", () => {
    const piped = throughSlowPipe(["policy", "list", "--format", "json"]);
    const direct = runCli(["policy", "list", "--format", "json"]).stdout;
    expect(piped.toString("utf8")).toBe(direct);
    expect(() => JSON.parse(direct) as unknown).not.toThrow();
  });
});
