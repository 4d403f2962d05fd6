#!/usr/bin/env node
// Re-renders test/corpus/ from test/corpus/sources.yaml: each entry's repository at its
// recorded commit, a chart through the pinned `helm template`, a list of manifests as they are.
// Repositories are read with git, without a work tree: from LLMOPS_CORPUS_MIRROR/<owner>+<name>/repo
// (a bare mirror) when it exists, else cloned once into .corpus-cache/ from GitHub.
// Usage: node scripts/render-corpus.mjs [file…]   (default: every entry)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, parseDocument } from "yaml";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS = join(ROOT, "test", "corpus");
const HELM = process.env.HELM ?? join(ROOT, ".tools", "bin", "helm");
const sources = parse(readFileSync(join(CORPUS, "sources.yaml"), "utf8"));
const wanted = new Set(process.argv.slice(2));

const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, ...opts });

/** The bare git directory holding `owner/name`, from the mirror or a one-time clone. */
function gitDir(repo) {
  const mirror =
    process.env.LLMOPS_CORPUS_MIRROR && join(process.env.LLMOPS_CORPUS_MIRROR, repo.replace("/", "+"), "repo");
  if (mirror && existsSync(mirror)) return mirror;
  const cache = join(ROOT, ".corpus-cache", repo.replace("/", "+"));
  if (!existsSync(cache))
    run("git", ["clone", "--bare", "--filter=blob:none", `https://github.com/${repo}.git`, cache], {
      stdio: "inherit",
    });
  return cache;
}

/** Extracts `path` of the repository at `commit` into a fresh directory; returns that directory. */
function extract(git, commit, path) {
  const dir = mkdtempSync(join(tmpdir(), "llmops-corpus-"));
  const tar = execFileSync("git", ["--git-dir", git, "archive", "--format=tar", commit, path]);
  execFileSync("tar", ["-x", "-C", dir], { input: tar });
  return dir;
}

function renderChart(entry, git) {
  const dir = extract(git, entry.commit, entry.chart === "." ? "." : entry.chart);
  try {
    const chart = join(dir, entry.chart);
    if (entry.dropDependencies) {
      const chartYaml = parseDocument(readFileSync(join(chart, "Chart.yaml"), "utf8"));
      chartYaml.delete("dependencies");
      writeFileSync(join(chart, "Chart.yaml"), chartYaml.toString());
      rmSync(join(chart, "Chart.lock"), { force: true });
    }
    const args = ["template", entry.release, chart, "--namespace", entry.namespace];
    for (const file of entry.valuesFiles ?? []) {
      const values = join(dir, "values-" + file.replaceAll("/", "_"));
      writeFileSync(values, run("git", ["--git-dir", git, "show", `${entry.commit}:${file}`]));
      args.push("--values", values);
    }
    for (const value of entry.set ?? []) args.push("--set", value);
    return run(HELM, args);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function concatManifests(entry, git) {
  return entry.manifests
    .map(
      (file) =>
        `# Source: ${entry.repo}/${file}\n${run("git", ["--git-dir", git, "show", `${entry.commit}:${file}`]).replace(/\n*$/, "\n")}`,
    )
    .join("---\n");
}

mkdirSync(CORPUS, { recursive: true });
for (const entry of sources) {
  if (wanted.size > 0 && !wanted.has(entry.file)) continue;
  const git = gitDir(entry.repo);
  const body = entry.chart === undefined ? concatManifests(entry, git) : renderChart(entry, git);
  const header = `# ${entry.repo}@${entry.commit} (${entry.licence}); rendered by scripts/render-corpus.mjs\n`;
  writeFileSync(join(CORPUS, entry.file), header + body);
  process.stderr.write(`render-corpus: ${entry.file}\n`);
}
