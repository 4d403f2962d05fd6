/**
 * The framework catalogue: real control ids and titles per framework, one YAML file per
 * framework in policies/frameworks/, `<key>.yaml` holding one top-level `<key>:` mapping (name,
 * version, source, checked, controls). One top-level key per file because OPA also loads the
 * directory as data (data.frameworks.<key>), where files with the same keys would collide. The build
 * refuses a check whose METADATA maps to a framework key or control id the catalogue does not
 * list, and `llmops policy explain` prints each mapped id with its control title.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import type { FrameworkMappings } from "./finding.js";
import { UserFacingError } from "../../schemas/user-facing-error.js";

/** One framework: where its ids come from, and the ids with their control titles. */
export interface FrameworkCatalogue {
  /** METADATA key, e.g. "cis-eks"; equal to the file name without ".yaml". */
  readonly key: string;
  readonly name: string;
  readonly version: string;
  /** URL of the source document. */
  readonly source: string;
  /** What the ids and titles were checked against. */
  readonly checked: string;
  /** Control id → control title. */
  readonly controls: Readonly<Record<string, string>>;
}

/** A framework catalogue (policies/frameworks/*.yaml) is missing a field or malformed, or a check maps to a control id it does not list (exit 2). */
export class FrameworkCatalogueError extends UserFacingError {}

const TEXT_FIELDS = ["name", "version", "source", "checked"] as const;

/**
 * Reads every `*.yaml` file in `dir`. Throws FrameworkCatalogueError naming the file when a file
 * is malformed (not one top-level key equal to the file name, a missing text field, empty or
 * non-string controls) or when the directory holds no catalogue.
 */
export function loadFrameworkCatalogues(dir: string): ReadonlyMap<string, FrameworkCatalogue> {
  const catalogues = new Map<string, FrameworkCatalogue>();
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((file) => file.endsWith(".yaml"))
      .sort();
  } catch (error) {
    throw new FrameworkCatalogueError(`${dir}: cannot read the framework catalogue: ${(error as Error).message}`);
  }
  for (const file of files) {
    const path = join(dir, file);
    let parsed: unknown;
    try {
      parsed = load(readFileSync(path, "utf8"), { filename: path });
    } catch (error) {
      throw new FrameworkCatalogueError(`${path}: ${(error as Error).message}`);
    }
    catalogues.set(file.replace(/\.yaml$/, ""), checkCatalogue(parsed, path, file.replace(/\.yaml$/, "")));
  }
  if (catalogues.size === 0) throw new FrameworkCatalogueError(`${dir}: no framework catalogue (*.yaml) found`);
  return catalogues;
}

function checkCatalogue(document: unknown, path: string, key: string): FrameworkCatalogue {
  const keys =
    typeof document === "object" && document !== null && !Array.isArray(document) ? Object.keys(document) : [];
  if (keys.length !== 1 || keys[0] !== key)
    throw new FrameworkCatalogueError(`${path}: expected one top-level key, "${key}" (the file name)`);
  const value = (document as Record<string, unknown>)[key];
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new FrameworkCatalogueError(`${path}: "${key}" must be a mapping`);
  const record = value as Record<string, unknown>;
  for (const field of TEXT_FIELDS) {
    if (typeof record[field] !== "string" || record[field].trim() === "")
      throw new FrameworkCatalogueError(`${path}: "${field}" must be a non-empty string`);
  }
  const controls = record.controls;
  if (
    typeof controls !== "object" ||
    controls === null ||
    Array.isArray(controls) ||
    Object.keys(controls).length === 0
  ) {
    throw new FrameworkCatalogueError(`${path}: "controls" must map control ids to titles`);
  }
  for (const [id, title] of Object.entries(controls)) {
    if (typeof title !== "string" || title.trim() === "")
      throw new FrameworkCatalogueError(`${path}: control ${id} has no title`);
  }
  return { ...(record as Omit<FrameworkCatalogue, "key">), key };
}

/** "key: id" for every mapped framework key or control id the catalogues do not list. */
export function unknownMappings(
  frameworks: FrameworkMappings,
  catalogues: ReadonlyMap<string, FrameworkCatalogue>,
): string[] {
  const unknown: string[] = [];
  for (const [key, ids] of Object.entries(frameworks)) {
    const catalogue = catalogues.get(key);
    if (!catalogue) {
      unknown.push(`${key} (no such framework; known: ${[...catalogues.keys()].join(", ")})`);
      continue;
    }
    for (const id of ids) if (!Object.hasOwn(catalogue.controls, id)) unknown.push(`${key}: ${id}`);
  }
  return unknown;
}

/** The control title of `key`/`id`, or undefined when the catalogue does not list it. */
export function controlTitle(
  catalogues: ReadonlyMap<string, FrameworkCatalogue>,
  key: string,
  id: string,
): string | undefined {
  const controls = catalogues.get(key)?.controls;
  return controls && Object.hasOwn(controls, id) ? controls[id] : undefined;
}
