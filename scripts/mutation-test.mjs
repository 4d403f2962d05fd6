#!/usr/bin/env node
// Policy mutation testing: does each check's test notice when the check is broken?
//
// For every check in policies/{spec,runtime}/<category>/<name>.rego, each condition line of each
// rule body is mutated three ways: dropped, negated (`not …`, or `not` removed), and its comparison
// flipped (== ↔ !=, < ↔ >=, > ↔ <=). Each mutant runs against the check's own _test.rego (plus
// lib/, whose testing_test.rego is the harness every _test.rego calls, and data.yaml). A mutant is killed when a test fails; it survives when every test passes;
// it is stillborn when OPA rejects it (e.g. dropping an assignment leaves a variable unbound) and
// is then not counted. Prints the kill rate per category and writes the survivors, so a weak test
// can be found and fixed.
//
//   node scripts/mutation-test.mjs [--json out.json] [--only <category>] [--check <name>]… [--min-kill-rate 0.9]
//
// --check limits the run to the named checks (file names without .rego, repeatable), e.g. the
// checks a change touched.
//
// Exit 1 when the overall kill rate is below --min-kill-rate (default 0: report only).
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "..");
const POLICIES = join(ROOT, "policies");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : fallback;
};
const jsonOut = option("--json");
const only = option("--only");
const onlyChecks = new Set(args.flatMap((arg, index) => (args[index - 1] === "--check" ? [arg] : [])));
const minKillRate = Number(option("--min-kill-rate", "0"));
const opa = existsSync(join(ROOT, ".tools/bin/opa")) ? join(ROOT, ".tools/bin/opa") : "opa";

const FLIPS = [
  [" == ", " != "],
  [" != ", " == "],
  [" >= ", " < "],
  [" <= ", " > "],
  [" < ", " >= "],
  [" > ", " <= "],
];

/** Lines of rule bodies that are one whole condition: one tab deep, brackets balanced, not a declaration. */
function conditionLines(lines) {
  const found = [];
  let inBody = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\S.* if \{$/.test(line) && !line.startsWith("#")) {
      inBody = true;
      continue;
    }
    if (line === "}") {
      inBody = false;
      continue;
    }
    if (!inBody || !/^\t\S/.test(line)) continue;
    const body = line.trim();
    if (/^(#|some |every |import |})/.test(body)) continue;
    const depth = [...body].reduce((sum, ch) => sum + ("([{".includes(ch) ? 1 : ")]}".includes(ch) ? -1 : 0), 0);
    const next = lines[i + 1] ?? "";
    if (depth !== 0 || !(/^\t\S/.test(next) || next === "}")) continue;
    found.push(i);
  }
  return found;
}

function mutants(source) {
  const lines = source.split("\n");
  const out = [];
  for (const i of conditionLines(lines)) {
    const line = lines[i];
    const body = line.trim();
    const replace = (text) =>
      [...lines.slice(0, i), ...(text === null ? [] : [text]), ...lines.slice(i + 1)].join("\n");
    out.push({ operator: "drop", line: i + 1, source: replace(null) });
    if (body.startsWith("not ")) out.push({ operator: "negate", line: i + 1, source: replace(`\t${body.slice(4)}`) });
    else if (!/:=|\s=\s/.test(body)) out.push({ operator: "negate", line: i + 1, source: replace(`\tnot ${body}`) });
    const flip = FLIPS.find(([from]) => body.includes(from));
    if (flip) out.push({ operator: "flip", line: i + 1, source: replace(`\t${body.replace(flip[0], flip[1])}`) });
  }
  return out;
}

function checks() {
  const found = [];
  for (const kind of ["spec", "runtime"]) {
    for (const category of readdirSync(join(POLICIES, kind))) {
      const dir = join(POLICIES, kind, category);
      for (const file of readdirSync(dir)) {
        if (!file.endsWith(".rego") || file.endsWith("_test.rego")) continue;
        const test = join(dir, file.replace(/\.rego$/, "_test.rego"));
        if (!existsSync(test)) continue;
        const testPackage = /^package\s+(\S+)/m.exec(readFileSync(test, "utf8"))[1];
        found.push({ category: `${kind}/${category}`, file: join(dir, file), test, testPackage });
      }
    }
  }
  return found
    .filter((check) => !only || check.category.endsWith(only))
    .filter(
      (check) =>
        onlyChecks.size === 0 ||
        onlyChecks.has(check.file.slice(check.file.lastIndexOf("/") + 1).replace(/\.rego$/, "")),
    );
}

function run(command, argv) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, argv, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolvePromise({ status, stdout, stderr });
    });
  });
}

let fixtureFiles;
/** Every *fixtures_test.rego under policies/spec and policies/runtime (lib/ is loaded whole). */
function sharedFixtures() {
  fixtureFiles ??= ["spec", "runtime"].flatMap((dir) =>
    readdirSync(join(POLICIES, dir), { recursive: true })
      .filter((name) => String(name).endsWith("fixtures_test.rego"))
      .map((name) => join(POLICIES, dir, String(name))),
  );
  return fixtureFiles;
}

/** killed | survived | stillborn, from the check's own tests in a scratch copy. */
async function judge(workspace, check, mutantSource) {
  const target = join(workspace, relative(POLICIES, check.file));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, mutantSource);
  cpSync(check.test, join(workspace, relative(POLICIES, check.test)));
  // Shared case fixtures (controls_fixtures_test.rego and the like), wherever they live: a check's
  // tests may import another folder's fixtures (patterns/ imports controls/'), so all are loaded.
  const fixtures = sharedFixtures();
  const result = await run(opa, [
    "test",
    "--format",
    "json",
    "-r",
    `^data\\.${check.testPackage.replaceAll(".", "\\.")}\\.`,
    join(workspace, "lib"),
    join(workspace, "data.yaml"),
    target,
    ...fixtures,
    join(workspace, relative(POLICIES, check.test)),
  ]);
  rmSync(dirname(target), { recursive: true, force: true });
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    return "stillborn"; // OPA refused to compile the mutant
  }
  if (!Array.isArray(report) || report.length === 0) return "stillborn";
  return report.some((test) => test.fail || test.error) ? "killed" : "survived";
}

async function main() {
  const started = Date.now();
  const all = checks();
  const jobs = [];
  for (const check of all) {
    const source = readFileSync(check.file, "utf8");
    // The unmutated check must pass its tests, or nothing below means anything.
    jobs.push({ check, operator: "original", line: 0, source });
    for (const mutant of mutants(source)) jobs.push({ check, ...mutant });
  }
  const workers = Math.max(1, Math.min(4, availableParallelism()));
  const results = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const workspace = mkdtempSync(join(tmpdir(), "llmops-mutants-"));
      cpSync(join(POLICIES, "lib"), join(workspace, "lib"), { recursive: true });
      cpSync(join(POLICIES, "data.yaml"), join(workspace, "data.yaml"));
      try {
        while (next < jobs.length) {
          const job = jobs[next++];
          results.push({ ...job, outcome: await judge(workspace, job.check, job.source) });
        }
      } finally {
        rmSync(workspace, { recursive: true, force: true });
      }
    }),
  );

  const originals = results.filter((result) => result.operator === "original");
  const broken = originals.filter((result) => result.outcome !== "survived");
  if (broken.length > 0) {
    for (const result of broken)
      console.error(
        `mutation-test: the unmutated ${relative(ROOT, result.check.file)} does not pass its own tests (${result.outcome})`,
      );
    process.exit(2);
  }
  const byCategory = new Map();
  for (const result of results.filter((r) => r.operator !== "original")) {
    const row = byCategory.get(result.check.category) ?? {
      checks: new Set(),
      killed: 0,
      survived: 0,
      stillborn: 0,
      survivors: [],
    };
    row.checks.add(result.check.file);
    row[result.outcome] += 1;
    if (result.outcome === "survived")
      row.survivors.push(`${relative(ROOT, result.check.file)}:${result.line} ${result.operator}`);
    byCategory.set(result.check.category, row);
  }
  const rows = [...byCategory.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, row]) => ({
      category,
      checks: row.checks.size,
      mutants: row.killed + row.survived,
      killed: row.killed,
      survived: row.survived,
      stillborn: row.stillborn,
      killRate: row.killed / Math.max(1, row.killed + row.survived),
      survivors: row.survivors,
    }));
  const total = rows.reduce(
    (sum, row) => ({
      mutants: sum.mutants + row.mutants,
      killed: sum.killed + row.killed,
      stillborn: sum.stillborn + row.stillborn,
    }),
    { mutants: 0, killed: 0, stillborn: 0 },
  );
  const killRate = total.killed / Math.max(1, total.mutants);

  console.log("category                 checks  mutants  killed  survived  stillborn  kill rate");
  for (const row of rows) {
    console.log(
      `${row.category.padEnd(24)} ${String(row.checks).padStart(6)} ${String(row.mutants).padStart(8)} ${String(row.killed).padStart(7)} ${String(row.survived).padStart(9)} ${String(row.stillborn).padStart(10)}  ${(row.killRate * 100).toFixed(1).padStart(8)}%`,
    );
  }
  console.log(
    `${"total".padEnd(24)} ${String(all.length).padStart(6)} ${String(total.mutants).padStart(8)} ${String(total.killed).padStart(7)} ${String(total.mutants - total.killed).padStart(9)} ${String(total.stillborn).padStart(10)}  ${(killRate * 100).toFixed(1).padStart(8)}%`,
  );
  for (const row of rows) for (const survivor of row.survivors) console.log(`survived: ${survivor}`);
  console.log(
    `${results.length} opa test runs in ${((Date.now() - started) / 1000).toFixed(1)} s (${workers} workers)`,
  );
  if (jsonOut)
    writeFileSync(
      jsonOut,
      `${JSON.stringify({ killRate, ...total, checks: all.length, categories: rows }, null, 2)}\n`,
    );
  if (killRate < minKillRate) {
    console.error(
      `mutation-test: kill rate ${(killRate * 100).toFixed(1)}% is below the required ${(minKillRate * 100).toFixed(1)}%`,
    );
    process.exit(1);
  }
}

await main();
