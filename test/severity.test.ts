/**
 * Issue 14, item 8: severities follow DESIGN.md's rule, and docs/severity.md records the reason
 * for every check. METADATA stays the single source: this test reads the built
 * catalog and holds the doc's table to it, and the named responsible-AI mistakes block at the
 * default --fail-on high.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./helpers/cli.js";
import { BUNDLE_DIR, bundleBuilt } from "./helpers/tools.js";

const ready = bundleBuilt();

/**
 * Rows of the spec and runtime tables: [id, severity, reason] (columns id, check, severity,
 * criterion, reason). test/severity-record.test.ts holds them to the Rego sources; this file
 * holds them to the built catalog.
 */
function documented(): Array<[string, string, string]> {
  const doc = readFileSync(join(ROOT, "docs/severity.md"), "utf8");
  return doc
    .split("\n")
    .filter((line) => /^\| LLM-/.test(line))
    .map((line) => {
      const cells = line.split("|").map((cell) => cell.trim());
      return [cells[1]!, cells[3]!, cells[5]!];
    });
}

describe.skipIf(!ready)("spec-check severities", () => {
  let catalog: Map<string, { severity: string }>;
  beforeAll(() => {
    const entries = JSON.parse(readFileSync(join(BUNDLE_DIR, "catalog.json"), "utf8")) as Array<{
      id: string;
      severity: string;
    }>;
    catalog = new Map(entries.map((entry) => [entry.id, entry]));
  });

  it("docs/severity.md gives a reason for each check, with the severity the built catalog has", () => {
    const rows = documented();
    expect(rows.map(([id]) => id).sort()).toEqual([...catalog.keys()].sort());
    for (const [id, severity, reason] of rows) {
      expect(catalog.get(id)?.severity, id).toBe(severity);
      expect(reason.length, id).toBeGreaterThan(30);
    }
  });

  it.each([
    ["LLM-EVAL-004", "a production evaluation gate that only warns"],
    ["LLM-FB-002", "a disabled review queue"],
    ["LLM-DATA-002", "a source with no freshness SLA"],
    ["LLM-GOV-004", "a regulated use case re-tiered to minimal (switches the high-risk checks off)"],
  ])("%s (%s) blocks at the default --fail-on high", (id) => {
    expect(["high", "critical"]).toContain(catalog.get(id)?.severity);
  });

  it("internet-reachable inference is critical, as the rule's own example", () => {
    expect(catalog.get("LLM-NET-001")?.severity).toBe("critical");
  });
});
