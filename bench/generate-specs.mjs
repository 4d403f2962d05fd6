// Deterministic inputs for benchmarks and the large-input tests. The spec corpus: variations of the bundled examples, some of
// them with controls turned off, so findings are non-trivial. Same seed, same files.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";

const MUTATIONS = [
  (d) => d.setIn(["spec", "explainability", "citations"], false),
  (d) => d.setIn(["spec", "guardrails", "input", "promptInjection"], false),
  (d) => d.setIn(["spec", "privacy", "encryption", "atRest"], "providerManagedKey"),
  (d) => d.setIn(["spec", "network", "egress"], d.createNode({ mode: "open" })),
  (d) => d.setIn(["spec", "observability", "audit", "retentionDays"], 30),
  (d) => d.setIn(["spec", "data", "retention"], d.createNode({ promptsDays: 365 })),
  () => {},
  () => {},
];

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateSpecs(root, count, directory) {
  const examples = readdirSync(join(root, "examples"))
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => readFileSync(join(root, "examples", f), "utf8"));
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const random = prng(20261128);
  for (let i = 0; i < count; i++) {
    const document = parseDocument(examples[i % examples.length]);
    document.setIn(["metadata", "name"], `spec-${i}`);
    MUTATIONS[Math.floor(random() * MUTATIONS.length)](document);
    writeFileSync(join(directory, `spec-${String(i).padStart(5, "0")}.yaml`), document.toString());
  }
  return directory;
}

/**
 * A `pulumi stack export` (v3) of `count` resources: the plan's resources replicated, each copy
 * with its own URNs and ids, and its references pointing at its own copies.
 */
export function stackExportOf(planResources, count) {
  const resources = [];
  for (let copy = 0; resources.length < count; copy++) {
    for (const resource of planResources) {
      if (resources.length >= count) break;
      const props = JSON.parse(JSON.stringify(resource.props).replaceAll('"mocked-', `"c${copy}-mocked-`));
      resources.push({
        urn: `${resource.urn}-c${copy}`,
        custom: Boolean(resource.id),
        type: resource.type,
        ...(resource.id ? { id: `c${copy}-${resource.id}` } : {}),
        inputs: props,
        outputs: props,
        ...(resource.parent ? { parent: `${resource.parent}-c${copy}` } : {}),
      });
    }
  }
  return { version: 3, deployment: { manifest: { version: "generated" }, resources } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count = "100", dir = "bench/.work/specs"] = process.argv.slice(2);
  generateSpecs(process.cwd(), Number(count), dir);
}
