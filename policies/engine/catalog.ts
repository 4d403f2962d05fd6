/**
 * The check catalog: metadata extracted from each check's `# METADATA` block by
 * `opa inspect -a`, validated so that a missing or malformed block fails the build with
 * the file's name.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { SEVERITIES, type FrameworkMappings, type Severity } from "./finding.js";
import { BUILTIN_ORIGIN, type CatalogEntry } from "./catalog-entry.js";
import { unknownMappings, type FrameworkCatalogue } from "./frameworks.js";
import { CHECK_ID_PATTERN } from "./policy-data-schema.js";
import type { CheckOverrideDeclaration } from "./policy-data.js";
import { InputError } from "../../input/input-error.js";
import { UserFacingError } from "../../schemas/user-facing-error.js";

export { BUILTIN_ORIGIN, checkKind, type CatalogEntry, type CheckKind } from "./catalog-entry.js";

/** Options for organisation checks (llmops policy build --policy DIR). */
export interface CatalogOptions {
  /** RuleMetadata.origin of every entry. @default "builtin" */
  readonly origin?: string;
  /** Maps a file as OPA reports it (relative to `root`) to the path shown in errors and in `source`. */
  readonly display?: (file: string) => string;
  /** Check files and the package each declares (from `opa inspect`), used instead of `checkFiles`' path rule. */
  readonly checkPackages?: ReadonlyArray<{ readonly file: string; readonly package: string }>;
  /** Accept any CHECK_ID_PATTERN id, not only LLM-*. @default false */
  readonly anyIdPrefix?: boolean;
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
          additionalProperties: {
            type: "array",
            minItems: 1,
            maxItems: 10,
            uniqueItems: true,
            items: { type: "string", minLength: 1, maxLength: 80 },
          },
        },
      },
    },
  },
} as const;

/** A check's `# METADATA` is missing or wrong (id, title, severity, remediation, framework ids) or two checks share an id; the message names the file and row (exit 2). */
export class CatalogError extends UserFacingError {}

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
export function catalogFromAnnotations(
  annotations: readonly unknown[],
  root: string,
  policiesDir: string,
  frameworks: ReadonlyMap<string, FrameworkCatalogue>,
  checkFiles?: readonly string[],
  options: CatalogOptions = {},
): CatalogEntry[] {
  const schema = options.anyIdPrefix
    ? {
        ...metadataSchema,
        properties: {
          ...metadataSchema.properties,
          custom: {
            ...metadataSchema.properties.custom,
            properties: {
              ...metadataSchema.properties.custom.properties,
              id: { type: "string", pattern: CHECK_ID_PATTERN, maxLength: 24 },
            },
          },
        },
      }
    : metadataSchema;
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  const display = options.display ?? ((file: string) => file);
  const entries: CatalogEntry[] = [];
  const seen = new Map<string, string>();
  const annotatedPackages = new Set<string>();
  for (const raw of annotations as InspectedAnnotation[]) {
    const packagePath = (raw.path ?? [])
      .slice(1)
      .map((segment) => String(segment.value))
      .join(".");
    if (!/^llmops\.(spec|runtime)\.[a-z0-9_]+\.[a-z0-9_]+$/.test(packagePath)) continue;
    if (raw.annotations?.scope !== "package") continue;
    const file = relative(root, resolve(root, raw.location?.file ?? ""));
    const where = `${display(file)}:${raw.location?.row ?? 1}`;
    annotatedPackages.add(packagePath);
    if (!validate(raw.annotations)) {
      const problems = (validate.errors ?? [])
        .map((error) => `${error.instancePath || "(block)"} ${error.message ?? ""}`)
        .join("; ");
      throw new CatalogError(`${where}: malformed METADATA block for ${packagePath}: ${problems}`);
    }
    const annotation = raw.annotations as {
      title: string;
      description: string;
      custom: { id: string; severity: Severity; remediation: string; frameworks: FrameworkMappings };
    };
    const id = annotation.custom.id;
    const unknown = unknownMappings(annotation.custom.frameworks, frameworks);
    if (unknown.length > 0)
      throw new CatalogError(
        `${where}: ${packagePath} maps to framework ids not in policies/frameworks/: ${unknown.join("; ")}`,
      );
    const duplicate = seen.get(id);
    if (duplicate) throw new CatalogError(`${where}: check id ${id} is already used by ${duplicate}`);
    seen.set(id, where);
    // Rego emits the id literally; it must be the id its METADATA declares.
    const emitted = new Set(
      [...readFileSync(join(root, file), "utf8").matchAll(/"id":\s*"([^"]+)"/g)].map((match) => match[1]),
    );
    for (const other of emitted) {
      if (other !== id)
        throw new CatalogError(`${where}: check emits id ${String(other)} but its METADATA declares ${id}`);
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
      source: display(file),
      origin: options.origin ?? BUILTIN_ORIGIN,
    });
  }
  for (const { file, package: declared } of options.checkPackages ?? []) {
    if (/^llmops\.(spec|runtime)\.[a-z0-9_]+\.[a-z0-9_]+$/.test(declared) && !annotatedPackages.has(declared)) {
      throw new CatalogError(`${display(file)}: check has no package-scoped METADATA block (package ${declared})`);
    }
  }
  for (const file of checkFiles ?? []) {
    const packagePath = `llmops.${relative(policiesDir, file)
      .replace(/\.rego$/, "")
      .split("/")
      .join(".")}`;
    if (!annotatedPackages.has(packagePath))
      throw new CatalogError(`${relative(root, file)}: check has no package-scoped METADATA block`);
  }
  return entries.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Applies an organisation's check overrides (policy-data.ts) to the catalogue: `disabled` marks
 * the entry (the engine then drops its findings everywhere), `severity` replaces the entry's
 * severity and records the METADATA severity as `override.severityFrom`. Throws InputError at the
 * override's file:line:column when no check has its id.
 */
export function applyCheckOverrides(
  catalog: readonly CatalogEntry[],
  overrides: readonly CheckOverrideDeclaration[],
): CatalogEntry[] {
  const byId = new Map(overrides.map((override) => [override.id, override]));
  const known = new Set(catalog.map((entry) => entry.id));
  for (const override of overrides) {
    if (!known.has(override.id))
      throw new InputError(
        `check_overrides: no check has the id ${override.id}; see llmops policy list`,
        override.file,
        override.line,
        override.column,
      );
  }
  return catalog.map((entry) => {
    const override = byId.get(entry.id);
    if (!override) return entry;
    if (override.disabled)
      return { ...entry, override: { disabled: true, reason: override.reason, file: override.file } };
    const severity = override.severity ?? entry.severity;
    return {
      ...entry,
      severity,
      override: { severityFrom: entry.severity, reason: override.reason, file: override.file },
    };
  });
}
