import Link from "next/link";
import { memo } from "react";
import type { EvidenceCell } from "../lib/comparison/live-evidence";
import type { ComparisonTable as Table } from "../lib/documents/types";
import { StackedLabel } from "./stacked-label";

/** A column's name as a cell's own label when rows stack: the acronym where the name ends with one. */
const shortLabel = (column: string) => /\(([^)]+)\)\s*$/.exec(column)?.[1] ?? column;

export const ComparisonTable = memo(function ComparisonTable({
  table,
  evidence,
  highlight = null,
}: {
  table: Table;
  evidence: Record<string, EvidenceCell>;
  /** The row the current answer is about, marked in the table. */
  highlight?: string | null;
}) {
  return (
    <section
      data-testid="comparison-table"
      aria-labelledby="comparison-title"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="comparison-title" className="text-lg font-semibold text-slate-900">
        The article&apos;s comparison
      </h2>
      <p className="mb-3 text-xs text-slate-500">
        All {table.rows.length} rows of the table in the source article, as data.{" "}
        <Link
          href="/guide"
          data-testid="comparison-guide-link"
          className="font-medium text-sky-700 underline"
        >
          Which fits your project?
        </Link>
      </p>
      {/* Three columns need about 20rem: narrower (a projector's large type in the third column, a phone), each
          row stacks its aspect above its two cells, each cell labelled, so no column is cut off. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it (axe: scrollable-region-focusable) */}
      <section aria-label="Comparison table" tabIndex={0} className="@container overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm @max-[21rem]:block">
          <thead className="@max-[21rem]:sr-only">
            <tr className="border-b border-slate-300 text-xs uppercase tracking-wide text-slate-500">
              {table.columns.map((column) => (
                <th key={column} scope="col" className="py-2 pr-3 font-semibold">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="@max-[21rem]:block">
            {table.rows.map((row) => (
              <tr
                key={row.aspect}
                data-testid="comparison-row"
                data-highlighted={row.aspect === highlight}
                className={`border-b border-slate-100 align-top @max-[21rem]:block @max-[21rem]:py-1 ${row.aspect === highlight ? "bg-sky-50" : ""}`}
              >
                <th
                  scope="row"
                  className="py-2 pr-3 font-medium text-slate-900 @max-[21rem]:block @max-[21rem]:pb-0 @max-[21rem]:text-base @max-[21rem]:font-semibold"
                >
                  {row.aspect}
                </th>
                {row.cells.map((cell, index) => {
                  const live = evidence[row.aspect];
                  const seen = index === 0 ? live?.rag : index === 1 ? live?.fineTuned : undefined;
                  const column = table.columns[index + 1] ?? "";
                  return (
                    <td
                      key={column || index}
                      className="py-2 pr-3 text-slate-700 @max-[21rem]:block @max-[21rem]:py-1"
                    >
                      <StackedLabel under="21rem">{shortLabel(column)}</StackedLabel>
                      {cell}
                      {seen && (
                        <span
                          data-testid="live-evidence"
                          className="mt-1 block text-xs italic text-emerald-800"
                        >
                          <span className="sr-only">Seen in this demo: </span>
                          {seen}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
});
