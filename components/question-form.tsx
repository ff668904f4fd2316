"use client";
import { type FormEvent, type KeyboardEvent, memo, useEffect, useRef, useState } from "react";
import { describeError } from "../lib/errors";
import type { QuestionSet } from "../lib/questions/question-sets";
import { MAX_QUESTION_CHARS, validateQuestion } from "../lib/questions/validate-question";
import { ToggleGroup } from "./toggle-group";

/**
 * Text put in the box from outside; a new `seq` applies it. `ifUntouched`: only if the visitor has not typed
 * since the last preset (a shared link never overwrites text being typed).
 */
export interface QuestionPreset {
  text: string;
  seq: number;
  ifUntouched: boolean;
}

export const QuestionForm = memo(function QuestionForm({
  sets,
  onAsk,
  onEdit,
  busy,
  preset,
  setId,
  onSetChange,
  noticeStatus,
  noticeCaveat,
  loading,
}: {
  sets: readonly QuestionSet[];
  onAsk: (question: string) => void;
  /** Called when the visitor edits the text: an explicit action that outranks a shared link. */
  onEdit?: () => void;
  busy: boolean;
  preset?: QuestionPreset | null;
  /** The question set shown. */
  setId: string;
  onSetChange: (id: string) => void;
  /**
   * For each line of the set's "what to notice", whether the answers given in this visit bear it out: true,
   * false, or null until every question it is about has been answered.
   */
  noticeStatus: readonly (boolean | null)[];
  /** Said after the lines when they were written for another setting than the one shown. */
  noticeCaveat?: string | null;
  /** What is still loading, said under the box (`loadingNote`); null once everything is ready. */
  loading?: string | null;
}) {
  const [question, setQuestion] = useState("");
  const typed = useRef(false);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!preset || (preset.ifUntouched && typed.current)) return;
    typed.current = false;
    setQuestion(preset.text);
  }, [preset]);
  const [hint, setHint] = useState<string | null>(null);
  const current = sets.find((set) => set.id === setId) ?? sets[0];
  const length = [...question.trim()].length;
  const tooLong = length > MAX_QUESTION_CHARS;

  const submit = (text: string) => {
    // The same validation the workers and the CLI apply, so the hint and the pipelines never disagree
    // (a question of zero-width characters only is empty here too); the text stays in the box.
    try {
      const valid = validateQuestion(text);
      setHint(null);
      onAsk(valid);
      // A phone's keyboard would stay up over the answers; a presenter's keyboard stays ready to type.
      if (window.matchMedia("(hover: none)").matches) box.current?.blur();
    } catch (error) {
      setHint(describeError(error).message);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(question);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit(question);
    }
  };

  return (
    <form onSubmit={onSubmit} data-testid="question-form" className="flex flex-col gap-2">
      <label htmlFor="question" className="presentation-sr-only text-sm font-medium text-slate-700">
        Ask both pipelines the same question
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <textarea
          id="question"
          ref={box}
          data-testid="question-input"
          enterKeyHint="send"
          value={question}
          onChange={(event) => {
            typed.current = true;
            onEdit?.();
            setQuestion(event.target.value);
            if (hint) setHint(null);
          }}
          onKeyDown={onKeyDown}
          rows={1}
          placeholder="e.g. Which approach cites its sources?"
          aria-invalid={tooLong || hint !== null}
          aria-describedby="question-help"
          className="min-h-12 flex-1 resize-y rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-200"
        />
        <button
          type="submit"
          data-testid="ask-button"
          className="rounded-lg bg-sky-700 px-5 py-2 font-semibold text-white shadow-sm hover:bg-sky-800 focus:outline-none focus:ring-2 focus:ring-sky-300"
        >
          {busy ? "Ask (replaces current)" : "Ask"}
        </button>
      </div>
      <div id="question-help" className="flex justify-between gap-2 text-xs presentation-compact">
        <span
          data-testid="question-hint"
          role={hint ? "alert" : undefined}
          className={hint ? "text-red-700" : "text-slate-500"}
        >
          {hint ?? loading ?? "Enter sends; Shift+Enter adds a line."}
        </span>
        <span
          data-testid="question-length"
          className={`whitespace-nowrap ${tooLong ? "font-semibold text-red-700" : "presentation-hide text-slate-500"}`}
        >
          {length} / {MAX_QUESTION_CHARS}
        </span>
      </div>
      <ToggleGroup
        legend="Question sets"
        visibleLegend="Question sets:"
        testId="question-set"
        value={current?.id ?? ""}
        onChange={onSetChange}
        options={sets.map((set) => ({ value: set.id, label: set.label }))}
      />
      {current && (
        <div data-testid="question-set-notice" className="text-xs text-slate-600">
          <span className="font-semibold">What to notice:</span>{" "}
          {current.notice.map((line, i) => {
            const holds = noticeStatus[i] ?? null;
            return (
              <span
                key={line.text}
                data-testid="notice-line"
                data-holds={holds === null ? "pending" : String(holds)}
                className={holds === false ? "text-red-800" : undefined}
              >
                {line.text}
                {holds !== null && (
                  <span className="ml-1 font-semibold">
                    {holds ? "✓ borne out by the answers above" : "✗ not borne out by the answers above"}
                  </span>
                )}{" "}
              </span>
            );
          })}
          {noticeCaveat && (
            <span data-testid="notice-caveat" className="italic">
              {noticeCaveat}
            </span>
          )}
        </div>
      )}
      <fieldset className="flex flex-wrap gap-2">
        <legend className="sr-only">Questions in this set</legend>
        {current?.questions.map(({ question: example }) => (
          <button
            key={example}
            type="button"
            data-testid="example-question"
            onClick={() => {
              setQuestion(example);
              submit(example);
            }}
            className="rounded-full border border-slate-300 bg-white px-3 py-1 text-xs text-slate-700 hover:border-sky-400 hover:bg-sky-50"
          >
            {example}
          </button>
        ))}
      </fieldset>
    </form>
  );
});
