// Prints "N passed, N failed, N skipped" from the test runners' own JSON reports
// (vitest's JSON reporter, and opa test --format json when present). Exit 1 on any
// failure or when no test ran at all.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
let passed = 0,
  failed = 0,
  skipped = 0;

// One JSON report per vitest run (vitest.json, vitest-engine.json, ...).
const vitestFiles = existsSync(dir) ? readdirSync(dir).filter((name) => /^vitest.*\.json$/.test(name)) : [];
for (const name of vitestFiles) {
  const report = JSON.parse(readFileSync(join(dir, name), "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A suite that failed outside its tests (a load error, a failing beforeAll whose tests were
  // then skipped) has no failed test of its own; count it once.
  failed += report.testResults.filter(
    (suite) => suite.status === "failed" && !suite.assertionResults.some((test) => test.status === "failed"),
  ).length;
  skipped += report.numPendingTests + report.numTodoTests;
}
if (!vitestFiles.includes("vitest.json")) {
  failed += 1;
  console.error("summarise-tests: vitest wrote no report");
}

const opaFile = join(dir, "opa-test.json");
if (existsSync(opaFile)) {
  for (const result of JSON.parse(readFileSync(opaFile, "utf8"))) {
    if (result.skip) skipped += 1;
    else if (result.fail || result.error) failed += 1;
    else passed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
