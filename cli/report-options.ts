/**
 * Options shared by every command that reports findings (--format, --output, --fail-on),
 * and the one function that renders a report and decides the exit code.
 */
import type { Argv } from "yargs";
import { SEVERITIES, blockingFindings, type Severity } from "../policies/engine/finding.js";
import type { Report } from "../policies/engine/report.js";
import { EXIT_FINDINGS, EXIT_OK } from "./outcome.js";

export const FORMATS = ["pretty", "json", "sarif", "junit", "github"] as const;
export type Format = (typeof FORMATS)[number];

/** As yargs hands them over; `choices` has already constrained the values. */
export interface ReportOptions {
  readonly format: string;
  readonly output?: string | undefined;
  readonly "fail-on": string;
  readonly "sarif-base"?: string | undefined;
}

/** Adds the report options every evaluating command takes (--format, --output, --fail-on, --sarif-base) to a yargs builder and returns it, typed. */
export function withReportOptions<T>(yargs: Argv<T>) {
  return yargs
    .option("format", { alias: "f", choices: FORMATS, default: "pretty", describe: "Output format" })
    .option("output", {
      alias: "o",
      type: "string",
      describe: "Write the report to FILE (atomically) instead of stdout",
    })
    .option("fail-on", { choices: SEVERITIES, default: "high", describe: "Lowest severity that makes the exit code 1" })
    .option("sarif-base", {
      type: "string",
      describe:
        "Directory SARIF locations are relative to (%SRCROOT%; default: the git repository root, else the working directory)",
    });
}

export interface RenderContext {
  readonly failOn: Severity;
  readonly color: boolean;
  /** --sarif-base: the directory %SRCROOT% stands for. */
  readonly sarifBase?: string | undefined;
}

/** Renders and writes the report; returns the exit code it implies (0 or 1). */
export async function emitReport(report: Report, options: ReportOptions): Promise<number> {
  const { render } = (await import(`./reporters/${options.format}.js`)) as {
    render: (report: Report, context: RenderContext) => string;
  };
  const color =
    options.output === undefined &&
    process.stdout.isTTY === true &&
    !("NO_COLOR" in process.env) &&
    options.format === "pretty";
  const failOn = options["fail-on"] as Severity;
  const text = render(report, { failOn, color, sarifBase: options["sarif-base"] });
  if (options.output === undefined) {
    process.stdout.write(text);
  } else {
    const { writeFileAtomic } = await import("./atomic-write.js");
    writeFileAtomic(options.output, text);
  }
  return blockingFindings(report.findings, failOn).length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
