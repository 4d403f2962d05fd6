/**
 * Contracts on public code (issue #24 item 5): every exported function, class and const
 * function in components/, stacks/, policies/engine/, report/, cli/, evidence/, schemas/ and
 * input/ (generated code aside) carries a doc comment, and every field of a component's `…Args`
 * interface has one, with `@default` where the field is optional. Read with the TypeScript
 * compiler API (syntax only, no type check), so the test is quick and needs no build.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Folders whose exports are public contracts; `recursive` walks sub-folders. */
const SCOPES: ReadonlyArray<{ readonly dir: string; readonly recursive: boolean }> = [
  { dir: "components", recursive: true },
  { dir: "stacks", recursive: true },
  { dir: "policies/engine", recursive: true },
  { dir: "report", recursive: true },
  { dir: "cli", recursive: true },
  { dir: "evidence", recursive: true },
  { dir: "schemas", recursive: true },
  { dir: "input", recursive: true },
];

function sourceFiles(dir: string, recursive: boolean): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    // Generated code (schemas/generated/) is written by a tool, not by hand: its source is documented.
    if (entry.isDirectory()) return recursive && entry.name !== "generated" ? sourceFiles(path, recursive) : [];
    return entry.name.endsWith(".ts") &&
      !entry.name.endsWith(".d.ts") &&
      !entry.name.endsWith(".test.ts") &&
      !entry.name.includes(".generated.")
      ? [path]
      : [];
  });
}

/** The doc comment's text and tags directly on `node` (a `/** … *\/` block, not a line comment). */
function docOf(node: ts.Node): { text: string; tags: string[] } | undefined {
  const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
  if (!docs || docs.length === 0) return undefined;
  const doc = docs[docs.length - 1]!;
  const text = ts.getTextOfJSDocComment(doc.comment)?.trim() ?? "";
  const tags = (doc.tags ?? []).map((tag) => tag.tagName.text);
  const tagText = (doc.tags ?? [])
    .map((tag) => ts.getTextOfJSDocComment(tag.comment) ?? "")
    .join(" ")
    .trim();
  return text === "" && tagText === "" ? undefined : { text, tags };
}

/** The fields of a yargs CommandModule (cli/commands/). */
const YARGS_FIELDS = new Set(["command", "describe", "builder", "handler", "aliases", "deprecated"]);

const isExported = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) &&
  (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);

const isFunctionValue = (expression: ts.Expression | undefined): boolean =>
  expression !== undefined && (ts.isArrowFunction(expression) || ts.isFunctionExpression(expression));

/** `file:line name (what is missing)` for every exported symbol in `text` (the file `file`, relative to the root) without its doc comment. */
function undocumented(file: string, text = readFileSync(join(ROOT, file), "utf8")): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const where = (node: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const missing: string[] = [];
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    // A yargs command module's builder and handler are its plumbing; its contract is the command's
    // --help text (cli.test.ts, readme-commands.test.ts).
    if (
      file.startsWith(join("cli", "commands")) &&
      ts.isVariableStatement(statement) &&
      statement.declarationList.declarations.every((declaration) => YARGS_FIELDS.has(declaration.name.getText(source)))
    )
      continue;
    if (
      file.startsWith(join("cli", "commands")) &&
      ts.isFunctionDeclaration(statement) &&
      YARGS_FIELDS.has(statement.name?.text ?? "")
    )
      continue;
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      if (!docOf(statement)) missing.push(`${where(statement)} ${statement.name.text}`);
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (isFunctionValue(declaration.initializer) && !docOf(statement))
          missing.push(`${where(declaration)} ${declaration.name.getText(source)}`);
      }
    }
    if (file.startsWith("components") && ts.isInterfaceDeclaration(statement) && statement.name.text.endsWith("Args")) {
      for (const member of statement.members) {
        if (!ts.isPropertySignature(member)) continue;
        const doc = docOf(member);
        const field = `${statement.name.text}.${member.name.getText(source)}`;
        if (!doc) missing.push(`${where(member)} ${field} (no doc comment)`);
        else if (member.questionToken && !doc.tags.includes("default") && !/@default\b/.test(doc.text))
          missing.push(`${where(member)} ${field} (optional without @default)`);
      }
    }
  }
  return missing;
}

const FILES = SCOPES.flatMap((scope) => sourceFiles(scope.dir, scope.recursive)).sort();

describe("doc comments on public code", () => {
  it("reads the folders it guards", () => {
    expect(FILES.length).toBeGreaterThan(80);
    expect(FILES).toContain(join("components", "kubernetes", "workload-basics.ts"));
    for (const file of [
      join("input", "parse-documents.ts"),
      join("schemas", "load-spec.ts"),
      join("evidence", "dsse.ts"),
      join("cli", "admission", "server.ts"),
    ])
      expect(FILES).toContain(file);
    expect(FILES.filter((file) => file.includes("generated"))).toEqual([]);
  });

  it("every exported function, class and const function, and every component Args field, has a doc comment", () => {
    const missing = FILES.flatMap((file) => undocumented(file));
    expect(missing, `undocumented exports:\n${missing.join("\n")}`).toEqual([]);
  });

  it("names an undocumented export and an optional Args field without @default", () => {
    const probe = "components/__probe__.ts";
    const text = [
      "/** Documented. */",
      "export function documented(): void {}",
      "export function bare(): void {}",
      "export const arrow = () => 1;",
      "export interface ProbeArgs {",
      "  /** Required, documented. */",
      "  readonly name: string;",
      "  /** Optional, but no default named. */",
      "  readonly size?: number;",
      "  readonly bare: string;",
      "}",
    ].join("\n");
    expect(undocumented(probe, text)).toEqual([
      "components/__probe__.ts:3 bare",
      "components/__probe__.ts:4 arrow",
      "components/__probe__.ts:9 ProbeArgs.size (optional without @default)",
      "components/__probe__.ts:10 ProbeArgs.bare (no doc comment)",
    ]);
    // A yargs command module's builder and handler are exempt; its other exports are not.
    expect(
      undocumented(
        "cli/commands/__probe__.ts",
        "export const builder = () => 1;\nexport function handler(): void {}\nexport function helper(): void {}",
      ),
    ).toEqual(["cli/commands/__probe__.ts:3 helper"]);
    // Outside components/, Args interfaces are not held to the field rule.
    expect(undocumented("report/__probe__.ts", text)).toEqual([
      "report/__probe__.ts:3 bare",
      "report/__probe__.ts:4 arrow",
    ]);
  });
});
