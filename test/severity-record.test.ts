/**
 * Issue 14, item 8: every check's severity is derived from DESIGN.md's rule, and
 * docs/severity.md records the derivation, one row per check. METADATA stays the single source
 * of a severity; this test holds the record to it so that neither can drift:
 *
 * - every check under policies/spec/ and policies/runtime/ has a row in the table of its kind;
 * - the row's severity (and title) is the one its METADATA declares;
 * - the row's criterion is one the page defines, and that criterion gives that severity;
 * - no row names a check that does not exist, and no check has two rows.
 *
 * The METADATA is read from the Rego sources (the `# METADATA` comment block, parsed as YAML as
 * OPA does), not from a built bundle, so the test needs no tool and never reads a stale catalog.
 * On failure the message lists the rows to add or fix, ready to paste.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { SEVERITIES } from "../policies/engine/finding.js";
import { ROOT } from "./helpers/cli.js";

type Kind = "spec" | "runtime";

interface DeclaredCheck {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  readonly kind: Kind;
  /** Repository-relative path of the .rego file. */
  readonly file: string;
}

interface RecordRow {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  readonly criterion: string;
  readonly reason: string;
  readonly kind: Kind;
  /** 1-based line in docs/severity.md. */
  readonly line: number;
}

const DOC = "docs/severity.md";
const SECTIONS: Record<Kind, string> = { spec: "## Spec checks", runtime: "## Runtime checks" };

function regoChecks(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return regoChecks(path);
    return entry.name.endsWith(".rego") && !entry.name.endsWith("_test.rego") ? [path] : [];
  });
}

/**
 * The package-scoped METADATA block of one check file: the comment lines after `# METADATA`,
 * with the leading `#` and one space removed, parsed as YAML. Throws naming the file when the
 * file has no such block with an id, a title and a severity.
 */
function declaredCheck(path: string, kind: Kind): DeclaredCheck {
  const file = relative(ROOT, path);
  const lines = readFileSync(path, "utf8").split("\n");
  for (let start = 0; start < lines.length; start++) {
    if (lines[start]!.trim() !== "# METADATA") continue;
    const block: string[] = [];
    for (let at = start + 1; at < lines.length && lines[at]!.startsWith("#"); at++)
      block.push(lines[at]!.replace(/^# ?/, ""));
    const annotation = parse(block.join("\n")) as {
      scope?: string;
      title?: string;
      custom?: { id?: string; severity?: string };
    } | null;
    if (annotation?.scope !== "package") continue;
    const { title } = annotation;
    const { id, severity } = annotation.custom ?? {};
    if (!id || !title || !severity)
      throw new Error(`${file}:${start + 1}: package METADATA without custom.id, title or custom.severity`);
    return { id, title, severity, kind, file };
  }
  throw new Error(`${file}: no package-scoped METADATA block`);
}

function declaredChecks(): Map<string, DeclaredCheck> {
  const checks = new Map<string, DeclaredCheck>();
  for (const kind of ["spec", "runtime"] as const) {
    for (const path of regoChecks(join(ROOT, "policies", kind))) {
      const check = declaredCheck(path, kind);
      const other = checks.get(check.id);
      if (other) throw new Error(`${check.file}: id ${check.id} is also declared by ${other.file}`);
      checks.set(check.id, check);
    }
  }
  return checks;
}

/** The cells of a Markdown table row, without the outer pipes. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((cell) => cell.trim());
}

/** Rows `| LLM-… |` of the spec and runtime tables, and the criterion → severity legend. */
function readRecord(): { rows: RecordRow[]; strays: string[]; criteria: Map<string, string> } {
  const lines = readFileSync(join(ROOT, DOC), "utf8").split("\n");
  const rows: RecordRow[] = [];
  const strays: string[] = [];
  const criteria = new Map<string, string>();
  let section = "";
  lines.forEach((line, index) => {
    if (line.startsWith("## ")) section = line.trim();
    if (!line.startsWith("|")) return;
    const row = cells(line);
    if (
      section === "## The criteria as applied" &&
      row.length === 3 &&
      (SEVERITIES as readonly string[]).includes(row[1]!)
    ) {
      criteria.set(row[0]!, row[1]!);
      return;
    }
    if (!/^LLM-/.test(row[0] ?? "")) return;
    const kind = (Object.keys(SECTIONS) as Kind[]).find((candidate) => SECTIONS[candidate] === section);
    if (!kind || row.length !== 5) {
      strays.push(
        `${DOC}:${index + 1}: ${kind ? `expected 5 cells (id, check, severity, criterion, reason), got ${row.length}` : `row outside "${SECTIONS.spec}" and "${SECTIONS.runtime}"`}`,
      );
      return;
    }
    const [id, title, severity, criterion, reason] = row as [string, string, string, string, string];
    rows.push({ id, title, severity, criterion, reason, kind, line: index + 1 });
  });
  return { rows, strays, criteria };
}

/** A row to paste for a check the record lacks, with the criteria its severity allows. */
function rowToAdd(check: DeclaredCheck, criteria: ReadonlyMap<string, string>): string {
  const allowed = [...criteria].filter(([, severity]) => severity === check.severity).map(([criterion]) => criterion);
  return `${SECTIONS[check.kind]} (${check.file}): | ${check.id} | ${check.title} | ${check.severity} | <${allowed.join(" or ") || "no criterion gives " + check.severity}> | <one sentence: why, by the rule> |`;
}

describe("docs/severity.md records the derivation of every check's severity", () => {
  const checks = declaredChecks();
  const { rows, strays, criteria } = readRecord();
  const byId = new Map<string, RecordRow[]>();
  for (const row of rows) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);

  it("reads the checks and the record it compares", () => {
    expect(checks.size).toBeGreaterThanOrEqual(150);
    expect([...checks.values()].filter((check) => check.kind === "spec").length).toBeGreaterThanOrEqual(80);
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(strays, `${DOC}: rows that are not in a check table, or malformed`).toEqual([]);
  });

  it("defines criteria for every severity, each criterion giving one severity", () => {
    expect([...new Set(criteria.values())].sort()).toEqual([...SEVERITIES].sort());
  });

  it("has a row for every check under policies/spec/ and policies/runtime/", () => {
    const missing = [...checks.values()]
      .filter((check) => !byId.has(check.id))
      .map((check) => rowToAdd(check, criteria));
    expect(
      missing,
      `${DOC} lacks rows for these checks; add each to the table named, choose the criterion and give the reason`,
    ).toEqual([]);
  });

  it("records each check's METADATA severity and title, in the table of its kind", () => {
    const wrong = rows.flatMap((row) => {
      const check = checks.get(row.id);
      if (!check) return [];
      const problems: string[] = [];
      if (row.severity !== check.severity)
        problems.push(
          `severity ${row.severity}, but ${check.file} declares ${check.severity}: re-derive the row (severity, criterion, reason) or the METADATA`,
        );
      if (row.title !== check.title) problems.push(`title "${row.title}", but ${check.file} declares "${check.title}"`);
      if (row.kind !== check.kind) problems.push(`is under "${SECTIONS[row.kind]}", but it is a ${check.kind} check`);
      return problems.map((problem) => `${DOC}:${row.line}: ${row.id}: ${problem}`);
    });
    expect(wrong).toEqual([]);
  });

  it("gives each row a defined criterion that yields its severity, and a reason", () => {
    const wrong = rows.flatMap((row) => {
      const severity = criteria.get(row.criterion);
      if (!severity)
        return [
          `${DOC}:${row.line}: ${row.id}: criterion "${row.criterion}" is not one of: ${[...criteria.keys()].join(", ")}`,
        ];
      if (severity !== row.severity)
        return [`${DOC}:${row.line}: ${row.id}: criterion "${row.criterion}" gives ${severity}, not ${row.severity}`];
      if (row.reason.split(/\s+/).length < 8 || row.reason.includes("<"))
        return [`${DOC}:${row.line}: ${row.id}: the reason must be a sentence, not a placeholder`];
      return [];
    });
    expect(wrong).toEqual([]);
  });

  it("names no check twice and none that does not exist", () => {
    const duplicates = [...byId]
      .filter(([, found]) => found.length > 1)
      .map(([id, found]) => `${id}: rows at lines ${found.map((row) => row.line).join(", ")}`);
    const unknown = rows
      .filter((row) => !checks.has(row.id))
      .map((row) => `${DOC}:${row.line}: ${row.id} is declared by no check under policies/; remove the row`);
    expect([...duplicates, ...unknown]).toEqual([]);
  });
});
