/**
 * The waiver-file loader: the same hardened parsing as specs and evidence (parse-documents.ts:
 * YAML 1.2 core, no aliases, duplicate keys refused, size and depth capped), then the kind
 * check and the waiver file's JSON Schema (waiver-schema.ts, compiled by ajv). A waiver file
 * decides what a gate lets through, so anything wrong with it — unparseable, wrong kind, a
 * schema violation, an impossible date, an empty resource match — throws InputError with
 * file:line:column (exit 2); nothing in it is silently ignored.
 */
import { dirname, resolve } from "node:path";
import type { ValidateFunction } from "ajv";
import { InputError } from "../input/input-error.js";
import { parseDocuments, type Position } from "../input/parse-documents.js";
import { readSourceText } from "../input/source-file.js";
import { checkKindAndSchema, failAt } from "./check-document.js";
import { WAIVERS_KIND, publishedWaiverSchema, type WaiverEntry, type WaiverFile } from "./waiver-schema.js";

export interface LoadedWaivers {
  /** The file as named by the caller (findings about a waiver point into it). */
  readonly file: string;
  /** Absolute directory of the file: `file` globs in the entries are relative to it. */
  readonly dir: string;
  readonly entries: readonly WaiverEntry[];
  /** Position of a JSON Pointer inside the file (`/waivers/0/expires`). */
  readonly locate: (pointer: string) => Position | undefined;
}

let compiled: ValidateFunction | undefined;

async function validator(): Promise<ValidateFunction> {
  if (compiled) return compiled;
  const { Ajv2020 } = await import("ajv/dist/2020.js");
  // allErrors stays off: the first violation is the one reported, and the file is refused whole.
  const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, verbose: true });
  compiled = ajv.compile(publishedWaiverSchema());
  return compiled;
}

/** Loads a waiver file. @throws InputError (positioned) on anything invalid. */
export async function loadWaiverFile(file: string): Promise<LoadedWaivers> {
  return loadWaiverText(readSourceText(file), file);
}

/** Loads waivers from text already read; `file` names it in errors and findings. */
export async function loadWaiverText(text: string, file: string): Promise<LoadedWaivers> {
  const validate = await validator();
  const documents = parseDocuments(text, file);
  if (documents.length !== 1) {
    const second = documents[1]?.locate("");
    throw new InputError(
      `expected one document of kind ${WAIVERS_KIND}; found ${documents.length}`,
      file,
      second?.line,
      second?.column,
    );
  }
  const document = documents[0]!;
  const fail = (pointer: string, message: string): never => failAt(document, pointer, message);
  checkKindAndSchema(document, WAIVERS_KIND, validate, "waiver file");
  const waivers = (document.value as WaiverFile).waivers;
  waivers.forEach((entry, index) => {
    if (!isCalendarDate(entry.expires))
      fail(`/waivers/${index}/expires`, `expires ${entry.expires} is not a calendar date`);
    if (entry.resource !== undefined && Object.keys(entry.resource).length === 0) {
      fail(
        `/waivers/${index}/resource`,
        "resource names none of kind, namespace, name, urn; leave it out to match every resource",
      );
    }
  });
  return {
    file,
    dir: dirname(resolve(file)),
    entries: waivers,
    locate: (pointer: string) => document.locate(pointer),
  };
}

/** YYYY-MM-DD that names a real day (2027-02-30 does not). */
function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
