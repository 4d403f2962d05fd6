/**
 * The check catalog: metadata extracted from each check's `# METADATA` block by
 * `opa inspect -a`, validated so that a missing or malformed block fails the build with
 * the file's name.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { SEVERITIES, type FrameworkMappings, type Severity } from "./finding.js";
import type { RuleMetadata } from "./report.js";
import { unknownMappings, type FrameworkCatalogue } from "./frameworks.js";

export interface CatalogEntry extends RuleMetadata {
  /** Rego package, e.g. llmops.spec.privacy.cmk_encryption. */
  readonly package: string;
  /** Repository-relative file. */
  readonly source: string;
}

export type CheckKind = "spec" | "runtime";

/** Spec checks live in llmops.spec.*, runtime checks in llmops.runtime.*. */
export function checkKind(entry: { readonly package: string }): CheckKind {
  return entry.package.startsWith("llmops.runtime.") ? "runtime" : "spec";
}

const metadataSchema = {
  type: "object",
  required: ["title", "description", "scope", "custom"],
  properties: {
    title: { type: "string", minLength: 5, maxLength: 120 },
    description: { type: "string", minLength: 10, maxLength: 1000 },
    scope: { const: "package" },
    custom: {
      type: "object",
      required: ["id", "severity", "remediation", "frameworks"],
      additionalProperties: false,
      properties: {
        id: { type: "string", pattern: "^LLM-[A-Z0-9]{2,8}-[0-9]{3}$", maxLength: 16 },
        severity: { enum: [...SEVERITIES] },
        remediation: { type: "string", minLength: 10, maxLength: 400 },
        frameworks: {
          type: "object",
          minProperties: 1,
          additionalProperties: { type: "array", minItems: 1, maxItems: 10, uniqueItems: true, items: { type: "string", minLength: 1, maxLength: 80 } },
        },
      },
    },
  },
} as const;

export class CatalogError extends Error {
  readonly userFacing = true as const;
}

interface InspectedAnnotation {
  readonly annotations?: Record<string, unknown>;
  readonly location?: { readonly file?: string; readonly row?: number };
  readonly path?: ReadonlyArray<{ readonly value?: unknown }>;
}

/**
 * Every package under llmops.{spec,runtime}.<category>.<check> must carry a valid METADATA block
 * whose framework keys and control ids are all listed in `frameworks` (policies/frameworks/).
 * Throws CatalogError naming the file and line of the first block that fails.
 */
export function catalogFromAnnotations(annotations: readonly unknown[], root: string, policiesDir: string, frameworks: ReadonlyMap<string, FrameworkCatalogue>, checkFiles?: readonly string[]): CatalogEntry[] {
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(metadataSchema);
  const entries: CatalogEntry[] = [];
  const seen = new Map<string, string>();
  const annotatedPackages = new Set<string>();
  for (const raw of annotations as InspectedAnnotation[]) {
    const packagePath = (raw.path ?? []).slice(1).map((segment) => String(segment.value)).join(".");
    if (!/^llmops\.(spec|runtime)\.[a-z0-9_]+\.[a-z0-9_]+$/.test(packagePath)) continue;
    if (raw.annotations?.scope !== "package") continue;
    const file = relative(root, resolve(root, raw.location?.file ?? ""));
    const where = `${file}:${raw.location?.row ?? 1}`;
    annotatedPackages.add(packagePath);
    if (!validate(raw.annotations)) {
      const problems = (validate.errors ?? []).map((error) => `${error.instancePath || "(block)"} ${error.message ?? ""}`).join("; ");
      throw new CatalogError(`${where}: malformed METADATA block for ${packagePath}: ${problems}`);
    }
    const annotation = raw.annotations as { title: string; description: string; custom: { id: string; severity: Severity; remediation: string; frameworks: FrameworkMappings } };
    const id = annotation.custom.id;
    const unknown = unknownMappings(annotation.custom.frameworks, frameworks);
    if (unknown.length > 0) throw new CatalogError(`${where}: ${packagePath} maps to framework ids not in policies/frameworks/: ${unknown.join("; ")}`);
    const duplicate = seen.get(id);
    if (duplicate) throw new CatalogError(`${where}: check id ${id} is already used by ${duplicate}`);
    seen.set(id, where);
    // Rego emits the id literally; it must be the id its METADATA declares.
    const emitted = new Set([...readFileSync(join(root, file), "utf8").matchAll(/"id":\s*"([^"]+)"/g)].map((match) => match[1]));
    for (const other of emitted) {
      if (other !== id) throw new CatalogError(`${where}: check emits id ${String(other)} but its METADATA declares ${id}`);
    }
    if (emitted.size === 0) throw new CatalogError(`${where}: check never emits its id ${id}`);
    entries.push({
      id,
      title: annotation.title,
      description: annotation.description,
      severity: annotation.custom.severity,
      remediation: annotation.custom.remediation,
      frameworks: annotation.custom.frameworks,
      package: packagePath,
      source: file,
    });
  }
  for (const file of checkFiles ?? []) {
    const packagePath = `llmops.${relative(policiesDir, file).replace(/\.rego$/, "").split("/").join(".")}`;
    if (!annotatedPackages.has(packagePath)) throw new CatalogError(`${relative(root, file)}: check has no package-scoped METADATA block`);
  }
  return entries.sort((a, b) => a.id.localeCompare(b.id));
}
