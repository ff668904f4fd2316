"use client";
import { memo, useState } from "react";
import type { LoadState, RagAnswer, ReaderState } from "../hooks/use-rag-worker";
import type { Verdict } from "../lib/evaluation/verdict";
import { formatBytes, formatMs, quotedWords, splitCitationMarkers } from "../lib/format";
import { describeDecoding } from "../lib/models/decoding";
import { READER_DECODING } from "../lib/rag/answer/reader-prompt";
import type { Knowledge } from "../lib/rag/knowledge";
import type { RagMode, RagResult } from "../lib/rag/types";
import { FinishNote, SourceCheck, VerdictBadge } from "./answer-marks";
import { CitationCard } from "./citation-card";
import { GlossaryTerm } from "./glossary-term";
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

/** What the RAG panel shows for its answer: searching, streaming, the answer with its marks, or why not. */
function RagAnswerView({
  answer,
  reader,
  verdict,
  onStop,
  onRetry,
  onCite,
}: {
  answer: RagAnswer;
  reader: ReaderState;
  verdict: Verdict | null;
  onStop: () => void;
  onRetry: () => void;
  onCite: (rank: number) => void;
}) {
  if (answer.status === "idle")
    return (
      <p className="text-sm text-slate-600">Ask a question to see what it finds and the answer it builds.</p>
    );
  if (answer.status === "error")
    return (
      <PanelError
        testId="rag-answer-error"
        message={answer.message}
        detail={answer.detail}
        onRetry={answer.hung ? onRetry : undefined}
      />
    );
  if (answer.status === "running")
    return (
      <div data-testid="rag-running" className="flex flex-col gap-2">
        {answer.text === "" ? (
          <p className="text-sm text-slate-600">
            {answer.mode === "generative" && reader.status === "loading"
              ? "Waiting for the reader model to load…"
              : "Searching…"}
          </p>
        ) : (
          <p data-testid="rag-streaming" className="answer-text leading-relaxed text-slate-900">
            {answer.text}
            <span className="ml-0.5 inline-block w-2 motion-safe:animate-pulse bg-slate-400">&nbsp;</span>
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
    );
  const { result } = answer;
  return (
    <div className="flex flex-col gap-2">
      {result.abstained ? (
        <p data-testid="rag-declined" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          {result.answer}
        </p>
      ) : (
        <AnswerText answer={result.answer} onCite={onCite} />
      )}
      <VerdictBadge verdict={verdict} testId="rag-verdict" />
      <StageTimings testId="rag-timings" stages={timingsOf(result)} />
      {result.declinedBy === "retrieval" && result.uncovered.length > 0 && (
        <p data-testid="rag-uncovered" className="text-xs text-amber-900">
          No passage it found has a word close to: {quotedWords(result.uncovered)}.
        </p>
      )}
      {result.generation && (
        <FinishNote finish={result.generation.finish} limit={READER_DECODING.max_new_tokens} testId="rag" />
      )}
      {!result.abstained && (
        <SourceCheck
          share={result.faithfulness}
          invented={result.invented}
          flagged={result.flagged}
          testId="rag-faithfulness"
        />
      )}
    </div>
  );
}

function modeLine(result: RagResult): string {
  if (result.abstained) return "Nothing was generated or quoted: the panel declined.";
  if (result.mode === "extractive") return "Extractive: the answer is sentences copied from the passages.";
  const generation = result.generation;
  return `Generated by the reader model from the passages${generation ? `, ${generation.tokens} tokens at ${Math.round(generation.tokensPerSecond)} tokens/s` : ""}.`;
}

export const RagPanel = memo(function RagPanel({
  load,
  answer,
  reader,
  mode,
  verdict,
  revealStages,
  onMode,
  onStop,
  onRetry,
  onEditPassage,
  knowledge,
}: {
  /** What RAG was given: its search's learned part differs. */
  knowledge: Knowledge;
  load: LoadState;
  answer: RagAnswer;
  reader: ReaderState;
  mode: RagMode;
  /** The verdict on the answer, for a prepared question; null otherwise. */
  verdict: Verdict | null;
  /** How many of the pipeline's stages the presenter has revealed; null shows them all. */
  revealStages: number | null;
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
  const result = answer.status === "done" ? answer.result : null;

  const top = (
    <>
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
      <div aria-live="polite">
        {load.status !== "error" && (
          <RagAnswerView
            answer={answer}
            reader={reader}
            verdict={verdict}
            onStop={onStop}
            onRetry={onRetry}
            onCite={cite}
          />
        )}
      </div>
    </>
  );

  const details = (
    <>
      {load.status === "ready" && (
        <p data-testid="rag-ready" className="text-xs text-slate-600">
          Search index ready: {load.passages} passages, {formatBytes(load.indexBytes)}, loaded in{" "}
          {formatMs(load.loadMs)}.
        </p>
      )}
      {load.status === "ready" && <ReaderStatus reader={reader} />}
      {result && (
        <p
          data-testid="rag-answer-mode"
          data-tokens-per-second={result.generation?.tokensPerSecond}
          data-tokens={result.generation?.tokens}
          className="text-xs text-slate-600"
        >
          {modeLine(result)}
        </p>
      )}
      {result && result.citations.length > 0 && (
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-700">
            Its <GlossaryTerm id="citation">sources</GlossaryTerm>
          </h3>
          <ol data-testid="citations" className="flex flex-col gap-2">
            {result.citations.map((citation) => (
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
      {answer.status === "done" && (
        <RagStages question={answer.question} result={answer.result} reveal={revealStages} />
      )}
      <details className="text-xs text-slate-600">
        <summary className="cursor-pointer font-medium">How it works, technically</summary>
        <p className="mt-1">
          Search: Orama full-text search (<GlossaryTerm id="bm25">BM25</GlossaryTerm>) fused with GloVe{" "}
          <GlossaryTerm id="word-vectors">word vectors</GlossaryTerm> and{" "}
          {knowledge === "article"
            ? "a small sentence encoder trained on documentation (never on the article or its questions)"
            : "a passage classifier learned from the written questions"}
          ; a question its sources do not cover is <GlossaryTerm id="declining">declined</GlossaryTerm>.
          Generative answers: a small <GlossaryTerm id="reader-model">reader model</GlossaryTerm> (the same
          pretrained base as the right panel) writes from the top{" "}
          <GlossaryTerm id="passage">passages</GlossaryTerm>,{" "}
          <GlossaryTerm id="greedy-decoding">greedy decoding</GlossaryTerm>, at most{" "}
          {READER_DECODING.max_new_tokens} new tokens.
        </p>
      </details>
    </>
  );

  return (
    <PanelShell
      testId="rag-panel"
      side="left"
      title="RAG: look it up, then answer"
      subtitle="Searches the article, answers from what it finds, and shows its sources."
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
              title: "A reader model writes the answer from the passages it found",
            },
            {
              value: "extractive",
              label: "Extractive",
              title: "The answer is the passages' best-matching sentences, copied",
            },
          ]}
        />
      }
      top={top}
      details={details}
    />
  );
});
