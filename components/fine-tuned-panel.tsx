"use client";
import { memo } from "react";
import type { FineTunedAnswer, ModelLoadState } from "../hooks/use-fine-tuned-worker";
import { FINE_TUNED_DECODING } from "../lib/fine-tuned/generation";
import type { LifecycleStep } from "../lib/fine-tuned/lifecycle";
import { formatMs } from "../lib/format";
import { describeDecoding } from "../lib/models/decoding";
import { FineTuningLifecycle } from "./fine-tuning-lifecycle";
import { Badge, PanelError, PanelShell } from "./panel-shell";
import { ProgressBar } from "./progress-bar";
import { StageTimings } from "./stage-timings";

const SETTINGS = describeDecoding(FINE_TUNED_DECODING);

export const FineTunedPanel = memo(function FineTunedPanel({
  load,
  answer,
  onStop,
  onRetry,
  lifecycle,
  live = null,
}: {
  lifecycle: readonly LifecycleStep[] | null;
  load: ModelLoadState;
  answer: FineTunedAnswer;
  onStop: () => void;
  onRetry: () => void;
  /** Set while the weights fine-tuned in this page answer instead of the shipped ones. */
  live?: { label: string; onReset: () => void } | null;
}) {
  return (
    <PanelShell
      testId="fine-tuned-panel"
      title="Fine-tuned: answer from memory"
      subtitle="A small GPT-2-style model, pretrained by this repo and fine-tuned on the article. No sources, no citations."
      badge={<Badge testId="fine-tuned-settings">{SETTINGS}</Badge>}
    >
      {load.status === "loading" && (
        <ProgressBar
          testId="fine-tuned-progress"
          label="Downloading and starting the model"
          loaded={load.loaded}
          total={load.total}
        />
      )}
      {load.status === "error" && (
        <PanelError testId="fine-tuned-error" message={load.message} detail={load.detail} onRetry={onRetry} />
      )}
      {load.status === "ready" && (
        <p data-testid="fine-tuned-ready" data-ms={load.loadMs} className="text-xs text-slate-500">
          Model ready, loaded in {formatMs(load.loadMs)}.
        </p>
      )}
      {live && (
        <div
          data-testid="fine-tuned-live"
          className="mt-2 flex flex-wrap items-center gap-2 rounded border border-violet-200 bg-violet-50 p-2 text-xs text-violet-900"
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

      <div className="mt-3 flex flex-col gap-3">
        {answer.status === "idle" && load.status !== "error" && (
          <p className="text-sm text-slate-500">
            Ask a question to watch the model write its answer token by token.
          </p>
        )}
        {answer.status === "done" && answer.generation.refusal && (
          <p
            data-testid="fine-tuned-refused"
            role="alert"
            className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900"
          >
            {answer.generation.refusal.message}
          </p>
        )}
        {answer.status !== "idle" &&
          load.status !== "error" &&
          !(answer.status === "done" && answer.generation.refusal) && (
            <p
              data-testid="fine-tuned-answer"
              aria-live="polite"
              className="min-h-6 leading-relaxed text-slate-900"
            >
              {answer.status === "done" ? answer.generation.answer : answer.text}
              {answer.status === "running" && (
                <span className="ml-0.5 inline-block w-2 animate-pulse bg-slate-400">&nbsp;</span>
              )}
            </p>
          )}
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
        {answer.status === "error" && (
          <PanelError testId="fine-tuned-answer-error" message={answer.message} detail={answer.detail} />
        )}
        {answer.status === "done" && !answer.generation.refusal && (
          <>
            <details className="text-xs text-slate-600">
              <summary className="cursor-pointer">The exact prompt (the format used in training)</summary>
              <pre
                data-testid="fine-tuned-prompt"
                className="mt-1 whitespace-pre-wrap rounded bg-slate-100 p-2 font-mono"
              >
                {answer.generation.prompt}
              </pre>
            </details>
            {answer.generation.finish === "stopped" && (
              <p data-testid="fine-tuned-stopped" className="text-xs text-amber-700">
                Stopped: the answer above is incomplete.
              </p>
            )}
            <StageTimings
              testId="fine-tuned-timings"
              stages={[
                { label: "First token", ms: answer.generation.timings.firstTokenMs },
                { label: "Generate", ms: answer.generation.timings.generateMs },
                { label: "Total", ms: answer.generation.timings.totalMs },
              ]}
            />
            <p
              data-testid="fine-tuned-speed"
              data-tokens-per-second={answer.generation.tokensPerSecond}
              data-tokens={answer.generation.tokens}
              className="text-xs text-slate-600"
            >
              {answer.generation.tokens} tokens at{" "}
              <span className="font-mono font-semibold">{answer.generation.tokensPerSecond.toFixed(0)}</span>{" "}
              tokens/s
            </p>
          </>
        )}
      </div>
      {lifecycle && <FineTuningLifecycle steps={lifecycle} />}
    </PanelShell>
  );
});
