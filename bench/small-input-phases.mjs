// Where one small `llmops check` spends its CPU (issue 21, bench/results/small-input.md): the same
// calls as the check handler (cli/commands/check.ts), in order, with the CPU time (user + system,
// all threads, process.cpuUsage) of each phase. Node's own start-up is not included; time
// `node -e 0` for it. Needs `npm run build` and a built bundle (dist/bundle, or LLMOPS_BUNDLE).
// Usage: node bench/small-input-phases.mjs <runtime config file>
const started = process.cpuUsage();
const phase = async (label, work) => {
  const before = process.cpuUsage();
  const result = await work();
  const spent = process.cpuUsage(before);
  console.log(`${label.padEnd(58)} ${((spent.user + spent.system) / 1000).toFixed(0).padStart(5)} ms CPU`);
  return result;
};
const file = process.argv[2];
if (!file) {
  console.error("usage: node bench/small-input-phases.mjs <runtime config file>");
  process.exit(2);
}
await phase("import yargs", () => import("yargs"));
await phase("import the CLI's own modules (dist/cli/main.js)", () => import("../dist/cli/main.js"));
const [{ readRuntimeFile }, { PolicyEngine }, { checkRuntime }, { defaultBundleDir }, json] = await phase(
  "import the check handler's modules",
  () =>
    Promise.all([
      import("../dist/policies/engine/adapters/read-runtime-file.js"),
      import("../dist/policies/engine/engine.js"),
      import("../dist/policies/engine/check-runtime.js"),
      import("../dist/policies/engine/spec-policies.js"),
      import("../dist/cli/reporters/json.js"),
    ]),
);
const read = await phase("read and parse the file", () => readRuntimeFile(file));
const engine = await phase("load the bundle (digests, stale check, compile, instantiate)", () =>
  PolicyEngine.load(defaultBundleDir()),
);
const report = await phase("evaluate the runtime entrypoint and locate findings", () =>
  checkRuntime(engine, { resources: read.resources, ...(read.spec === undefined ? {} : { spec: read.spec }) }, [file]),
);
await phase("render JSON", () => json.render(report, { failOn: "high", color: false }));
const total = process.cpuUsage(started);
console.log(
  `${"total (after Node's start-up)".padEnd(58)} ${((total.user + total.system) / 1000).toFixed(0).padStart(5)} ms CPU; ${report.findings.length} findings`,
);
