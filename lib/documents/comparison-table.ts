import { type Block, parseBlocks } from "./parse-blocks";
import type { ComparisonTable } from "./types";

/** The first table of a document as structured data, for the comparison table beside the panels. */
export function extractComparisonTable(markdown: string): ComparisonTable | null {
  const table = parseBlocks(markdown).find(
    (block): block is Extract<Block, { type: "table" }> => block.type === "table",
  );
  if (!table) return null;
  const columns = table.header.filter((cell) => cell !== "");
  const rows = table.rows
    .filter((row) => row.some((cell) => cell !== ""))
    .map(([aspect = "", ...cells]) => ({ aspect, cells: cells.slice(0, columns.length - 1) }));
  return { columns, rows };
}
