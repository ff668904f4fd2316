"use client";
import { memo, useState } from "react";
import type { LoadState, RagAnswer, ReaderState } from "../hooks/use-rag-worker";
import { formatBytes, formatMs, formatPercent, quotedWords, splitCitationMarkers } from "../lib/format";
import { describeDecoding } from "../lib/models/decoding";
import { READER_DECODING } from "../lib/rag/answer/reader-prompt";
import { FAITHFULNESS_FLAG } from "../lib/rag/settings";
import type { RagMode, RagResult } from "../lib/rag/types";
import { CitationCard } from "./citation-card";
import { PanelError, PanelShell } from "./panel-shell";
import { ProgressBar } from "./progress-bar";
import { RagStages } from "./rag-stages";
import { StageTimings } from "./stage-timings";
import { ToggleGroup } from "./toggle-group";

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

function Faithfulness({ result }: { result: RagResult }) {
  if (result.faithfulness === null) return null;
  return (
    <p
      data-testid="rag-faithfulness"
      data-flagged={result.flagged}
      className={result.flagged ? "rounded bg-red-50 p-2 text-xs text-red-800" : "text-xs text-slate-600"}
    >
      {result.flagged ? "Check this answer: only " : "Faithfulness "}
      {formatPercent(result.faithfulness)} of its words are found in its citations
      {result.flagged
        ? ` (under ${formatPercent(FAITHFULNESS_FLAG)}), so part of it may not come from the sources.`
        : "."}
    </p>
  );
}

function timingsOf(result: RagResult) {
  const { retrieveMs, firstTokenMs, answerMs, totalMs } = result.timings;
  return result.mode === "generative"
    ? [
        { label: "Retrieve", ms: retrieveMs },
        { label: "First token", ms: firstTokenMs },
        { label: "Generate", ms: answerMs },
        { label: "Total", ms: totalMs },
      ]
    : [
        { label: "Retrieve", ms: retrieveMs },
        { label: "Answer", ms: answerMs },
        { label: "Total", ms: totalMs },
      ];
}

function ReaderStatus({ reader }: { reader: ReaderState }) {
  if (reader.status === "idle")
    return (
      <p data-testid="reader-idle" className="text-xs text-slate-500">
        The reader model (generative answers) loads when you switch to Generative.
      </p>
    );
  if (reader.status === "loading")
    return (
      <ProgressBar
        testId="reader-progress"
        label="Loading the reader model (generative answers)"
        loaded={reader.loaded}
        total={reader.total}
      />
    );
  if (reader.status === "error")
    return (
      <p data-testid="reader-error" className="text-xs text-amber-800">
        Generative answers are unavailable, so answers are extractive: {reader.message}
      </p>
    );
  return (
    <p data-testid="reader-ready" data-ms={reader.loadMs} className="text-xs text-slate-500">
      Reader ready ({describeDecoding(READER_DECODING)}), loaded in {formatMs(reader.loadMs)}.
    </p>
  );
}

export const RagPanel = memo(function RagPanel({
  load,
  answer,
  reader,
  mode,
  onMode,
  onStop,
  onRetry,
  onEditPassage,
}: {
  load: LoadState;
  answer: RagAnswer;
  reader: ReaderState;
  mode: RagMode;
  onMode: (mode: RagMode) => void;
  onStop: () => void;
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
      subtitle="Searches the article (Orama: BM25, word vectors and a passage classifier learned from the Q&A set), then answers from the passages it finds, with citations: the same base model as the right panel, reading instead of remembering."
      badge={
        <ToggleGroup
          legend="How the RAG panel answers"
          testId="rag-mode"
          value={mode}
          onChange={onMode}
          options={[
            {
              value: "generative",
              label: "Generative",
              disabled: reader.status === "error",
              title: "The reader model writes the answer from the retrieved passages",
            },
            {
              value: "extractive",
              label: "Extractive",
              title: "The answer is the passages' best-matching sentences, copied",
            },
          ]}
        />
      }
    >
      {load.status === "loading" && (
        <ProgressBar
          testId="rag-progress"
          label="Loading the search index"
          loaded={load.loaded}
          total={load.total}
        />
      )}
      {load.status === "error" && (
        <PanelError testId="rag-error" message={load.message} detail={load.detail} onRetry={onRetry} />
      )}
      {load.status === "ready" && (
        <p data-testid="rag-ready" className="text-xs text-slate-500">
          Index ready: {load.passages} passages, {formatBytes(load.indexBytes)}, loaded in{" "}
          {formatMs(load.loadMs)}.
        </p>
      )}
      {load.status === "ready" && <ReaderStatus reader={reader} />}

      <div aria-live="polite" className="mt-3 flex flex-col gap-3">
        {answer.status === "idle" && load.status !== "error" && (
          <p className="text-sm text-slate-500">
            Ask a question to see the passages it retrieves and the answer it builds.
          </p>
        )}
        {answer.status === "running" && (
          <div data-testid="rag-running" className="flex flex-col gap-2">
            {answer.text === "" ? (
              <p className="text-sm text-slate-500">
                {answer.mode === "generative" && reader.status === "loading"
                  ? "Waiting for the reader model to load…"
                  : "Searching…"}
              </p>
            ) : (
              <p data-testid="rag-streaming" className="leading-relaxed text-slate-900">
                {answer.text}
                <span className="ml-0.5 inline-block w-2 animate-pulse bg-slate-400">&nbsp;</span>
              </p>
            )}
            {answer.mode === "generative" && (
              <button
                type="button"
                data-testid="rag-stop"
                onClick={onStop}
                className="self-start rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100"
              >
                Stop
              </button>
            )}
          </div>
        )}
        {answer.status === "error" && (
          <PanelError
            testId="rag-answer-error"
            message={answer.message}
            detail={answer.detail}
            onRetry={answer.hung ? onRetry : undefined}
          />
        )}
        {answer.status === "done" && (
          <>
            {answer.result.abstained ? (
              <>
                <p data-testid="rag-declined" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
                  {answer.result.answer}
                </p>
                {answer.result.declinedBy === "retrieval" && answer.result.uncovered.length > 0 && (
                  <p data-testid="rag-uncovered" className="text-xs text-amber-900">
                    No retrieved passage has a word close to: {quotedWords(answer.result.uncovered)}.
                  </p>
                )}
              </>
            ) : (
              <AnswerText answer={answer.result.answer} onCite={cite} />
            )}
            <p
              data-testid="rag-answer-mode"
              data-tokens-per-second={answer.result.generation?.tokensPerSecond}
              data-tokens={answer.result.generation?.tokens}
              className="text-xs text-slate-500"
            >
              {answer.result.mode === "generative"
                ? `Generated by the reader model from the passages${answer.result.generation ? `, ${answer.result.generation.tokens} tokens at ${Math.round(answer.result.generation.tokensPerSecond)} tokens/s` : ""}.`
                : "Extractive: sentences copied from the passages."}
              {answer.result.generation?.interrupted && (
                <span data-testid="rag-stopped" className="font-medium text-amber-700">
                  {" "}
                  Stopped: the answer is incomplete.
                </span>
              )}
            </p>
            <Faithfulness result={answer.result} />
            <StageTimings testId="rag-timings" stages={timingsOf(answer.result)} />
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
            <RagStages question={answer.question} result={answer.result} />
          </>
        )}
      </div>
    </PanelShell>
  );
});
