"use client";
import { memo } from "react";
import type { FineTunedAnswer, ModelLoadState } from "../hooks/use-fine-tuned-worker";
import type { Verdict } from "../lib/evaluation/verdict";
import { FINE_TUNED_DECODING } from "../lib/fine-tuned/generation";
import type { LifecycleStep } from "../lib/fine-tuned/lifecycle";
import { formatMs } from "../lib/format";
import { describeDecoding } from "../lib/models/decoding";
import type { Knowledge } from "../lib/rag/knowledge";
import { FinishNote, VerdictBadge } from "./answer-marks";
import { FineTuningLifecycle } from "./fine-tuning-lifecycle";
import { GlossaryTerm } from "./glossary-term";
import { PanelError, PanelShell } from "./panel-shell";
import { ProgressBar } from "./progress-bar";
import { StageTimings } from "./stage-timings";

const SETTINGS = describeDecoding(FINE_TUNED_DECODING);

/** The model's answer as it is written, or why there is none. */
function FineTunedAnswerView({
  answer,
  verdict,
  onStop,
}: {
  answer: FineTunedAnswer;
  verdict: Verdict | null;
  onStop: () => void;
}) {
  if (answer.status === "idle")
    return (
      <p className="text-sm text-slate-600">Ask a question to watch it write its answer, word by word.</p>
    );
  if (answer.status === "error")
    return <PanelError testId="fine-tuned-answer-error" message={answer.message} detail={answer.detail} />;
  if (answer.status === "done" && answer.generation.refusal)
    return (
      <p
        data-testid="fine-tuned-refused"
        role="alert"
        className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900"
      >
        {answer.generation.refusal.message}
      </p>
    );
  return (
    <div className="flex flex-col gap-2">
      <p data-testid="fine-tuned-answer" className="answer-text min-h-6 leading-relaxed text-slate-900">
        {answer.status === "done" ? answer.generation.answer : answer.text}
        {answer.status === "running" && (
          <span className="ml-0.5 inline-block w-2 motion-safe:animate-pulse bg-slate-400">&nbsp;</span>
        )}
      </p>
      {answer.status === "running" && (
        <button
          type="button"
          data-testid="fine-tuned-stop"
          onClick={onStop}
          className="self-start rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100"
        >
          Stop
        </button>
      )}
      {answer.status === "done" && (
        <>
          <VerdictBadge verdict={verdict} testId="fine-tuned-verdict" />
          <FinishNote
            finish={answer.generation.finish}
            limit={FINE_TUNED_DECODING.max_new_tokens}
            testId="fine-tuned"
          />
          <StageTimings
            testId="fine-tuned-timings"
            stages={[
              { label: "First token", ms: answer.generation.timings.firstTokenMs },
              { label: "Generate", ms: answer.generation.timings.generateMs },
              { label: "Total", ms: answer.generation.timings.totalMs },
            ]}
          />
        </>
      )}
    </div>
  );
}

export const FineTunedPanel = memo(function FineTunedPanel({
  load,
  answer,
  verdict,
  onStop,
  onRetry,
  lifecycle,
  live = null,
  knowledge,
}: {
  /** What the model was fine-tuned on. */
  knowledge: Knowledge;
  lifecycle: readonly LifecycleStep[] | null;
  load: ModelLoadState;
  answer: FineTunedAnswer;
  /** The verdict on the answer, for a prepared question; null otherwise. */
  verdict: Verdict | null;
  onStop: () => void;
  onRetry: () => void;
  /** Set while the weights fine-tuned in this page answer instead of the shipped ones. */
  live?: { label: string; onReset: () => void } | null;
}) {
  const top = (
    <>
      {load.status === "loading" && (
        <ProgressBar
          testId="fine-tuned-progress"
          label={load.starting ? "Starting the model" : "Downloading the model and its runtime"}
          loaded={load.loaded}
          total={load.total}
        />
      )}
      {load.status === "error" && (
        <PanelError testId="fine-tuned-error" message={load.message} detail={load.detail} onRetry={onRetry} />
      )}
      {live && (
        <div
          data-testid="fine-tuned-live"
          className="flex flex-wrap items-center gap-2 rounded border border-violet-200 bg-violet-50 p-2 text-xs text-violet-900"
        >
          <span>
            {live.label.charAt(0).toUpperCase()}
            {live.label.slice(1)}.
          </span>
          <button
            type="button"
            data-testid="fine-tuned-live-reset"
            onClick={live.onReset}
            className="rounded border border-violet-300 bg-white px-2 py-0.5 font-medium hover:bg-violet-100"
          >
            Back to the shipped model
          </button>
        </div>
      )}
      <div aria-live="polite">
        {load.status !== "error" && <FineTunedAnswerView answer={answer} verdict={verdict} onStop={onStop} />}
      </div>
    </>
  );

  const given =
    knowledge === "article" ? "the article's text itself" : "question–answer pairs written from it";
  const details = (
    <>
      {load.status === "ready" && (
        <p data-testid="fine-tuned-ready" data-ms={load.loadMs} className="text-xs text-slate-600">
          Model ready, loaded in {formatMs(load.loadMs)}.
        </p>
      )}
      {answer.status === "done" && !answer.generation.refusal && (
        <>
          <p
            data-testid="fine-tuned-speed"
            data-tokens-per-second={answer.generation.tokensPerSecond}
            data-tokens={answer.generation.tokens}
            className="text-xs text-slate-600"
          >
            {answer.generation.tokens} tokens at{" "}
            <span className="font-mono font-semibold">{answer.generation.tokensPerSecond.toFixed(0)}</span>{" "}
            <GlossaryTerm id="tokens-per-second">tokens/s</GlossaryTerm>
          </p>
          <details className="text-xs text-slate-600">
            <summary className="cursor-pointer">The exact prompt (the format used in training)</summary>
            <pre
              data-testid="fine-tuned-prompt"
              className="mt-1 whitespace-pre-wrap rounded bg-slate-100 p-2 font-mono"
            >
              {answer.generation.prompt}
            </pre>
          </details>
        </>
      )}
      {lifecycle && <FineTuningLifecycle steps={lifecycle} />}
      <details className="text-xs text-slate-600">
        <summary className="cursor-pointer font-medium">How it works, technically</summary>
        <p className="mt-1">
          A small GPT-2-style model, pretrained by this repository on documentation text without the article,
          then <GlossaryTerm id="fine-tuning">fine-tuned</GlossaryTerm> on {given}. Its{" "}
          <GlossaryTerm id="int8">int8</GlossaryTerm> weights run in ONNX Runtime in a Web Worker.{" "}
          <GlossaryTerm id="greedy-decoding">Decoding</GlossaryTerm>:{" "}
          <span data-testid="fine-tuned-settings">{SETTINGS}</span>.
        </p>
      </details>
    </>
  );

  return (
    <PanelShell
      testId="fine-tuned-panel"
      side="right"
      title="Fine-tuned: from memory"
      subtitle="A small model that studied the article beforehand. It answers from what it remembers, with no sources."
      top={top}
      details={details}
    />
  );
});
