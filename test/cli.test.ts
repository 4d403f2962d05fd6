/** The CLI as a user drives it: help, schema, init, validate of the bundled examples. */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { publishedSchema } from "../schemas/spec-schema.js";
import { GENERATED_VALIDATOR, specValidatorSource } from "../schemas/spec-validator-source.js";
import { loadSpecText } from "../schemas/load-spec.js";
import { starterSpecText } from "../cli/starter-specs.js";
import { ROOT, runCli, tempDir } from "./helpers/cli.js";
import { PATTERNS } from "../schemas/spec-constants.js";

const examples = readdirSync(join(ROOT, "examples")).filter(
  (file) => /\.ya?ml$/.test(file) && !file.startsWith("stack-"),
);

describe("llmops --help", () => {
  it("lists every command and the exit codes", () => {
    const result = runCli(["--help"]);
    expect(result.status).toBe(0);
    for (const command of ["validate", "schema", "init"]) expect(result.stdout).toContain(`llmops ${command}`);
    expect(result.stdout).toContain("Exit codes");
  });

  it("loads neither the policy engine nor Pulumi", () => {
    // Trace every module the process loads while printing help.
    const result = runCli(["--help"], { env: { NODE_DEBUG: "module" } });
    expect(result.status).toBe(0);
    expect(result.stderr).not.toMatch(/opa-wasm|@pulumi|ajv/);
    const entry = readFileSync(join(ROOT, "dist/cli/main.js"), "utf8");
    expect(entry).not.toMatch(/from ["'][^"']*(engine|@pulumi|opa-wasm)/);
  });

  it("gives per-command help", () => {
    const result = runCli(["validate", "--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/--fail-on/);
    expect(result.stdout).toMatch(/--format/);
  });

  it("rejects an unknown command with exit 2", () => {
    const result = runCli(["deploy-everything"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown argument/);
  });
});

describe("llmops schema", () => {
  it("prints the JSON Schema 2020-12 that the committed editor schema file matches", () => {
    const result = runCli(["schema"]);
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(printed.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(printed).toEqual(publishedSchema());
    const committed = JSON.parse(readFileSync(join(ROOT, "schemas/llmops-v1alpha1.schema.json"), "utf8")) as unknown;
    expect(committed, "regenerate with: node bin/llmops.js schema -o schemas/llmops-v1alpha1.schema.json").toEqual(
      printed,
    );
  });

  it("validates with the committed ahead-of-time validator, which matches the schema", () => {
    // Stale generated code would validate against an old schema while `llmops schema` prints the new one.
    const committed = readFileSync(join(ROOT, GENERATED_VALIDATOR), "utf8");
    expect(committed === specValidatorSource(), "regenerate with: npm run generate").toBe(true);
  });

  it("bounds every string and array, and closes every object", () => {
    const problems: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((item, index) => visit(item, `${path}/${index}`));
      if (node === null || typeof node !== "object") return;
      const schema = node as Record<string, unknown>;
      if (schema.type === "string" && schema.enum === undefined && schema.maxLength === undefined)
        problems.push(`${path}: string without maxLength`);
      if (schema.pattern !== undefined && schema.maxLength === undefined)
        problems.push(`${path}: pattern without maxLength`);
      if (schema.type === "array" && schema.maxItems === undefined) problems.push(`${path}: array without maxItems`);
      if (schema.type === "object" && schema.additionalProperties === undefined)
        problems.push(`${path}: object without additionalProperties`);
      for (const [key, value] of Object.entries(schema)) {
        // `properties` maps names to subschemas: its keys are property names, not keywords.
        if (key === "properties")
          for (const [name, sub] of Object.entries(value as object)) visit(sub, `${path}/properties/${name}`);
        else visit(value, `${path}/${key}`);
      }
    };
    visit(publishedSchema(), "#");
    expect(problems).toEqual([]);
  });
});

describe("examples", () => {
  it("has at least seven, covering every pattern, each with a $schema line", () => {
    expect(examples.length).toBeGreaterThanOrEqual(7);
    const patterns = new Set<string>();
    for (const example of examples) {
      const text = readFileSync(join(ROOT, "examples", example), "utf8");
      expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=/);
      const [spec] = loadSpecText(text, example);
      patterns.add(spec!.value.spec.pattern);
    }
    expect([...patterns].sort()).toEqual([...PATTERNS].sort());
  });

  it.each(examples)("%s validates with exit 0", (example) => {
    const result = runCli(["validate", join("examples", example)]);
    expect(result.stderr).toBe("");
    expect(result.status, result.stdout).toBe(0);
  });

  it("validates several files in one process, expanding a quoted glob", () => {
    const result = runCli(["validate", "examples/*.yaml", "--format", "json"]);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { files: string[] };
    expect(report.files.length).toBe(examples.length);
  });
});

describe("llmops init", () => {
  it.each(PATTERNS)("writes a %s starter that validates", (pattern) => {
    const dir = tempDir();
    const out = join(dir, "llmops.yaml");
    const result = runCli(["init", "--pattern", pattern, "--out", out]);
    expect(result.status, result.stderr).toBe(0);
    const validate = runCli(["validate", out]);
    expect(validate.status, validate.stdout).toBe(0);
  });

  it.each([
    ["a directory outside the package", () => join(tempDir(), "specs", "llmops.yaml")],
    ["the package root", () => join(ROOT, `.init-schema-${process.pid}.yaml`)],
    ["a subdirectory of the package", () => join(ROOT, "examples", `.init-schema-${process.pid}.yaml`)],
  ])("writes a $schema modeline that resolves to the published schema from %s (issue 14)", (_where, place) => {
    const out = place();
    mkdirSync(dirname(out), { recursive: true });
    try {
      const result = runCli(["init", "--pattern", "rag", "--out", out]);
      expect(result.status, result.stderr).toBe(0);
      const modeline = /^# yaml-language-server: \$schema=(\S+)$/m.exec(readFileSync(out, "utf8"))?.[1];
      expect(modeline).toBeDefined();
      expect(modeline).not.toMatch(/^[a-z]+:\/\//); // a file, not a URL that serves nothing
      // yaml-language-server resolves a relative $schema against the file's directory.
      const resolved = resolve(dirname(out), modeline!);
      expect(resolved).toBe(join(ROOT, "schemas/llmops-v1alpha1.schema.json"));
      expect(JSON.parse(readFileSync(resolved, "utf8"))).toEqual(publishedSchema());
    } finally {
      rmSync(out, { force: true });
    }
  });

  it.each([["--out=-"], ["--out", "-"]])(
    "%s %s writes to stdout, the modeline pointing at the schema from the working directory",
    (...out) => {
      const cwd = tempDir();
      const result = runCli(["init", "--pattern", "agent", ...out], { cwd });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^kind: LLMOpsStack$/m);
      const modeline = /\$schema=(\S+)/.exec(result.stdout)?.[1];
      expect(existsSync(resolve(cwd, modeline!))).toBe(true);
      expect(readdirSync(cwd)).toEqual([]);
    },
  );

  it("an empty --out is a usage error (exit 2), nothing written", () => {
    const cwd = tempDir();
    const result = runCli(["init", "--pattern", "agent", "--out="], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--out needs a file name/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("never overwrites an existing file without --force", () => {
    const dir = tempDir();
    const out = join(dir, "llmops.yaml");
    writeFileSync(out, "keep me\n");
    const refused = runCli(["init", "--pattern", "rag", "--out", out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/already exists; pass --force/);
    expect(readFileSync(out, "utf8")).toBe("keep me\n");
    const forced = runCli(["init", "--pattern", "rag", "--out", out, "--force"]);
    expect(forced.status).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/pattern: rag/);
  });

  it("starter text parses as the same spec for every pattern", async () => {
    for (const pattern of PATTERNS) {
      const [spec] = loadSpecText(await starterSpecText(pattern, "starter", "./schema.json"), "starter.yaml");
      expect(spec!.violations).toEqual([]);
    }
  });
});

describe("--output", () => {
  it("writes the report atomically and leaves nothing behind when the directory is missing", () => {
    const dir = tempDir();
    const out = join(dir, "report.json");
    expect(runCli(["validate", "examples/airport-assistant.rag.yaml", "-f", "json", "-o", out]).status).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8"))).toMatchObject({ tool: "llmops", command: "validate" });
    const missing = join(dir, "no-such-dir", "report.json");
    const result = runCli(["validate", "examples/airport-assistant.rag.yaml", "-o", missing]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cannot write .*nothing was written/);
    expect(existsSync(missing)).toBe(false);
    expect(readdirSync(dir)).toEqual(["report.json"]);
  });

  // Tests run as root in CI, where a chmod-ed directory is still writable; these paths are not.
  it.each([
    ["whose parent is a file", (dir: string) => join(dir, "report.json", "nested.json")],
    ["on a read-only file system (/proc)", () => "/proc/llmops-report.json"],
  ])("refuses an output path %s with exit 2, leaving nothing behind", (_name, target) => {
    const dir = tempDir();
    writeFileSync(join(dir, "report.json"), "previous report\n");
    const out = target(dir);
    const result = runCli(["validate", "examples/airport-assistant.rag.yaml", "-f", "json", "-o", out]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/cannot write .*nothing was written/);
    expect(readdirSync(dir)).toEqual(["report.json"]);
    expect(readFileSync(join(dir, "report.json"), "utf8")).toBe("previous report\n");
  });
});
