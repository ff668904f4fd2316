"use client";
import { useState } from "react";
import { highlightSegments } from "../lib/rag/answer/highlight";
import type { Citation } from "../lib/rag/types";

export function CitationCard({
  citation,
  active,
  onEdit,
}: {
  citation: Citation;
  active: boolean;
  onEdit?: (passageId: string, section: string, text: string) => Promise<void>;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <li
      id={`citation-${citation.rank}`}
      data-testid="citation-card"
      data-passage-id={citation.id}
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
      {citation.kind === "question-list" && (
        <p data-testid="citation-question-list" className="mb-1 text-xs text-amber-800">
          Questions the article lists but never answers: this passage shows what it asks, not what it covers.
        </p>
      )}
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
      <div className="mt-1 flex items-center justify-between gap-2 text-xs text-slate-500">
        <span>{citation.documentTitle}</span>
        {onEdit && draft === null && (
          <button
            type="button"
            data-testid="citation-edit"
            onClick={() => setDraft(citation.text)}
            className="rounded px-1.5 py-0.5 text-sky-800 hover:bg-sky-50"
          >
            Edit passage
          </button>
        )}
      </div>
      {onEdit && draft !== null && (
        <div className="mt-2 flex flex-col gap-1">
          <label className="text-xs font-medium text-slate-700" htmlFor={`edit-${citation.rank}`}>
            New text for this passage (the next question uses it)
          </label>
          <textarea
            id={`edit-${citation.rank}`}
            data-testid="citation-edit-text"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            rows={3}
            className="rounded border border-slate-300 px-2 py-1 text-sm"
          />
          <div className="flex gap-2">
            <button
              type="button"
              data-testid="citation-edit-save"
              onClick={async () => {
                await onEdit(citation.id, citation.section, draft);
                setDraft(null);
              }}
              className="rounded bg-slate-800 px-2 py-1 text-xs font-medium text-white"
            >
              Save to the index
            </button>
            <button
              type="button"
              onClick={() => setDraft(null)}
              className="rounded border border-slate-300 px-2 py-1 text-xs"
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
