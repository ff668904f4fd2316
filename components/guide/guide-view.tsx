"use client";
import type { ReactNode } from "react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { usePresentationMode } from "../../hooks/use-presentation-mode";
import { ANSWERS_PARAM, decodeAnswers, guideSearch } from "../../lib/guide/answers-url";
import { evaluate } from "../../lib/guide/rule";
import { type Answers, APPROACHES, type Evidence, type Guide } from "../../lib/guide/types";
import { MeetingSummary } from "./meeting-summary";
import { QuestionFieldset } from "./question-fieldset";
import { Recommendation } from "./recommendation";
import "./guide-print.css";
import { PresentationToggle } from "../presentation-toggle";

const LIST_TITLES = {
  rag: "Reasons the article gives to choose RAG",
  "fine-tuning": "Reasons the article gives to choose fine-tuning",
} as const;

/** The guide's one client boundary: the answers (kept in the address), the rule's verdict and the summary. */
export function GuideView({
  guide,
  evidence,
  credit,
  article,
}: {
  guide: Guide;
  evidence: Evidence;
  credit: string;
  /** The article's quoted passages, rendered on the server. */
  article: ReactNode;
}) {
  const [answers, setAnswers] = useState<Answers>({});
  // Where the guide is served (origin and path, which differ between `next start` and a static host).
  const [base, setBase] = useState("");
  const [ready, setReady] = useState(false);
  const presentation = usePresentationMode();

  useEffect(() => {
    setAnswers(decodeAnswers(guide, new URLSearchParams(window.location.search).get(ANSWERS_PARAM)));
    setBase(`${window.location.origin}${window.location.pathname}`);
    setReady(true);
  }, [guide]);

  // The address follows the answers (replaced, not pushed: Back leaves the guide rather than undoing a click).
  useEffect(() => {
    if (!ready) return;
    const { pathname, search, hash } = window.location;
    window.history.replaceState(null, "", `${pathname}${guideSearch(guide, answers, search)}${hash}`);
  }, [guide, answers, ready]);

  const onChange = useCallback((criterionId: string, choiceId: string) => {
    setAnswers((current) => ({ ...current, [criterionId]: choiceId }));
  }, []);

  const verdict = useMemo(() => evaluate(guide, answers), [guide, answers]);
  // The link to share holds the answers only: whoever opens it chooses their own presentation mode.
  const href = `${base}${guideSearch(guide, answers, "")}`;

  return (
    <div data-testid="guide" data-ready={ready} className="flex flex-col gap-6">
      <div className="flex flex-wrap justify-between gap-2 print:hidden">
        <button
          type="button"
          data-testid="guide-reset"
          onClick={() => setAnswers({})}
          className="rounded-full border border-slate-300 bg-white px-3 py-1 text-xs font-medium hover:bg-slate-100"
        >
          Clear all answers
        </button>
        <PresentationToggle on={presentation.on} onToggle={presentation.toggle} />
      </div>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] print:block">
        <form
          data-testid="guide-questions"
          aria-label="Questions about your project"
          onSubmit={(event) => event.preventDefault()}
          className="flex flex-col gap-4 print:hidden"
        >
          {APPROACHES.map((list) => (
            <section key={list} aria-labelledby={`list-${list}`} className="flex flex-col gap-3">
              <h2 id={`list-${list}`} className="text-lg font-semibold text-slate-900">
                {LIST_TITLES[list]}
              </h2>
              {guide.criteria
                .filter((criterion) => criterion.list === list)
                .map((criterion) => (
                  <QuestionFieldset
                    key={criterion.id}
                    criterion={criterion}
                    number={guide.criteria.indexOf(criterion) + 1}
                    value={answers[criterion.id]}
                    onChange={onChange}
                  />
                ))}
            </section>
          ))}
        </form>
        <div className="flex flex-col gap-6">
          <Recommendation
            guide={guide}
            verdict={verdict}
            answers={answers}
            evidence={evidence}
            presentation={presentation.on}
          />
          <MeetingSummary
            guide={guide}
            verdict={verdict}
            answers={answers}
            evidence={evidence}
            href={href}
            credit={credit}
          />
        </div>
      </div>
      {article}
    </div>
  );
}
