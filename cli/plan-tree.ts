/** The plan as a tree of components with resource counts, for `llmops plan --format pretty`. */
import type { PlanDocument, PlannedResource } from "../stacks/offline-plan.js";
import { clusterRequirements } from "./cluster-requirements.js";

/** The plan as indented text: each component resource with its children beneath it and a count of resources by type, for `llmops plan --format pretty`. Resources whose parent is not in the plan are roots. */
export function renderPlanTree(plan: PlanDocument): string {
  const children = new Map<string | undefined, PlannedResource[]>();
  const urns = new Set(plan.resources.map((resource) => resource.urn));
  for (const resource of plan.resources) {
    const parent = resource.parent && urns.has(resource.parent) ? resource.parent : undefined;
    children.set(parent, [...(children.get(parent) ?? []), resource]);
  }
  const lines: string[] = [];
  const isComponent = (resource: PlannedResource) => children.has(resource.urn);
  const walk = (parent: string | undefined, indent: string) => {
    const items = children.get(parent) ?? [];
    const components = items.filter(isComponent);
    const leaves = items.filter((item) => !isComponent(item));
    const counts = new Map<string, number>();
    for (const leaf of leaves) counts.set(leaf.type, (counts.get(leaf.type) ?? 0) + 1);
    const entries: Array<{ text: string; component?: PlannedResource }> = [
      ...components.map((component) => ({
        text: `${component.name} (${component.type}) — ${descendants(component.urn)} resources`,
        component,
      })),
      ...[...counts.entries()].sort().map(([type, count]) => ({ text: `${count} × ${type}` })),
    ];
    entries.forEach((entry, index) => {
      const last = index === entries.length - 1;
      lines.push(`${indent}${last ? "└─ " : "├─ "}${entry.text}`);
      if (entry.component) walk(entry.component.urn, `${indent}${last ? "   " : "│  "}`);
    });
  };
  const descendants = (urn: string): number =>
    (children.get(urn) ?? []).reduce((sum, child) => sum + 1 + descendants(child.urn), 0);
  lines.push(`${plan.stack} (target ${plan.target}, policy bundle ${plan.policyBundleRevision})`);
  walk(undefined, "");
  lines.push("", `${plan.resources.length} resources planned offline. ${plan.mocked}`);
  const needs = clusterRequirements(plan);
  if (needs.length > 0)
    lines.push(
      "",
      "The cluster must provide (target kubernetes builds on it, it does not install these):",
      ...needs.map((need) => `  - ${need}`),
    );
  return `${lines.join("\n")}\n`;
}
