/**
 * Lays out the architecture graph with dagre (@dagrejs/dagre, a Sugiyama-style layered layout):
 * left to right along the request path, node boxes sized from their labels. Returns coordinates in
 * SVG user units (pixels at 100 % zoom); the SVG renderer only draws what this returns.
 */
import * as dagre from "@dagrejs/dagre";
import type { Architecture, ArchitectureEdge, ArchitectureNode } from "./model.js";

export interface PlacedNode {
  readonly node: ArchitectureNode;
  /** Centre of the box. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PlacedEdge {
  readonly edge: ArchitectureEdge;
  readonly points: ReadonlyArray<{ readonly x: number; readonly y: number }>;
}

export interface PlacedGraph {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

/**
 * The part of dagre's graph API used here. @dagrejs/dagre 3.1.3's declarations re-export
 * @dagrejs/graphlib's Graph through a path that does not resolve under this project's module
 * settings, so the compiler sees `any`; this interface states the documented shapes instead.
 */
interface DagreGraph {
  setGraph(label: { rankdir: string; nodesep: number; ranksep: number; marginx: number; marginy: number }): void;
  setDefaultEdgeLabel(label: () => object): void;
  setNode(id: string, label: { width: number; height: number }): void;
  setEdge(from: string, to: string, label: { minlen: number }, name: string): void;
  node(id: string): { x: number; y: number; width: number; height: number };
  edge(edge: { v: string; w: string; name: string }): { points?: Array<{ x: number; y: number }> };
  graph(): { width?: number; height?: number };
}
const { Graph, layout } = dagre as unknown as {
  Graph: new (options: { multigraph: boolean }) => DagreGraph;
  layout: (graph: DagreGraph) => void;
};

/** Average advance of a 12 px sans-serif glyph, used to size boxes before any font is measured. */
const CHAR_WIDTH = 7;
const NODE_HEIGHT = 46;

/** Gap between the flow graph and the row(s) of components that take part in no flow. */
const GAP = 28;

/**
 * Components in a data flow are laid out by dagre; components in none (keys, network, access…)
 * would otherwise stack in dagre's first rank as one tall column, so they follow in rows below it,
 * in the order given, wrapped at the flow graph's width (at least MIN_ROW_WIDTH).
 */
const MIN_ROW_WIDTH = 900;

/**
 * Places the architecture: nodes in a data flow by dagre (ranked along the flow, edges routed as
 * point lists), the others in rows below, wrapped at the flow graph's width (at least
 * MIN_ROW_WIDTH). Boxes are sized from the label length (CHAR_WIDTH per character, NODE_HEIGHT
 * high); every size and coordinate is in SVG user units (px).
 */
export function layoutArchitecture(architecture: Architecture): PlacedGraph {
  const linked = new Set(architecture.edges.flatMap((edge) => [edge.from, edge.to]));
  const flowing = architecture.nodes.filter((node) => linked.has(node.id) || architecture.edges.length === 0);
  const alone = architecture.nodes.filter((node) => !flowing.includes(node));
  const flow = layoutFlows({ nodes: flowing, edges: architecture.edges });
  const rowWidth = Math.max(flow.width, MIN_ROW_WIDTH);
  const placed: PlacedNode[] = [...flow.nodes];
  let x = 12;
  let y = flow.height + (flowing.length > 0 ? GAP : 12);
  for (const node of alone) {
    const width = boxWidth(node);
    if (x + width > rowWidth - 12 && x > 12) {
      x = 12;
      y += NODE_HEIGHT + 14;
    }
    placed.push({ node, x: x + width / 2, y: y + NODE_HEIGHT / 2, width, height: NODE_HEIGHT });
    x += width + 14;
  }
  const height = alone.length > 0 ? y + NODE_HEIGHT + 12 : flow.height;
  const width = Math.max(flow.width, ...placed.map((node) => Math.ceil(node.x + node.width / 2 + 12)));
  return { width, height: Math.ceil(height), nodes: placed, edges: flow.edges };
}

function boxWidth(node: ArchitectureNode): number {
  const text = Math.max(node.label.length, `${node.resources} resources`.length);
  return Math.min(260, Math.max(110, text * CHAR_WIDTH + 24));
}

function layoutFlows(architecture: Architecture): PlacedGraph {
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: "LR", nodesep: 18, ranksep: 70, marginx: 12, marginy: 12 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of architecture.nodes) graph.setNode(node.id, { width: boxWidth(node), height: NODE_HEIGHT });
  architecture.edges.forEach((edge, index) => graph.setEdge(edge.from, edge.to, { minlen: 1 }, `e${index}`));
  layout(graph);
  const nodes = architecture.nodes.map((node) => {
    const placed = graph.node(node.id);
    return { node, x: placed.x, y: placed.y, width: placed.width, height: placed.height };
  });
  const edges = architecture.edges.map((edge, index) => ({
    edge,
    points: graph.edge({ v: edge.from, w: edge.to, name: `e${index}` }).points ?? [],
  }));
  const label = graph.graph();
  return { width: Math.ceil(label.width ?? 0), height: Math.ceil(label.height ?? 0), nodes, edges };
}
