import { memo } from "react";
import type { EvidenceCell } from "../lib/comparison/live-evidence";
import type { ComparisonTable } from "../lib/documents/types";

/**
 * The row of the article's table this answer is about, shown beside the answers so a projector shows the
 * question, both answers and what the article says about the difference on one screen.
 */
export const RelevantRow = memo(function RelevantRow({
  table,
  aspect,
  evidence,
}: {
  table: ComparisonTable;
  aspect: string | null;
  evidence: Record<string, EvidenceCell>;
}) {
  const row = table.rows.find((r) => r.aspect === aspect);
  if (!row) return null;
  const live = evidence[row.aspect];
  return (
    <section
      data-testid="relevant-row"
      aria-label="The article's table, on this answer"
      className="rounded-xl border-2 border-sky-300 bg-sky-50 p-3 text-sm"
    >
      <h2 className="font-semibold text-slate-900">The article&apos;s table: {row.aspect}</h2>
      <dl className="mt-1 grid grid-cols-1 gap-1">
        {row.cells.map((cell, i) => (
          <div key={table.columns[i + 1] ?? i}>
            <dt className="inline font-medium">{table.columns[i + 1]}: </dt>
            <dd className="inline">
              {cell}
              {(i === 0 ? live?.rag : live?.fineTuned) && (
                <span className="block text-xs italic text-emerald-900">
                  In this demo: {i === 0 ? live?.rag : live?.fineTuned}
                </span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
});
