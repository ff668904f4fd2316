import { highlightSegments } from "../lib/retrieval/highlight";
import type { Citation } from "../lib/retrieval/pipeline";

export function CitationCard({ citation, active }: { citation: Citation; active: boolean }) {
  return (
    <li
      id={`citation-${citation.rank}`}
      data-testid="citation-card"
      tabIndex={-1}
      className={`rounded-lg border p-3 text-sm outline-none transition-colors ${
        active ? "border-sky-500 bg-sky-50 ring-2 ring-sky-300" : "border-slate-200 bg-white"
      }`}
    >
      <div className="mb-1 flex items-baseline justify-between gap-2 text-xs text-slate-500">
        <span>
          <span className="mr-1 rounded bg-slate-800 px-1.5 py-0.5 font-mono text-white">
            [{citation.rank}]
          </span>
          <span data-testid="citation-section">{citation.section}</span>
        </span>
        <span className="font-mono" title="combined retrieval score">
          score {citation.score.toFixed(2)}
        </span>
      </div>
      <p data-testid="citation-text" className="whitespace-pre-line leading-relaxed text-slate-800">
        {highlightSegments(citation.text, citation.matchedTerms).map((segment, index) =>
          segment.match ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are a fixed split of one text
            <mark key={index} data-testid="matched-term" className="rounded bg-amber-200 px-0.5 text-inherit">
              {segment.text}
            </mark>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments are a fixed split of one text
            <span key={index}>{segment.text}</span>
          ),
        )}
      </p>
      <p className="mt-1 text-xs text-slate-500">{citation.documentTitle}</p>
    </li>
  );
}
