"use client";
import { useState } from "react";
import type { LoadState, RagAnswer } from "../hooks/use-rag-worker";
import { formatBytes, splitCitationMarkers } from "../lib/format";
import { CitationCard } from "./citation-card";
import { Badge, PanelError, PanelShell } from "./panel-shell";
import { ProgressBar } from "./progress-bar";
import { StageTimings } from "./stage-timings";

function AnswerText({ answer, onCite }: { answer: string; onCite: (rank: number) => void }) {
  return (
    <p data-testid="rag-answer" className="leading-relaxed text-slate-900">
      {splitCitationMarkers(answer).map((part, index) =>
        part.kind === "text" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are a fixed split of one answer
          <span key={index}>{part.text}</span>
        ) : (
          <button
            // biome-ignore lint/suspicious/noArrayIndexKey: parts are a fixed split of one answer
            key={index}
            type="button"
            data-testid="citation-marker"
            aria-label={`Show citation ${part.rank}`}
            onClick={() => onCite(part.rank)}
            className="mx-0.5 rounded bg-sky-100 px-1 font-mono text-xs font-semibold text-sky-800 hover:bg-sky-200"
          >
            [{part.rank}]
          </button>
        ),
      )}
    </p>
  );
}

export function RagPanel({
  load,
  answer,
  onRetry,
  onEditPassage,
}: {
  load: LoadState;
  answer: RagAnswer;
  onRetry: () => void;
  onEditPassage?: (passageId: string, section: string, text: string) => Promise<void>;
}) {
  const [active, setActive] = useState<number | null>(null);
  const cite = (rank: number) => {
    setActive(rank);
    const card = document.getElementById(`citation-${rank}`);
    card?.scrollIntoView({ behavior: "smooth", block: "nearest" });
    card?.focus({ preventScroll: true });
  };

  return (
    <PanelShell
      testId="rag-panel"
      title="RAG: retrieve, then answer"
      subtitle="Searches the article (Orama, BM25 + word vectors) and answers from the passages it finds, with citations."
      badge={<Badge testId="rag-mode">Extractive answer</Badge>}
    >
      {load.status === "loading" && (
        <ProgressBar
          testId="rag-progress"
          label="Loading the search index"
          loaded={load.loaded}
          total={load.total}
        />
      )}
      {load.status === "error" && <PanelError testId="rag-error" message={load.message} onRetry={onRetry} />}
      {load.status === "ready" && (
        <p data-testid="rag-ready" className="text-xs text-slate-500">
          Index ready: {load.passages} passages, {formatBytes(load.indexBytes)}, loaded in {load.loadMs} ms.
        </p>
      )}

      <div aria-live="polite" className="mt-3 flex flex-col gap-3">
        {answer.status === "idle" && load.status !== "error" && (
          <p className="text-sm text-slate-500">
            Ask a question to see the passages it retrieves and the answer it builds.
          </p>
        )}
        {answer.status === "running" && (
          <p data-testid="rag-running" className="text-sm text-slate-500">
            Searching…
          </p>
        )}
        {answer.status === "error" && (
          <PanelError testId="rag-answer-error" message={answer.message} onRetry={onRetry} />
        )}
        {answer.status === "done" && (
          <>
            {answer.result.abstained ? (
              <p data-testid="rag-declined" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
                {answer.result.answer}
              </p>
            ) : (
              <AnswerText answer={answer.result.answer} onCite={cite} />
            )}
            {answer.result.faithfulness !== null && (
              <p data-testid="rag-faithfulness" className="text-xs text-slate-600">
                Faithfulness {Math.round(answer.result.faithfulness * 100)}%: the share of the answer&apos;s
                words found in its citations.
              </p>
            )}
            <StageTimings
              testId="rag-timings"
              stages={[
                { label: "Retrieve", ms: answer.result.timings.retrieveMs },
                { label: "Answer", ms: answer.result.timings.answerMs },
                { label: "Total", ms: answer.result.timings.totalMs },
              ]}
            />
            {answer.result.citations.length > 0 && (
              <div>
                <h3 className="mb-2 text-sm font-semibold text-slate-700">Citations</h3>
                <ol data-testid="citations" className="flex flex-col gap-2">
                  {answer.result.citations.map((citation) => (
                    <CitationCard
                      key={citation.id}
                      citation={citation}
                      active={active === citation.rank}
                      onEdit={onEditPassage}
                    />
                  ))}
                </ol>
              </div>
            )}
          </>
        )}
      </div>
    </PanelShell>
  );
}
