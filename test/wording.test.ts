/**
 * Issue 14, item 8: messages a new user reads say what is wrong in their terms.
 *  - an enum of strings given a number (YAML `1.3`) says the types differ and to quote it;
 *  - the risk-tier message reads "a use case in the insurance domain", not "a insurance use case";
 *  - LLM-EVAL-002's fix tells the spec's author what to change in the spec;
 *  - the schema says thresholds are ceilings for every lower-is-better metric in data.yaml.
 * ("nothing was planned" from plan is tested in test/plan-cli.test.ts.)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { loadSpecText } from "../schemas/load-spec.js";
import { publishedSchema } from "../schemas/spec-schema.js";
import { ROOT, runCli, tempDir } from "./helpers/cli.js";
import { bundleBuilt } from "./helpers/tools.js";

const AIRPORT = join(ROOT, "examples/airport-assistant.rag.yaml");

describe("wording", () => {
  it("a number where an enum wants text says so, and to quote it", () => {
    const document = parseDocument(readFileSync(AIRPORT, "utf8"));
    document.setIn(["spec", "privacy", "encryption", "inTransit", "minVersion"], 1.3);
    const [spec] = loadSpecText(document.toString(), "spec.yaml");
    const messages = spec!.violations.map((violation) => violation.message);
    expect(messages).toContainEqual(
      expect.stringMatching(/^must be one of: 1\.2, 1\.3 \(string values\); got the number 1\.3: quote it$/),
    );
    expect(messages.join("\n")).not.toMatch(/; got 1\.3$/m);
  });

  it("a string outside an enum keeps the plain message", () => {
    const document = parseDocument(readFileSync(AIRPORT, "utf8"));
    document.setIn(["spec", "privacy", "encryption", "inTransit", "minVersion"], "1.1");
    const [spec] = loadSpecText(document.toString(), "spec.yaml");
    expect(spec!.violations.map((violation) => violation.message)).toEqual(['must be one of: 1.2, 1.3; got "1.1"']);
  });

  it("the schema names every ceiling metric of data.yaml as a ceiling", () => {
    const ceilings = Object.keys(
      (
        parse(readFileSync(join(ROOT, "policies/data.yaml"), "utf8")) as {
          llmops: { params: { metric_ceilings: object } };
        }
      ).llmops.params.metric_ceilings,
    );
    const text = JSON.stringify(publishedSchema());
    const description = /"description":"(Gate threshold\.[^"]*)"/.exec(text)?.[1] ?? "";
    expect(ceilings.length).toBeGreaterThan(1);
    for (const metric of ceilings) expect(description).toContain(metric);
  });

  it.skipIf(!bundleBuilt())("the risk-tier message and LLM-EVAL-002's fix read well", () => {
    const document = parseDocument(readFileSync(join(ROOT, "examples/claims-explainer.blackbox.yaml"), "utf8"));
    document.setIn(["spec", "useCase", "riskTier"], "minimal");
    const file = join(tempDir(), "spec.yaml");
    writeFileSync(file, document.toString());
    const result = runCli(["validate", file, "-f", "json"]);
    const report = JSON.parse(result.stdout) as { findings: Array<{ id: string; message: string }> };
    const message = report.findings.find((finding) => finding.id === "LLM-GOV-004")?.message ?? "";
    expect(message).toMatch(/^a use case in the \w+ domain is classified as minimal risk$/);
    const explained = runCli(["policy", "explain", "LLM-EVAL-002", "--format", "json"]);
    expect(explained.stdout).toMatch(/In the spec, set the metric's threshold/);
  });
});
