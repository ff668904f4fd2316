import Link from "next/link";
import { answerLabel } from "../../lib/guide/describe";
import { quoteAnchor } from "../../lib/guide/quotes";
import type { Reason, Verdict } from "../../lib/guide/rule";
import { type Answers, APPROACH_NAMES, APPROACHES, type Evidence, type Guide } from "../../lib/guide/types";
import { QUESTION_SETS } from "../../lib/questions/question-sets";
import { ReasonCard } from "./reason-card";

const OUTCOME_STYLE = {
  rag: "border-sky-700 bg-sky-50",
  "fine-tuning": "border-violet-700 bg-violet-50",
  both: "border-emerald-700 bg-emerald-50",
  "it-depends": "border-amber-600 bg-amber-50",
} as const;

/** The main page with a question set selected, in presentation mode when the guide is. */
export function demoHref(set: string, presentation: boolean): string {
  return `/?set=${encodeURIComponent(set)}${presentation ? "&present=1" : ""}`;
}

const setLabel = (id: string) => QUESTION_SETS.find((set) => set.id === id)?.label ?? id;

function Group({
  title,
  reasons,
  guide,
  answers,
  evidence,
}: {
  title: string;
  reasons: readonly Reason[];
  guide: Guide;
  answers: Answers;
  evidence: Evidence;
}) {
  if (reasons.length === 0) return null;
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold text-slate-900">{title}</h3>
      <ul className="flex flex-col gap-2">
        {reasons.map((reason) => (
          <ReasonCard
            key={reason.criterion.id}
            guide={guide}
            reason={reason}
            answer={answerLabel(reason.criterion, answers)}
            evidence={evidence}
          />
        ))}
      </ul>
    </div>
  );
}

/** The recommendation, the rule's arithmetic, conflicts, the way to the demo, and every reason by side. */
export function Recommendation({
  guide,
  verdict,
  answers,
  evidence,
  presentation,
}: {
  guide: Guide;
  verdict: Verdict;
  answers: Answers;
  evidence: Evidence;
  presentation: boolean;
}) {
  const outcome = guide.outcomes[verdict.outcome];
  const quote = guide.quotes[outcome.quote];
  const [firstSet, ...otherSets] = verdict.demoSets;
  // The recommended side's reasons come first.
  const sides = verdict.outcome === "fine-tuning" ? [...APPROACHES].reverse() : APPROACHES;
  return (
    <section
      data-testid="guide-recommendation"
      data-outcome={verdict.outcome}
      aria-labelledby="recommendation-title"
      className="flex flex-col gap-4 print:hidden"
    >
      {/* Sticky beside the questions on wide screens, so each answer's effect shows where it is given. */}
      <div
        className={`rounded-xl border-l-8 p-4 xl:sticky xl:top-2 xl:z-10 ${OUTCOME_STYLE[verdict.outcome]}`}
      >
        <h2 id="recommendation-title" className="text-sm font-medium uppercase tracking-wide text-slate-700">
          Recommendation
        </h2>
        <p data-testid="guide-outcome" className="text-2xl font-bold text-slate-900" aria-live="polite">
          {outcome.title}
        </p>
        <p className="mt-1 text-slate-800">{outcome.summary}</p>
        {quote && (
          <blockquote className="mt-2 text-sm text-slate-800">
            <a href={`#${quoteAnchor(outcome.quote)}`} className="hover:underline">
              “{quote.text}”
            </a>{" "}
            <span className="text-xs text-slate-600">(the article)</span>
          </blockquote>
        )}
        <p data-testid="guide-explanation" className="mt-2 text-sm text-slate-700">
          <span className="font-semibold">How the guide decided:</span> {verdict.explanation}
        </p>
        {firstSet && (
          <p className="mt-3 flex flex-wrap items-center gap-2 text-sm">
            <Link
              data-testid="guide-try-demo"
              href={demoHref(firstSet, presentation)}
              className="rounded-lg bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800 focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-sky-700"
            >
              Try it on our demo: “{setLabel(firstSet)}” questions →
            </Link>
            {otherSets.map((set) => (
              <Link
                key={set}
                data-testid="guide-try-demo-other"
                href={demoHref(set, presentation)}
                className="font-medium text-sky-800 underline"
              >
                or “{setLabel(set)}”
              </Link>
            ))}
          </p>
        )}
      </div>
      {verdict.conflicts.length > 0 && (
        <div
          data-testid="guide-conflicts"
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm"
        >
          <h3 className="font-semibold text-amber-950">Answers that pull against each other</h3>
          <ul className="ml-5 list-disc text-amber-950">
            {verdict.conflicts.map((conflict) => (
              <li key={conflict.answers.join()}>{conflict.note}</li>
            ))}
          </ul>
        </div>
      )}
      {sides.map((side) => (
        <Group
          key={side}
          title={`Pointing to ${APPROACH_NAMES[side]} (${verdict.points[side]} point${verdict.points[side] === 1 ? "" : "s"})`}
          reasons={verdict.reasons.filter((r) => r.choice?.favours === side)}
          guide={guide}
          answers={answers}
          evidence={evidence}
        />
      ))}
      <Group
        title="Counting for neither side"
        reasons={verdict.reasons.filter((r) => r.choice !== null && r.choice.favours === null)}
        guide={guide}
        answers={answers}
        evidence={evidence}
      />
      <Group
        title="Not answered yet: what would tip each one"
        reasons={verdict.reasons.filter((r) => r.choice === null)}
        guide={guide}
        answers={answers}
        evidence={evidence}
      />
    </section>
  );
}
