/**
 * The framework catalogue (policies/frameworks/): every framework id a check's METADATA or a
 * built-in rule maps to is a real, catalogued control; no placeholder id survives anywhere; the
 * METADATA gate refuses an uncatalogued id.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { CatalogError, catalogFromAnnotations } from "../policies/engine/catalog.js";
import { SCHEMA_RULE } from "../policies/engine/finding.js";
import { controlTitle, loadFrameworkCatalogues, unknownMappings } from "../policies/engine/frameworks.js";
import { EXPIRED_WAIVER_RULE, UNUSED_WAIVER_RULE } from "../policies/engine/waivers.js";
import type { FrameworkMappings } from "../policies/engine/finding.js";
import { ROOT } from "./helpers/cli.js";

const catalogues = loadFrameworkCatalogues(join(ROOT, "policies", "frameworks"));

function walk(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : walk(path, keep);
    return keep(path) ? [path] : [];
  });
}

/** The METADATA block of a check, parsed as YAML from its leading comment lines. */
function metadata(file: string): { custom: { id: string; frameworks: FrameworkMappings } } {
  const lines = readFileSync(file, "utf8").split("\n");
  const block = lines
    .slice(
      1,
      lines.findIndex((line) => line.startsWith("package ")),
    )
    .map((line) => line.replace(/^# ?/, ""));
  return load(block.join("\n")) as { custom: { id: string; frameworks: FrameworkMappings } };
}

const checks = ["spec", "runtime"].flatMap((kind) =>
  walk(join(ROOT, "policies", kind), (file) => file.endsWith(".rego") && !file.endsWith("_test.rego")),
);

describe("framework catalogue", () => {
  it("holds every framework the product names, each with its source document and version", () => {
    expect([...catalogues.keys()].sort()).toEqual([
      "aws-fsbp",
      "cis-eks",
      "cis-kubernetes",
      "eu-ai-act",
      "iso-42001",
      "k8s-pss",
      "nist-ai-600-1",
      "nist-ai-rmf",
      "nsa-cisa-k8s",
      "owasp-llm-2025",
    ]);
    for (const catalogue of catalogues.values()) {
      expect(catalogue.source).toMatch(/^https:\/\//);
      expect(catalogue.version.length).toBeGreaterThan(0);
      expect(catalogue.checked.length).toBeGreaterThan(20);
    }
    expect(Object.keys(catalogues.get("owasp-llm-2025")!.controls)).toHaveLength(10);
    expect(Object.keys(catalogues.get("nist-ai-600-1")!.controls)).toHaveLength(12);
    expect(Object.keys(catalogues.get("iso-42001")!.controls)).toHaveLength(38);
  });

  it("keeps the two CIS benchmarks apart: EKS numbers Kubernetes policies in section 4, CIS Kubernetes in section 5", () => {
    expect(controlTitle(catalogues, "cis-eks", "4.1.2")).toBe("Minimize access to secrets");
    expect(controlTitle(catalogues, "cis-kubernetes", "5.1.2")).toBe("Minimize access to secrets");
    expect(controlTitle(catalogues, "cis-eks", "5.1.2")).toBe("Minimize user access to Amazon ECR");
  });

  it.each(checks.map((file) => [relative(ROOT, file)]))("%s maps only to catalogued control ids", (file) => {
    const meta = metadata(join(ROOT, file));
    expect(unknownMappings(meta.custom.frameworks, catalogues)).toEqual([]);
  });

  it("maps the built-in rules (schema, expired and unused waivers) to catalogued ids", () => {
    expect(unknownMappings(SCHEMA_RULE.frameworks, catalogues)).toEqual([]);
    expect(unknownMappings(EXPIRED_WAIVER_RULE.frameworks, catalogues)).toEqual([]);
    expect(unknownMappings(UNUSED_WAIVER_RULE.frameworks, catalogues)).toEqual([]);
  });

  it("has no placeholder framework id anywhere in policies, components, stacks, cli or docs", () => {
    const files = ["policies", "components", "stacks", "cli", "examples"].flatMap((dir) =>
      walk(join(ROOT, dir), (file) => /\.(rego|ts|yaml|md)$/.test(file)),
    );
    const placeholder = /\b(?:\d+\.)+x\b|\b(?:EKS|CloudWatch|IAM|EC2|S3|RDS|KMS)\.x\b/;
    const offenders = [...files, join(ROOT, "README.md")]
      .filter((file) => placeholder.test(readFileSync(file, "utf8")))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });

  it("refuses a METADATA block that maps to an uncatalogued id, naming the file and the id", () => {
    const file = checks.find((path) => path.endsWith("sg_no_world_ingress.rego"))!;
    const annotation = {
      annotations: {
        title: "A check with a made-up id",
        description: "A description long enough.",
        scope: "package",
        custom: {
          id: "LLM-AWS-019",
          severity: "high",
          remediation: "Do the right thing.",
          frameworks: { "cis-eks": ["5.4.x"] },
        },
      },
      location: { file, row: 1 },
      path: [
        { value: "data" },
        { value: "llmops" },
        { value: "runtime" },
        { value: "aws" },
        { value: "sg_no_world_ingress" },
      ],
    };
    expect(() => catalogFromAnnotations([annotation], ROOT, join(ROOT, "policies"), catalogues)).toThrow(CatalogError);
    expect(() => catalogFromAnnotations([annotation], ROOT, join(ROOT, "policies"), catalogues)).toThrow(
      /sg_no_world_ingress\.rego:1: .*cis-eks: 5\.4\.x/,
    );
    const unknownKey = {
      ...annotation,
      annotations: {
        ...annotation.annotations,
        custom: { ...annotation.annotations.custom, frameworks: { "cis-aws": ["1.1"] } },
      },
    };
    expect(() => catalogFromAnnotations([unknownKey], ROOT, join(ROOT, "policies"), catalogues)).toThrow(
      /cis-aws \(no such framework/,
    );
  });
});
