// The quick start's policy bundle: the gate of `llmops policy build` (opa fmt, opa check --strict with
// the SDK's capabilities, METADATA, opa test with coverage, the WebAssembly build) except Regal, so a
// first run needs OPA only. `npm test` rebuilds dist/bundle through the whole gate, Regal included
// (scripts/build-policies.sh builds Regal first when it is missing).
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const { buildBundle } = await import(join(root, "dist/policies/engine/build-bundle.js"));
const progress = process.stderr.isTTY ? (step) => process.stderr.write(`  • ${step}\n`) : undefined;
try {
  const result = buildBundle({
    root,
    outDir: join(root, "dist", "bundle"),
    coverageThreshold: 90,
    toolsDir: join(root, ".tools", "bin"),
    lint: false,
    ...(progress ? { progress } : {}),
  });
  process.stderr.write(
    `built dist/bundle without regal lint: revision ${result.manifest.revision}, ${result.catalog.length} checks, ${result.testsPassed} Rego tests passed, coverage ${result.coverage.toFixed(1)}%\n`,
  );
} catch (error) {
  process.stderr.write(`quickstart: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
