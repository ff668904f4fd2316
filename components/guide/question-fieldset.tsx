import { memo } from "react";
import { APPROACH_NAMES, type Criterion } from "../../lib/guide/types";

/** One question of the guide: a fieldset of radio buttons (Tab reaches the group, arrow keys choose). */
export const QuestionFieldset = memo(function QuestionFieldset({
  criterion,
  number,
  value,
  onChange,
}: {
  criterion: Criterion;
  number: number;
  value: string | undefined;
  onChange: (criterionId: string, choiceId: string) => void;
}) {
  const hintId = `hint-${criterion.id}`;
  return (
    <fieldset
      data-testid="guide-question"
      data-criterion={criterion.id}
      aria-describedby={hintId}
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 break-inside-avoid"
    >
      {/* Floated, the legend sits inside the box instead of on its border. */}
      <legend className="float-left mb-1 w-full text-sm font-semibold text-slate-900">
        {number}. {criterion.question}
      </legend>
      <p id={hintId} className="clear-left mb-2 text-xs text-slate-600">
        {criterion.hint} (The article&apos;s “{criterion.name}”, a reason to choose{" "}
        {APPROACH_NAMES[criterion.list]}.)
      </p>
      <div className="flex flex-wrap gap-2">
        {criterion.choices.map((choice) => (
          <label
            key={choice.id}
            className="flex cursor-pointer items-center gap-2 rounded-full border border-slate-300 bg-white px-3 py-1 text-sm text-slate-800 hover:bg-slate-100 has-[:checked]:border-slate-800 has-[:checked]:bg-slate-800 has-[:checked]:text-white has-[:focus-visible]:outline-4 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-sky-700"
          >
            <input
              type="radio"
              name={criterion.id}
              value={choice.id}
              checked={value === choice.id}
              onChange={() => onChange(criterion.id, choice.id)}
              className="accent-sky-700 focus:outline-none"
            />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
});
