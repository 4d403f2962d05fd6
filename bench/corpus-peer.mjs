// Peer comparison on the real-world corpus (test/corpus/): llmops check against kube-score
// (pinned in scripts/install-corpus-tools.sh), both run on the same files. Findings are compared per
// Kubernetes object and per concern, through the mapping below (kube-score test id → the
// llmops check that judges the same concern); what only one tool reports is listed with its
// tool's own ids. Writes bench/results/corpus-peer.json and corpus-peer.md.
// Usage: npm run build && node bin/llmops.js policy build && node bench/corpus-peer.mjs
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const CORPUS = join(ROOT, "test", "corpus");
const KUBE_SCORE = process.env.KUBE_SCORE ?? join(ROOT, ".tools", "bin", "kube-score");
if (!existsSync(KUBE_SCORE)) {
  console.error(`corpus-peer: ${KUBE_SCORE} is missing; run bash scripts/install-corpus-tools.sh`);
  process.exit(2);
}
// CORPUS_DIR: read the same file names from another directory (e.g. a copy normalised for a
// reader that cannot take some document shapes yet); the report names the directory used, and
// CORPUS_NOTE, when set, says what that copy is.
const DIR = resolve(process.env.CORPUS_DIR ?? CORPUS);
const files = parse(readFileSync(join(CORPUS, "sources.yaml"), "utf8")).map((entry) => join(DIR, entry.file));

// The same concern under each tool's id. kube-score ids from its README_CHECKS.md; a concern
// missing here is compared as "only this tool".
const CONCERNS = {
  "container-security-context-user-group-id": "LLM-K8S-001",
  "container-security-context-privileged": "LLM-K8S-004",
  "container-security-context-readonlyrootfilesystem": "LLM-K8S-006",
  "container-seccomp-profile": "LLM-K8S-005",
  "container-image-tag": "LLM-K8S-009",
  "container-resources": "LLM-K8S-011",
  "pod-networkpolicy": "LLM-K8S-016",
  "pod-probes": "LLM-K8S-022",
};

const run = (cmd, args) => {
  const started = performance.now();
  const result = spawnSync(cmd, args, {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 256 << 20,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { ...result, ms: Math.round(performance.now() - started) };
};

// llmops: one call over every file. The resource is "k8s:<namespace>:<Kind>:<name>".
const llmopsRun = run(process.execPath, [join(ROOT, "bin", "llmops.js"), "check", ...files, "-f", "json"]);
if (llmopsRun.status !== 0 && llmopsRun.status !== 1)
  throw new Error(`llmops check exited ${llmopsRun.status}: ${llmopsRun.stderr}`);
const llmops = JSON.parse(llmopsRun.stdout).findings.map((f) => {
  const [, , kind, name] = f.resource.split(":");
  return { file: basename(f.file), object: `${kind}/${name}`, concern: f.id, id: f.id };
});

// kube-score: failing (critical or warning) tests, optional seccomp test enabled. One run per
// file: kube-score names an object's file from helm's "# Source:" comment, not the input file.
const ksRuns = files.map((file) => {
  const ran = run(KUBE_SCORE, [
    "score",
    "--output-format",
    "json",
    "--enable-optional-test",
    "container-seccomp-profile",
    file,
  ]);
  if (ran.status !== 0 && ran.status !== 1)
    throw new Error(`kube-score exited ${ran.status} on ${file}: ${ran.stderr}`);
  return { file: basename(file), ms: ran.ms, objects: JSON.parse(ran.stdout) ?? [] };
});
const ksRun = { ms: ksRuns.reduce((sum, r) => sum + r.ms, 0) };
const kubeScore = ksRuns.flatMap(({ file, objects }) =>
  objects.flatMap((object) =>
    object.checks
      .filter((check) => !check.skipped && check.grade < 7)
      .map((check) => ({
        file,
        object: `${object.type_meta.kind}/${object.object_meta.name}`,
        concern: CONCERNS[check.check.id] ?? check.check.id,
        id: check.check.id,
      })),
  ),
);
const scoredKinds = new Set(ksRuns.flatMap((r) => r.objects.map((object) => object.type_meta.kind)));

const keyOf = (f) => `${f.file} ${f.object} ${f.concern}`;
const ks = new Set(kubeScore.map(keyOf));
const ll = new Set(llmops.map(keyOf));
const count = (list) =>
  Object.entries(list.reduce((acc, f) => ({ ...acc, [f.id]: (acc[f.id] ?? 0) + 1 }), {})).sort(([a], [b]) =>
    a.localeCompare(b),
  );
const onlyLlmops = [...new Map(llmops.filter((f) => !ks.has(keyOf(f))).map((f) => [keyOf(f), f])).values()];
const onlyKubeScore = [...new Map(kubeScore.filter((f) => !ll.has(keyOf(f))).map((f) => [keyOf(f), f])).values()];
const both = [...ll].filter((k) => ks.has(k));
const llmopsKinds = [...new Set(llmops.map((f) => f.object.split("/")[0]))].sort();

const result = {
  date: new Date().toISOString(),
  files: files.length,
  directory: DIR === CORPUS ? "test/corpus" : DIR,
  ...(process.env.CORPUS_NOTE ? { note: process.env.CORPUS_NOTE } : {}),
  commands: {
    llmops: "node bin/llmops.js check test/corpus/<files> -f json",
    kubeScore:
      "kube-score score --output-format json --enable-optional-test container-seccomp-profile test/corpus/<file> (once per file)",
  },
  wallMs: { llmops: llmopsRun.ms, kubeScore: ksRun.ms },
  concernsInCommon: both.length,
  onlyLlmops: count(onlyLlmops),
  onlyKubeScore: count(onlyKubeScore),
  kindsJudgedByLlmopsNotScoredByKubeScore: llmopsKinds.filter((kind) => !scoredKinds.has(kind)),
};
writeFileSync(join(ROOT, "bench", "results", "corpus-peer.json"), JSON.stringify(result, null, 2) + "\n");

const table = (rows) => rows.map(([id, n]) => `| ${id} | ${n} |`).join("\n");
writeFileSync(
  join(ROOT, "bench", "results", "corpus-peer.md"),
  `# llmops check vs kube-score on the real-world corpus

${files.length} files of test/corpus/ (sources and licences in test/corpus/sources.yaml), read from ${result.directory}, ${result.date}.${result.note ? `\n${result.note}` : ""}
Commands: \`${result.commands.llmops}\` (${result.wallMs.llmops} ms) and \`${result.commands.kubeScore}\` (${result.wallMs.kubeScore} ms).
A finding is one (file, object, concern); concerns both tools judge are matched through the
mapping in bench/corpus-peer.mjs. kube-score counts a test as failing at grade critical or warning.

- Caught by both: ${both.length}
- Kinds llmops reports on and kube-score does not score at all (custom resources' pod templates among them): ${result.kindsJudgedByLlmopsNotScoredByKubeScore.join(", ") || "none"}

## Only llmops (by check id, distinct objects)

| id | objects |
|---|---|
${table(result.onlyLlmops)}

## Only kube-score (by test id, distinct objects)

| id | objects |
|---|---|
${table(result.onlyKubeScore)}
`,
);
console.log(JSON.stringify(result, null, 2));
