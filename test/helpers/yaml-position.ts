/** Independent oracle for positions: where the `yaml` library itself places a JSON Pointer. */
import { LineCounter, isMap, isPair, isScalar, parseDocument } from "yaml";

export function expectedLine(text: string, pointer: string, atKey = false): number {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  let node: unknown = document.contents;
  let keyNode: unknown;
  for (const segment of pointer.split("/").slice(1)) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === segment);
      next = pair?.value;
      keyNode = pair?.key;
    } else if (node && typeof node === "object" && "items" in node) {
      next = (node as { items: unknown[] }).items[Number(segment)];
    }
    if (next === undefined || next === null) break;
    node = next;
  }
  const target = atKey && keyNode ? keyNode : node;
  const range = (target as { range: [number, number, number] }).range;
  return lineCounter.linePos(range[0]).line;
}
