/**
 * `llmops report`: for every example the four formats come out of one model (HTML with a section
 * per framework, JSON, a short markdown summary, a CycloneDX 1.6 ML-BOM that the library's
 * validator accepts against the official schema); the control status counts per framework of two
 * examples are held here so that a change to a check, a mapping or the catalogue shows; a spec
 * with failing evidence and a waived finding puts each in its place; the CLI path plans offline
 * itself and fails closed on bad usage. Plans come from the real CLI (`llmops plan --out`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Spec, Validation } from "@cyclonedx/cyclonedx-library";
import { beforeAll, describe, expect, it } from "vitest";
import { collectReport } from "../report/collect.js";
import { renderReport } from "../report/render.js";
import { MAX_FAILING } from "../report/markdown.js";
import type { ReportModel } from "../report/model.js";
import { hasStackTrace, runCli, tempDir } from "./helpers/cli.js";
import { examplesFor } from "./helpers/plans.js";
import { bundleBuilt } from "./helpers/tools.js";

const ready = bundleBuilt();
const TODAY = "2026-11-30";
const AS_OF = "2026-12-01T00:00:00Z";
const CAMPAIGN = "examples/campaign-summariser.rag.yaml";
const CAMPAIGN_EVIDENCE = "examples/evidence/campaign-summariser.evidence.yaml";

function counts(model: ReportModel): Record<string, Record<string, number>> {
  return Object.fromEntries(model.frameworks.map((framework) => [framework.key, { ...framework.counts }]));
}

describe.skipIf(!ready)("llmops report", () => {
  let dir: string;
  const plans = new Map<string, string>();
  const planOf = (specFile: string): string => {
    const existing = plans.get(specFile);
    if (existing) return existing;
    const out = join(dir, `${plans.size}.plan.json`);
    const result = runCli(["plan", specFile, "--without-evidence", "--out", out, "-f", "json"], { timeoutMs: 120_000 });
    if (result.status !== 0) throw new Error(`plan of ${specFile} failed (${result.status}): ${result.stderr}`);
    plans.set(specFile, out);
    return out;
  };

  beforeAll(() => {
    dir = tempDir("llmops-report-");
  });

  const examples = examplesFor("any");
  it.each(examples)(
    "%s: HTML, JSON, markdown and a valid CycloneDX 1.6 ML-BOM",
    async (example) => {
      const specFile = join("examples", example);
      const model = await collectReport({ specFile, planFile: planOf(specFile), today: TODAY });
      expect(model.plan.error).toBeUndefined();
      expect(model.frameworks.length).toBeGreaterThanOrEqual(10);

      const html = await renderReport(model, "html");
      for (const framework of model.frameworks)
        expect(html).toContain(
          `<section class="framework" id="fw-${framework.key}" data-framework="${framework.key}">`,
        );
      expect(html.match(/<section class="framework"/g)).toHaveLength(model.frameworks.length);
      expect(html).not.toMatch(/<script|<link|src="http|url\(http/i);
      expect(html.match(/<g class="node"/g)).toHaveLength(model.architecture.nodes.length);

      const json = JSON.parse(await renderReport(model, "json")) as {
        kind: string;
        frameworks: Array<{ key: string; counts: Record<string, number> }>;
      };
      expect(json.kind).toBe("llmops-compliance-report");
      expect(json.frameworks.map((framework) => framework.key)).toEqual(
        model.frameworks.map((framework) => framework.key),
      );

      const markdown = await renderReport(model, "markdown");
      expect(markdown).toContain(`### Compliance report: ${model.spec.metadata.name}`);
      expect(markdown.split("\n").length).toBeLessThan(
        20 + model.frameworks.length + MAX_FAILING + model.waivers.length + 10,
      );

      const bom = await renderReport(model, "cyclonedx");
      const problem = await new Validation.JsonValidator(Spec.Version.v1dot6).validate(bom);
      expect(problem, JSON.stringify(problem)).toBeNull();
      const document = JSON.parse(bom) as {
        specVersion: string;
        components: Array<{
          type: string;
          name: string;
          hashes?: Array<{ alg: string; content: string }>;
          modelCard?: unknown;
          version?: string;
        }>;
      };
      expect(document.specVersion).toBe("1.6");
      const models = document.components.filter((component) => component.type === "machine-learning-model");
      expect(models.map((component) => component.name).sort()).toEqual(
        model.spec.spec.models.map((entry) => entry.name).sort(),
      );
      for (const entry of model.spec.spec.models) {
        const component = models.find((candidate) => candidate.name === entry.name)!;
        expect(component.modelCard).toBeDefined();
        if (entry.source.digest)
          expect(component.hashes).toContainEqual({ alg: "SHA-256", content: entry.source.digest.slice(7) });
      }
      expect(document.components).toContainEqual(
        expect.objectContaining({ type: "data", name: "llmops-policy-bundle", version: model.bundle!.revision }),
      );
      for (const entry of model.spec.spec.models) {
        if (entry.serving.image)
          expect(
            document.components.some(
              (component) => component.type === "container" && component.name === entry.serving.image!.repository,
            ),
          ).toBe(true);
      }
    },
    240_000,
  );

  it("holds the control status counts per framework of the airport assistant (no evidence) and the campaign summariser (with its evidence)", async () => {
    const airport = await collectReport({
      specFile: "examples/airport-assistant.rag.yaml",
      planFile: planOf("examples/airport-assistant.rag.yaml"),
      today: TODAY,
    });
    expect(counts(airport)).toEqual(AIRPORT_COUNTS);
    const campaign = await collectReport({
      specFile: CAMPAIGN,
      planFile: planOf(CAMPAIGN),
      today: TODAY,
      evidence: { evidence: [CAMPAIGN_EVIDENCE], asOf: AS_OF },
    });
    expect(counts(campaign)).toEqual(CAMPAIGN_COUNTS);
    // Without evidence the evidence checks did not run: the controls they map to need evidence.
    expect(
      airport.frameworks.find((framework) => framework.key === "nist-ai-rmf")!.counts["needs-evidence"],
    ).toBeGreaterThan(0);
    expect(campaign.frameworks.every((framework) => framework.counts["needs-evidence"] === 0)).toBe(true);
    // The campaign summariser runs on Kubernetes: no AWS resource, so no AWS control is covered.
    expect(campaign.frameworks.find((framework) => framework.key === "aws-fsbp")!.score).toBeNull();
    const bom = JSON.parse(await renderReport(campaign, "cyclonedx")) as {
      components: Array<{
        name: string;
        modelCard?: { quantitativeAnalysis?: { performanceMetrics: Array<{ type: string; value: string }> } };
      }>;
    };
    const metrics = bom.components.find((component) => component.name === "mistral-7b")!.modelCard!
      .quantitativeAnalysis!.performanceMetrics;
    expect(metrics.map((metric) => metric.type)).toEqual(["bleu", "rouge1", "rouge2", "rougeL"]);
    expect(metrics[0]!.value).toBe("0.8113146094557143");
  }, 240_000);

  it("applies a waiver file (kind Waivers) as check does: waived, expired and unused waivers each in their place", async () => {
    const spec = join(dir, "campaign-no-citations.yaml");
    writeFileSync(spec, readFileSync(CAMPAIGN, "utf8").replace("    citations: true", "    citations: false"));
    const waivers = join(dir, "waivers.yaml");
    writeFileSync(
      waivers,
      `apiVersion: llmops/v1alpha1
kind: Waivers
waivers:
  - policyId: LLM-EXPL-001
    reason: Internal drafts until the retriever upgrade.
    approver: risk-office@example.com
    expires: "2027-01-31"
    file: "campaign-no-citations.yaml"
  - policyId: LLM-EXPL-001
    reason: An old acceptance that ran out.
    approver: risk-office@example.com
    expires: "2026-01-31"
  - policyId: LLM-K8S-009
    reason: A vendor image without a digest.
    approver: platform@example.com
    expires: "2027-01-31"
    resource: { kind: Deployment, name: vendor-* }
`,
    );
    const model = await collectReport({
      specFile: spec,
      planFile: planOf(CAMPAIGN),
      today: TODAY,
      waiverFile: waivers,
    });
    const byId = (id: string) => model.findings.filter((finding) => finding.id === id);
    expect(byId("LLM-EXPL-001")).toHaveLength(1);
    expect(byId("LLM-EXPL-001")[0]!.waiver).toEqual({
      reason: "Internal drafts until the retriever upgrade.",
      approver: "risk-office@example.com",
      expires: "2027-01-31",
    });
    expect(byId("LLM-WAIVER-001").map((finding) => [finding.file, finding.line])).toEqual([[waivers, 12]]);
    expect(byId("LLM-WAIVER-002").map((finding) => [finding.file, finding.line])).toEqual([[waivers, 13]]);
    expect(model.waivers.map((waiver) => [waiver.source, waiver.policyId, waiver.expired, waiver.matched])).toEqual([
      [waivers, "LLM-EXPL-001", false, 1],
      [waivers, "LLM-EXPL-001", true, 0],
      [waivers, "LLM-K8S-009", false, 0],
    ]);
    // The unused waiver's own check is in the crosswalk, so it shows against its controls.
    expect(model.checks.some((check) => check.id === "LLM-WAIVER-002" && check.ran)).toBe(true);
    const html = await renderReport(model, "html");
    expect(html).toContain(`<tr data-waiver="LLM-EXPL-001">`);
    expect(html).toContain("LLM-WAIVER-002");
  }, 240_000);

  it("refuses a waiver file that names an unknown check, with its file:line:column (exit 2)", () => {
    const waivers = join(dir, "unknown-id.waivers.yaml");
    writeFileSync(
      waivers,
      `apiVersion: llmops/v1alpha1
kind: Waivers
waivers:
  - policyId: LLM-NOPE-999
    reason: No such check.
    approver: a@example.com
    expires: "2027-01-31"
`,
    );
    const result = runCli(["report", CAMPAIGN, "--plan", planOf(CAMPAIGN), "--waivers", waivers, "-f", "json"], {
      timeoutMs: 120_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${waivers}:4:`);
    expect(result.stderr).toContain("LLM-NOPE-999");
    expect(hasStackTrace(result.stderr)).toBe(false);
  }, 240_000);

  it("shows a failing evidence check as failed and a waived finding as waived, each in its place", async () => {
    const spec = join(dir, "campaign-waived.yaml");
    writeFileSync(
      spec,
      `${readFileSync(CAMPAIGN, "utf8").replace("    citations: true", "    citations: false")}  exceptions:
    - policyId: LLM-EXPL-001
      reason: Campaign summaries are internal drafts; citations land with the <Q1> retriever upgrade.
      approver: risk-office@example.com
      expires: "2027-01-31"
`,
    );
    const evidence = join(dir, "low-bleu.evidence.yaml");
    writeFileSync(
      evidence,
      readFileSync(CAMPAIGN_EVIDENCE, "utf8").replace("value: 0.8113146094557143", "value: 0.12"),
    );
    const model = await collectReport({
      specFile: spec,
      planFile: planOf(CAMPAIGN),
      today: TODAY,
      evidence: { evidence: [evidence], asOf: AS_OF },
    });

    const failing = model.findings.filter((finding) => finding.waiver === undefined).map((finding) => finding.id);
    expect(failing).toEqual(["LLM-EVID-003"]);
    const evid = model.frameworks
      .flatMap((framework) => framework.controls)
      .filter((control) => control.checks.includes("LLM-EVID-003"));
    expect(evid.length).toBeGreaterThan(0);
    for (const control of evid) {
      expect(control.status).toBe("failed");
      expect(control.findings.map((finding) => finding.id)).toContain("LLM-EVID-003");
    }
    const expl = model.frameworks
      .flatMap((framework) => framework.controls)
      .filter((control) => control.checks.includes("LLM-EXPL-001"));
    expect(expl.length).toBeGreaterThan(0);
    for (const control of expl) {
      // A control that another check fails stays failed; otherwise the waiver shows.
      expect(control.waived.map((finding) => finding.waiver)).toContainEqual({
        reason: expect.stringContaining("retriever upgrade"),
        approver: "risk-office@example.com",
        expires: "2027-01-31",
      });
      expect(control.status).toBe(control.findings.length > 0 ? "failed" : "waived");
    }
    expect(expl.some((control) => control.status === "waived")).toBe(true);
    expect(model.waivers).toEqual([
      expect.objectContaining({ source: "spec", policyId: "LLM-EXPL-001", expired: false, matched: 1 }),
    ]);

    const html = await renderReport(model, "html");
    expect(html).toMatch(
      /<tr class="control" data-status="failed" data-control="[^"]+"><td>.*?<code>LLM-EVID-003<\/code>/,
    );
    expect(html).toMatch(
      /<ul class="waived"><li><code>LLM-EXPL-001<\/code>[^<]*— waived: Campaign summaries are internal drafts; citations land with the &lt;Q1&gt; retriever upgrade\.; approver risk-office@example\.com; expires 2027-01-31/,
    );
    expect(html).toContain(`<tr data-waiver="LLM-EXPL-001">`);
    expect(html).not.toContain("<Q1>");
    const markdown = await renderReport(model, "markdown");
    expect(markdown).toContain("`LLM-EVID-003`");
    expect(markdown).toContain("| `LLM-EXPL-001` |");
    expect(markdown).toContain("&lt;Q1&gt;");
    const bom = JSON.parse(await renderReport(model, "cyclonedx")) as {
      components: Array<{
        name: string;
        modelCard?: { quantitativeAnalysis?: { performanceMetrics: Array<{ type: string; value: string }> } };
      }>;
    };
    expect(
      bom.components.find((component) => component.name === "mistral-7b")!.modelCard!.quantitativeAnalysis!
        .performanceMetrics[0],
    ).toMatchObject({ type: "bleu", value: "0.12" });
  }, 240_000);

  it("through the CLI: plans offline itself, writes the file atomically, exits 1 on active high findings and 2 on bad usage", () => {
    const out = join(dir, "airport.md");
    const result = runCli(
      [
        "report",
        "examples/airport-assistant.rag.yaml",
        "--format",
        "markdown",
        "--framework",
        "eu-ai-act",
        "owasp-llm-2025",
        "-o",
        out,
      ],
      { timeoutMs: 180_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toContain("Regulation (EU) 2024/1689");
    expect(text).toContain("OWASP Top 10 for LLM Applications");
    expect(text).not.toContain("CIS Kubernetes");
    expect(text).toMatch(/plan: \d+ resources, target aws/);

    const unknown = runCli(["report", CAMPAIGN, "--plan", planOf(CAMPAIGN), "--framework", "no-such-framework"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown framework no-such-framework");
    expect(hasStackTrace(unknown.stderr)).toBe(false);

    const failing = join(dir, "low-bleu-cli.evidence.yaml");
    writeFileSync(failing, readFileSync(CAMPAIGN_EVIDENCE, "utf8").replace("value: 0.8113146094557143", "value: 0.12"));
    const blocked = runCli([
      "report",
      CAMPAIGN,
      "--plan",
      planOf(CAMPAIGN),
      "--evidence",
      failing,
      "--as-of",
      AS_OF,
      "--format",
      "json",
    ]);
    expect(blocked.status).toBe(1);
    expect(
      (JSON.parse(blocked.stdout) as { findings: Array<{ id: string }> }).findings.map((finding) => finding.id),
    ).toContain("LLM-EVID-003");
  }, 240_000);
});

// Recorded from `llmops report --format json` with the bundle of this commit; a change to a check, a
// framework mapping or the catalogue changes them, and this test then shows where.
const AIRPORT_COUNTS = {
  "aws-fsbp": { failed: 0, "needs-evidence": 0, waived: 0, met: 41, "not-covered": 2 },
  "cis-eks": { failed: 0, "needs-evidence": 0, waived: 0, met: 26, "not-covered": 11 },
  "cis-kubernetes": { failed: 0, "needs-evidence": 0, waived: 0, met: 26, "not-covered": 9 },
  "eu-ai-act": { failed: 0, "needs-evidence": 2, waived: 0, met: 15, "not-covered": 4 },
  "iso-42001": { failed: 0, "needs-evidence": 0, waived: 0, met: 17, "not-covered": 21 },
  "k8s-pss": { failed: 0, "needs-evidence": 0, waived: 0, met: 10, "not-covered": 4 },
  "nist-ai-600-1": { failed: 0, "needs-evidence": 6, waived: 0, met: 5, "not-covered": 1 },
  "nist-ai-rmf": { failed: 0, "needs-evidence": 11, waived: 0, met: 21, "not-covered": 2 },
  "nsa-cisa-k8s": { failed: 0, "needs-evidence": 0, waived: 0, met: 14, "not-covered": 4 },
  "owasp-llm-2025": { failed: 0, "needs-evidence": 0, waived: 0, met: 10, "not-covered": 0 },
};
const CAMPAIGN_COUNTS = {
  "aws-fsbp": { failed: 0, "needs-evidence": 0, waived: 0, met: 0, "not-covered": 43 },
  "cis-eks": { failed: 0, "needs-evidence": 0, waived: 0, met: 18, "not-covered": 19 },
  "cis-kubernetes": { failed: 0, "needs-evidence": 0, waived: 0, met: 26, "not-covered": 9 },
  "eu-ai-act": { failed: 0, "needs-evidence": 0, waived: 0, met: 17, "not-covered": 4 },
  "iso-42001": { failed: 0, "needs-evidence": 0, waived: 0, met: 17, "not-covered": 21 },
  "k8s-pss": { failed: 0, "needs-evidence": 0, waived: 0, met: 10, "not-covered": 4 },
  "nist-ai-600-1": { failed: 0, "needs-evidence": 0, waived: 0, met: 11, "not-covered": 1 },
  "nist-ai-rmf": { failed: 0, "needs-evidence": 0, waived: 0, met: 32, "not-covered": 2 },
  "nsa-cisa-k8s": { failed: 0, "needs-evidence": 0, waived: 0, met: 12, "not-covered": 6 },
  "owasp-llm-2025": { failed: 0, "needs-evidence": 0, waived: 0, met: 10, "not-covered": 0 },
};
