import type { LifecycleStep } from "../lib/fine-tuned/lifecycle";

/** The article's six fine-tuning steps, as this repository carried them out (from the model card). */
export function FineTuningLifecycle({ steps }: { steps: readonly LifecycleStep[] }) {
  return (
    <details data-testid="lifecycle" className="mt-3 rounded-lg border border-slate-200 p-2 text-sm">
      <summary className="cursor-pointer font-medium text-slate-800">
        How this model was fine-tuned: the article&apos;s six steps
      </summary>
      <ol className="mt-2 flex flex-col gap-2">
        {steps.map((step) => (
          <li key={step.step} data-testid="lifecycle-step">
            <p className="font-semibold text-slate-900">{step.step}</p>
            <p className="text-xs italic text-slate-600">Article: &ldquo;{step.article}&rdquo;</p>
            <ul className="ml-4 list-disc text-slate-800">
              {step.facts.map((fact) => (
                <li key={fact}>{fact}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </details>
  );
}
