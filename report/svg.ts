/**
 * The architecture picture as inline SVG: one `<g class="node">` per component (data-node-id,
 * data-role, data-worst), coloured by its worst active finding, and one path per data flow,
 * dashed by kind. Positions come from layout.ts; every text is escaped.
 */
import type { Severity } from "../policies/engine/finding.js";
import { escapeHtml } from "./escape.js";
import { layoutArchitecture } from "./layout.js";
import type { Architecture, FlowKind } from "./model.js";

/** Fill per worst severity; `none` for a component with no active finding, `external` for parties outside the plan. */
export const NODE_COLOURS: Readonly<Record<Severity | "none" | "external", string>> = {
  critical: "#b91c1c",
  high: "#ea580c",
  medium: "#ca8a04",
  low: "#2563eb",
  none: "#15803d",
  external: "#64748b",
};

const FLOW_STYLE: Readonly<Record<FlowKind, { colour: string; dash: string }>> = {
  request: { colour: "#1e293b", dash: "" },
  retrieval: { colour: "#7c3aed", dash: "6 3" },
  records: { colour: "#0369a1", dash: "2 3" },
  egress: { colour: "#be123c", dash: "8 4 2 4" },
};

/** The architecture diagram as a standalone SVG document (layoutArchitecture's placement), labels XML-escaped; no scripts or external references. */
export function renderArchitectureSvg(architecture: Architecture): string {
  const placed = layoutArchitecture(architecture);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="architecture" role="img" aria-labelledby="arch-title" viewBox="0 0 ${placed.width} ${placed.height}" width="${placed.width}" height="${placed.height}">`,
  );
  parts.push(`<title id="arch-title">Planned components and their data flows</title>`);
  parts.push("<defs>");
  for (const [kind, style] of Object.entries(FLOW_STYLE)) {
    parts.push(
      `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${style.colour}"/></marker>`,
    );
  }
  parts.push("</defs>");
  for (const { edge, points } of placed.edges) {
    if (points.length === 0) continue;
    const style = FLOW_STYLE[edge.flow];
    const d = points
      .map((point, index) => `${index === 0 ? "M" : "L"}${point.x.toFixed(1)},${point.y.toFixed(1)}`)
      .join(" ");
    parts.push(
      `<path class="flow flow-${edge.flow}" data-from="${escapeHtml(edge.from)}" data-to="${escapeHtml(edge.to)}" d="${d}" fill="none" stroke="${style.colour}" stroke-width="1.6"${style.dash ? ` stroke-dasharray="${style.dash}"` : ""} marker-end="url(#arrow-${edge.flow})"><title>${escapeHtml(`${edge.flow}: ${edge.label}`)}</title></path>`,
    );
  }
  for (const { node, x, y, width, height } of placed.nodes) {
    const key = node.type === "external" ? "external" : (node.worst ?? "none");
    const left = x - width / 2;
    const top = y - height / 2;
    const detail =
      node.type === "external"
        ? node.role
        : `${node.resources} resource${node.resources === 1 ? "" : "s"}${node.findings > 0 ? ` · ${node.findings} finding${node.findings === 1 ? "" : "s"}` : ""}`;
    parts.push(
      `<g class="node" data-node-id="${escapeHtml(node.id)}" data-role="${escapeHtml(node.role)}" data-worst="${escapeHtml(node.worst ?? "none")}">`,
    );
    parts.push(
      `<title>${escapeHtml(`${node.label} (${node.type})${node.worst ? `: worst finding ${node.worst}` : ""}`)}</title>`,
    );
    parts.push(
      `<rect x="${left.toFixed(1)}" y="${top.toFixed(1)}" width="${width}" height="${height}" rx="6" fill="${NODE_COLOURS[key]}"/>`,
    );
    parts.push(
      `<text x="${x.toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle" class="node-label">${escapeHtml(truncate(node.label, Math.floor((width - 16) / 7)))}</text>`,
    );
    parts.push(
      `<text x="${x.toFixed(1)}" y="${(y + 13).toFixed(1)}" text-anchor="middle" class="node-detail">${escapeHtml(detail)}</text>`,
    );
    parts.push("</g>");
  }
  parts.push("</svg>");
  return parts.join("");
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
