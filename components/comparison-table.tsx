import Link from "next/link";
import { memo } from "react";
import type { EvidenceCell } from "../lib/comparison/live-evidence";
import type { ComparisonTable as Table } from "../lib/documents/types";

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
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it (axe: scrollable-region-focusable) */}
      <section aria-label="Comparison table" tabIndex={0} className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300 text-xs uppercase tracking-wide text-slate-500">
              {table.columns.map((column) => (
                <th key={column} scope="col" className="py-2 pr-3 font-semibold">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr
                key={row.aspect}
                data-testid="comparison-row"
                data-highlighted={row.aspect === highlight}
                className={`border-b border-slate-100 align-top ${row.aspect === highlight ? "bg-sky-50" : ""}`}
              >
                <th scope="row" className="py-2 pr-3 font-medium text-slate-900">
                  {row.aspect}
                </th>
                {row.cells.map((cell, index) => {
                  const live = evidence[row.aspect];
                  const seen = index === 0 ? live?.rag : index === 1 ? live?.fineTuned : undefined;
                  return (
                    <td key={table.columns[index + 1] ?? index} className="py-2 pr-3 text-slate-700">
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
