/**
 * The HTML report in a real browser: Debian's chromium, headless, driven by playwright-core
 * pointed at the system binary (nothing is downloaded). Loads the airport assistant's report
 * from a file and asserts the DOM: one section per framework, one SVG node per component of the
 * architecture, no console error, no request other than the file itself. Keeps a full-page
 * screenshot under test/.artifacts/ (gitignored). Without chromium it skips with the reason;
 * LLMOPS_REQUIRE_BROWSER=1 (set by .ci/run, which installs it with scripts/install-browser.sh)
 * turns the skip into a failure.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, tempDir } from "./helpers/cli.js";
import { planSpecFile } from "./helpers/plans.js";
import { bundleBuilt } from "./helpers/tools.js";

/** Debian installs the binary under /usr/lib/chromium; /usr/bin/chromium is a wrapper script. */
function findChromium(): string | undefined {
  for (const candidate of [process.env.LLMOPS_CHROMIUM, "/usr/lib/chromium/chromium"])
    if (candidate && existsSync(candidate)) return candidate;
  const which = spawnSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], { encoding: "utf8" });
  return which.status === 0 ? which.stdout.trim() : undefined;
}

const chromium = findChromium();
const required = process.env.LLMOPS_REQUIRE_BROWSER === "1";
if (!chromium) {
  const reason = "chromium is not installed (bash scripts/install-browser.sh)";
  if (required) throw new Error(`LLMOPS_REQUIRE_BROWSER=1 but ${reason}`);
  console.warn(`SKIP: the browser test of the HTML report: ${reason}`);
}
const ready = chromium !== undefined && bundleBuilt();
const ARTIFACTS = join(ROOT, "test", ".artifacts");

describe.skipIf(!ready)("the HTML report in headless chromium", () => {
  it("renders a section per framework and an SVG node per component, with no console error and no external request", async () => {
    const dir = tempDir("llmops-report-browser-");
    const planFile = join(dir, "plan.json");
    const plan = planSpecFile("examples/airport-assistant.rag.yaml");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(planFile, JSON.stringify(plan));
    const htmlFile = join(dir, "airport-assistant.html");
    const json = runCli(["report", "examples/airport-assistant.rag.yaml", "--plan", planFile, "--format", "json"]);
    expect(json.status, json.stderr).toBe(0);
    const model = JSON.parse(json.stdout) as {
      frameworks: Array<{ key: string }>;
      architecture: { nodes: Array<{ id: string; type: string }>; edges: unknown[] };
    };
    const built = runCli([
      "report",
      "examples/airport-assistant.rag.yaml",
      "--plan",
      planFile,
      "--format",
      "html",
      "-o",
      htmlFile,
    ]);
    expect(built.status, built.stderr).toBe(0);
    expect(readFileSync(htmlFile, "utf8")).toContain("<svg");

    const { chromium: launcher } = await import("playwright-core");
    const browser = await launcher.launch({
      executablePath: chromium!,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu"],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const consoleErrors: string[] = [];
      const requests: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") consoleErrors.push(message.text());
      });
      page.on("pageerror", (error) => consoleErrors.push(error.message));
      page.on("request", (request) => requests.push(request.url()));
      await page.goto(`file://${htmlFile}`, { waitUntil: "load" });

      const sections = await page.$$eval("section.framework", (nodes) =>
        nodes.map((node) => node.getAttribute("data-framework")),
      );
      expect(sections).toEqual(model.frameworks.map((framework) => framework.key));
      const svgNodes = await page.$$eval("#architecture svg g.node", (nodes) =>
        nodes.map((node) => node.getAttribute("data-node-id")),
      );
      expect(svgNodes.sort()).toEqual(model.architecture.nodes.map((node) => node.id).sort());
      const components = model.architecture.nodes.filter((node) => node.type.startsWith("llmops:"));
      expect(components.length).toBeGreaterThan(10);
      // Every node box is laid out inside the SVG's view box and has a visible size.
      const boxes = await page.$$eval("#architecture svg g.node rect", (rects) =>
        rects.map((rect) => {
          const box = rect.getBoundingClientRect();
          return { width: box.width, height: box.height };
        }),
      );
      expect(boxes.every((box) => box.width > 50 && box.height > 20)).toBe(true);
      expect(await page.$$eval("#architecture svg path.flow", (paths) => paths.length)).toBe(
        model.architecture.edges.length,
      );
      expect(await page.$$eval("#summary tbody tr", (rows) => rows.length)).toBe(model.frameworks.length);

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, "report-airport-assistant.png"), fullPage: true });
      await page
        .locator("#architecture")
        .screenshot({ path: join(ARTIFACTS, "report-airport-assistant-architecture.png") });
      expect(consoleErrors).toEqual([]);
      expect(requests.filter((url) => url !== `file://${htmlFile}`)).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 240_000);
});
