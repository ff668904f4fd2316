import { extractComparisonTable } from "../documents/comparison-table";
import type { ComparisonTable } from "../documents/types";
import { PATHS, readText } from "./assets";

/** The article's comparison table, read at build time for the static page. */
export function readComparisonTable(): ComparisonTable {
  const table = extractComparisonTable(readText(PATHS.article));
  if (!table) throw new Error(`${PATHS.article} has no table`);
  return table;
}
