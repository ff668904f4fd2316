"use client";
import { memo, useEffect, useMemo, useState } from "react";
import type { StoredDocument } from "../hooks/use-documents";
import type { FineTunedAnswer } from "../hooks/use-fine-tuned-worker";
import type { LiveFineTune } from "../hooks/use-live-fine-tune";
import type { RagAnswer } from "../hooks/use-rag-worker";
import { formatBytes, formatMs } from "../lib/format";
import {
  AGREES_AT,
  CHECK_LABELS,
  type CheckKind,
  type CheckQuestion,
  checkQuestions,
  type Verdict,
  verdict,
} from "../lib/live-fine-tune/checks";
import { PAIR_LIMITS, type QaPair } from "../lib/live-fine-tune/examples";
import {
  DEFAULT_SETTING,
  describeSetting,
  findSetting,
  LIVE_SETTINGS,
  type LiveSettingName,
} from "../lib/live-fine-tune/settings";
import { reword, suggestPairs } from "../lib/live-fine-tune/suggest";
import { LiveLossChart } from "./live-loss-chart";

/** Both panels' answers to one of the afterwards questions, as they come in. */
interface CheckResult extends CheckQuestion {
  rag?: { answer: string; declined: boolean };
  fineTuned?: string;
}

const STAGES = {
  starting: "Starting the training worker…",
  runtime: "Downloading TensorFlow.js and its WebAssembly backend…",
  weights: "Reading the shipped weights (int8) and dequantizing them…",
} as const;

/** A pair being edited, with an id that keeps its row (and the focus in it) when rows above are removed. */
interface Row extends QaPair {
  id: number;
}
let lastRowId = 0;
const rowsOf = (pairs: readonly QaPair[]): Row[] => pairs.map((pair) => ({ ...pair, id: ++lastRowId }));

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function VerdictLine({ result, kind, testId }: { result: Verdict | null; kind: CheckKind; testId: string }) {
  if (!result) {
    return (
      <dd data-testid={testId} data-agrees="false" className="text-xs text-slate-500">
        declined: its sources don't cover the question
      </dd>
    );
  }
  const labels = CHECK_LABELS[kind];
  return (
    <dd
      data-testid={testId}
      data-agrees={String(result.agrees)}
      className={`text-xs font-medium ${result.agrees ? "text-emerald-700" : "text-amber-700"}`}
    >
      {result.agrees ? "✓" : "✗"} {result.agrees ? labels.agrees : labels.differs} (F1 {result.f1.toFixed(2)})
    </dd>
  );
}

export const LiveFineTunePanel = memo(function LiveFineTunePanel({
  documents,
  live,
  onAsk,
  ragAnswer,
  fineTunedAnswer,
}: {
  documents: readonly StoredDocument[];
  live: LiveFineTune;
  onAsk: (question: string) => void;
  ragAnswer: RagAnswer;
  fineTunedAnswer: FineTunedAnswer;
}) {
  const { training, load } = live;
  const [documentId, setDocumentId] = useState<string>("");
  const [pairs, setPairs] = useState<Row[]>([]);
  const [touched, setTouched] = useState(false);
  const [settingName, setSettingName] = useState<LiveSettingName>(DEFAULT_SETTING);
  const [reworded, setReworded] = useState<string | null>(null);
  const [results, setResults] = useState<Partial<Record<CheckKind, CheckResult>>>({});

  const userDocuments = useMemo(() => documents.filter((d) => !d.passageId), [documents]);
  const document = userDocuments.find((d) => d.id === documentId) ?? userDocuments.at(-1);

  // Until the visitor edits them, the pairs follow the chosen document's sentences.
  useEffect(() => {
    if (!touched && document) setPairs(rowsOf(suggestPairs(document.title, document.text)));
  }, [document, touched]);

  const edit = (next: Row[]) => {
    setTouched(true);
    setPairs(next);
  };

  const busy = training.status === "loading" || training.status === "training";
  const trained = training.status === "trained" ? training : null;
  const steps = training.status === "training" || training.status === "trained" ? training.steps : [];
  const last = steps.at(-1);
  const elapsedMs = trained ? trained.summary.seconds * 1000 : (last?.elapsedMs ?? 0);
  const setting = findSetting(settingName) ?? LIVE_SETTINGS[0];
  const firstPair = (trained?.pairs ?? pairs)[0];
  const checks = firstPair ? checkQuestions(firstPair, reworded ?? reword(firstPair.question)) : [];

  // The answers to the last afterwards question, from both panels, as they finish.
  useEffect(() => {
    setResults((current) => {
      let next = current;
      for (const [kind, result] of Object.entries(current) as [CheckKind, CheckResult][]) {
        if (!result.rag && ragAnswer.status === "done" && ragAnswer.question === result.question) {
          const { answer, abstained } = ragAnswer.result;
          next = { ...next, [kind]: { ...result, rag: { answer, declined: abstained } } };
        }
        const answered = next[kind] ?? result;
        if (
          !answered.fineTuned &&
          fineTunedAnswer.status === "done" &&
          fineTunedAnswer.question === result.question
        ) {
          next = { ...next, [kind]: { ...answered, fineTuned: fineTunedAnswer.generation.answer } };
        }
      }
      return next;
    });
  }, [ragAnswer, fineTunedAnswer]);

  const ask = (check: CheckQuestion) => {
    setResults((current) => ({ ...current, [check.kind]: { ...check } }));
    onAsk(check.question);
  };

  const start = () => {
    setResults({});
    setReworded(null);
    live.start(
      pairs.map(({ question, answer }) => ({ question, answer })),
      settingName,
    );
  };

  return (
    <section
      data-testid="live-fine-tune-panel"
      aria-labelledby="live-fine-tune-title"
      className="rounded-xl border border-violet-200 bg-white p-4 shadow-sm"
    >
      <h2 id="live-fine-tune-title" className="text-lg font-semibold text-slate-900">
        Teach the fine-tuned model too
      </h2>
      <p className="mb-3 text-xs text-slate-500">
        The same document, as question/answer pairs: the fine-tuned model trains on them here, in your
        browser, in a worker of its own, starting from the shipped weights. A few steps on a 4.3 M-parameter
        model: a lesson in what fine-tuning costs, not production fine-tuning.
      </p>

      <div className="flex flex-col gap-3">
        {userDocuments.length > 0 ? (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <label htmlFor="live-document" className="text-xs font-medium text-slate-700">
              Document
            </label>
            <select
              id="live-document"
              data-testid="live-document"
              value={document?.id ?? ""}
              onChange={(event) => {
                setDocumentId(event.target.value);
                setTouched(false);
              }}
              disabled={busy}
              className="rounded border border-slate-300 px-2 py-1 text-sm"
            >
              {userDocuments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title}
                </option>
              ))}
            </select>
            <button
              type="button"
              data-testid="live-suggest"
              disabled={busy || !document}
              onClick={() => {
                setTouched(false);
                if (document) setPairs(rowsOf(suggestPairs(document.title, document.text)));
              }}
              className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-50"
            >
              Suggest pairs from its sentences
            </button>
          </div>
        ) : (
          <p className="text-xs text-slate-500">
            Add a document to the RAG panel (or run the classroom demo) to get suggested pairs, or write your
            own.
          </p>
        )}

        <fieldset className="flex flex-col gap-2" disabled={busy}>
          <legend className="text-xs font-medium text-slate-700">
            Question/answer pairs (at most {PAIR_LIMITS.maxPairs}; edit them freely)
          </legend>
          {pairs.map((pair, index) => (
            <div
              key={pair.id}
              data-testid="live-pair"
              className="flex flex-col gap-1 rounded bg-slate-50 p-2 md:flex-row"
            >
              <input
                aria-label={`Question ${index + 1}`}
                data-testid="live-question"
                value={pair.question}
                onChange={(event) =>
                  edit(pairs.map((p, i) => (i === index ? { ...p, question: event.target.value } : p)))
                }
                className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1 text-sm"
              />
              <input
                aria-label={`Answer ${index + 1}`}
                data-testid="live-answer"
                value={pair.answer}
                onChange={(event) =>
                  edit(pairs.map((p, i) => (i === index ? { ...p, answer: event.target.value } : p)))
                }
                className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1 text-sm"
              />
              <button
                type="button"
                aria-label={`Remove pair ${index + 1}`}
                onClick={() => edit(pairs.filter((_, i) => i !== index))}
                className="rounded px-1.5 text-xs text-red-700 hover:bg-red-50"
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            data-testid="live-add-pair"
            disabled={pairs.length >= PAIR_LIMITS.maxPairs}
            onClick={() => edit([...pairs, ...rowsOf([{ question: "", answer: "" }])])}
            className="self-start rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-50"
          >
            Add a pair
          </button>
        </fieldset>

        <fieldset className="flex flex-col gap-1" disabled={busy}>
          <legend className="text-xs font-medium text-slate-700">Setting</legend>
          {LIVE_SETTINGS.map((option) => (
            <label key={option.name} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="live-setting"
                data-testid="live-setting"
                value={option.name}
                checked={settingName === option.name}
                onChange={() => setSettingName(option.name)}
                className="mt-1"
              />
              <span>
                <span className="font-medium">{option.label}</span>{" "}
                <span className="text-xs text-slate-600">({describeSetting(option)})</span>
                <span className="block text-xs text-slate-500">{option.description}</span>
              </span>
            </label>
          ))}
        </fieldset>

        <div className="flex flex-wrap items-center gap-2">
          {busy ? (
            <button
              type="button"
              data-testid="live-stop"
              onClick={live.stop}
              disabled={training.status === "training" && training.stopping}
              className="rounded border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
            >
              Stop (keep the weights reached)
            </button>
          ) : (
            <button
              type="button"
              data-testid="live-start"
              onClick={start}
              className="rounded bg-violet-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-violet-800"
            >
              Fine-tune in this page ({setting.label})
            </button>
          )}
          {(trained || training.status === "error") && (
            <button
              type="button"
              data-testid="live-reset"
              onClick={live.reset}
              className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100"
            >
              Back to the shipped model
            </button>
          )}
        </div>

        {training.status === "error" && (
          <p role="alert" data-testid="live-error" className="text-sm text-red-700">
            {training.message}
          </p>
        )}
        {training.status === "loading" && (
          <p data-testid="live-loading" role="status" className="text-sm text-slate-600">
            {STAGES[training.stage]}
          </p>
        )}

        {training.status !== "idle" && training.status !== "error" && (
          <div className="flex flex-col gap-2" data-testid="live-progress">
            <p
              data-testid="live-comparison"
              data-rag-ms={document?.indexMs ?? ""}
              data-fine-tune-ms={elapsedMs}
              className="text-sm"
            >
              {document?.indexMs !== undefined ? (
                <>
                  RAG indexed this in <strong className="font-mono">{formatMs(document.indexMs)}</strong>;{" "}
                </>
              ) : (
                <>RAG indexes a document in milliseconds; </>
              )}
              fine-tuning has taken <strong className="font-mono">{seconds(elapsedMs)}</strong>
              {load ? ` (after ${seconds(load.loadMs)} to load the training code and weights)` : ""}.
            </p>
            <dl
              data-testid="live-stats"
              className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs text-slate-700 md:grid-cols-4"
            >
              <div>
                <dt className="text-slate-500">Step</dt>
                <dd data-testid="live-step" data-step={last?.step ?? 0} className="font-mono">
                  {last?.step ?? 0} / {findSetting(training.setting)?.stepBudget}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Examples</dt>
                <dd className="font-mono">{last?.examples ?? training.pairs.length}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Tokens/s</dt>
                <dd data-testid="live-tokens-per-second" className="font-mono">
                  {last ? Math.round(last.tokensPerSecond) : "–"}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Elapsed</dt>
                <dd data-testid="live-elapsed" data-ms={elapsedMs} className="font-mono">
                  {seconds(elapsedMs)}
                </dd>
              </div>
            </dl>
            <div data-testid="live-loss-chart" data-points={steps.length}>
              <LiveLossChart steps={steps} />
              <table className="sr-only">
                <caption>Loss on the answer tokens, per step</caption>
                <thead>
                  <tr>
                    <th scope="col">Step</th>
                    <th scope="col">Loss</th>
                  </tr>
                </thead>
                <tbody>
                  {steps.map((step) => (
                    <tr key={step.step} data-testid="live-loss-row" data-ms={step.stepMs}>
                      <td>{step.step}</td>
                      <td>{step.loss.toFixed(3)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}

        {trained && (
          <div className="flex flex-col gap-2 border-t border-slate-200 pt-3">
            <p
              data-testid="live-result"
              data-reason={trained.summary.reason}
              data-steps={trained.summary.steps}
              data-seconds={trained.summary.seconds}
              data-verbatim={trained.summary.verbatim}
              data-code-bytes={load?.codeBytes}
              className="text-sm text-slate-800"
            >
              {trained.summary.reason === "verbatim"
                ? `Learned: all ${trained.summary.examples} answers come back verbatim after ${trained.summary.steps} steps (${trained.summary.seconds.toFixed(1)} s).`
                : `${trained.summary.reason === "stopped" ? "Stopped" : "Step budget used up"} after ${trained.summary.steps} steps (${trained.summary.seconds.toFixed(1)} s): ${trained.summary.verbatim} of ${trained.summary.examples} answers come back verbatim.`}{" "}
              Final loss {trained.summary.finalLoss.toFixed(3)}, {Math.round(trained.summary.tokensPerSecond)}{" "}
              tokens/s
              {load ? `, ${formatBytes(load.codeBytes)} of training code downloaded` : ""}
              {trained.summary.memoryBytes
                ? `, ${formatBytes(trained.summary.memoryBytes)} of tensors in a step`
                : ""}
              .
            </p>
            <p className="text-xs text-slate-500">
              Now ask: the fine-tuned panel answers from the updated weights. A verdict compares each answer
              with its reference as the question sets do: it agrees when it shares most of its words (token-F1
              of at least {AGREES_AT}) or quotes it.
            </p>
            <ul className="flex flex-col gap-2">
              {checks.map((check) => {
                const result = results[check.kind];
                const ragVerdict =
                  result?.rag && !result.rag.declined
                    ? verdict(stripMarkers(result.rag.answer), check.reference)
                    : null;
                return (
                  <li
                    key={check.kind}
                    data-testid="live-check"
                    data-kind={check.kind}
                    className="rounded bg-slate-50 p-2 text-sm"
                  >
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                        {CHECK_LABELS[check.kind].title}
                      </span>
                      <button
                        type="button"
                        data-testid="live-ask"
                        onClick={() => ask(check)}
                        className="rounded border border-violet-300 bg-violet-50 px-2 py-0.5 text-xs text-violet-900 hover:bg-violet-100"
                      >
                        Ask both panels
                      </button>
                    </div>
                    {check.kind === "reworded" ? (
                      <input
                        aria-label="The reworded question"
                        data-testid="live-reworded"
                        value={check.question}
                        onChange={(event) => setReworded(event.target.value)}
                        className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm"
                      />
                    ) : (
                      <p className="mt-1">{check.question}</p>
                    )}
                    {result && (
                      <dl className="mt-1 grid grid-cols-1 gap-1 text-xs md:grid-cols-2">
                        <div>
                          <dt className="font-medium text-slate-600">RAG</dt>
                          <dd data-testid="live-check-rag-answer">
                            {result.rag ? result.rag.answer || "—" : "…"}
                          </dd>
                          {result.rag && (
                            <VerdictLine result={ragVerdict} kind={check.kind} testId="live-check-rag" />
                          )}
                        </div>
                        <div>
                          <dt className="font-medium text-slate-600">Fine-tuned (updated weights)</dt>
                          <dd data-testid="live-check-fine-tuned-answer">{result.fineTuned ?? "…"}</dd>
                          {result.fineTuned !== undefined && (
                            <VerdictLine
                              result={verdict(result.fineTuned, check.reference)}
                              kind={check.kind}
                              testId="live-check-fine-tuned"
                            />
                          )}
                        </div>
                      </dl>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
});

/** A RAG answer without its citation markers, which are not words of the answer. */
const stripMarkers = (answer: string) => answer.replace(/\[\d+\]/g, "");
