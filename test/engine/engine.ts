/** Where scripts/install-engine.sh puts the real Pulumi engine, and whether it is all there. */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers/cli.js";

const TOOLS = process.env.LLMOPS_TOOLS_DIR ?? join(ROOT, ".tools");
export const ENGINE_BIN = join(TOOLS, "bin");
export const ENGINE_PLUGINS = join(process.env.LLMOPS_PULUMI_HOME ?? join(TOOLS, "pulumi-home"), "plugins");

/** Names the first missing piece, or undefined when the engine is complete. */
export function engineMissing(): string | undefined {
  const pieces: Array<[string, string]> = [
    [join(ENGINE_BIN, "pulumi"), "the Pulumi CLI"],
    [join(ENGINE_BIN, "pulumi-language-nodejs"), "the Node.js language host"],
    [join(TOOLS, "libexec", "pulumi-language-nodejs-upstream"), "the upstream Node.js language host"],
  ];
  for (const [path, what] of pieces) if (!existsSync(path)) return `${what} is not installed at ${path}`;
  if (
    !existsSync(ENGINE_PLUGINS) ||
    !readdirSync(ENGINE_PLUGINS).some((name) => name.startsWith("resource-kubernetes-v"))
  ) {
    return `the Kubernetes provider is not registered in ${ENGINE_PLUGINS}`;
  }
  if (!existsSync(join(ROOT, "dist", "stacks", "index.js"))) return "the program is not built (npm run build)";
  if (!existsSync(join(ROOT, "dist", "bundle", "manifest.json")))
    return "the policy bundle is not built (npm run policy:build)";
  return undefined;
}
