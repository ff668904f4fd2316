import { countsFor, reasonQuotes, reasonText } from "../../lib/guide/describe";
import { quoteAnchor } from "../../lib/guide/quotes";
import type { Reason } from "../../lib/guide/rule";
import type { Evidence, Guide } from "../../lib/guide/types";

/** One answer and why it counts as it does: the article's sentence (linked to its place), notes, figures. */
export function ReasonCard({
  guide,
  reason,
  answer,
  evidence,
}: {
  guide: Guide;
  reason: Reason;
  answer: string;
  evidence: Evidence;
}) {
  const figures = reason.criterion.evidence.flatMap((topic) => evidence[topic]);
  return (
    <li
      data-testid="guide-reason"
      data-criterion={reason.criterion.id}
      data-decisive={reason.decisive}
      className="rounded-lg border border-slate-200 bg-white p-3 text-sm"
    >
      <p className="flex flex-wrap items-baseline justify-between gap-x-3">
        <span>
          <span className="font-semibold text-slate-900">{reason.criterion.name}:</span> {answer}
        </span>
        <span className="text-xs font-medium text-slate-600">{countsFor(reason)}</span>
      </p>
      <p className="mt-1 text-slate-800">{reasonText(reason)}</p>
      {reasonQuotes(guide, reason).map((quote) => (
        <blockquote key={quote.id} className="mt-2 border-l-4 border-sky-700 pl-3 text-slate-800">
          <a data-testid="guide-quote" href={`#${quoteAnchor(quote.id)}`} className="hover:underline">
            “{quote.text}”
          </a>
          <footer className="text-xs text-slate-600">
            The article, under <cite>“{quote.heading}”</cite>
          </footer>
        </blockquote>
      ))}
      {reason.choice?.silent && (
        <p data-testid="guide-silent" className="mt-2 text-xs text-slate-700">
          <span className="font-semibold">The article is silent here:</span> {reason.choice.silent}
        </p>
      )}
      {reason.choice?.caveat && (
        <p data-testid="guide-caveat" className="mt-2 rounded bg-amber-50 p-2 text-xs text-amber-950">
          <span className="font-semibold">Caveat:</span> {reason.choice.caveat}
        </p>
      )}
      {reason.choice && figures.length > 0 && (
        <div className="mt-2">
          <p className="text-xs font-semibold text-emerald-900">Measured in this demo</p>
          <ul data-testid="guide-evidence" className="text-xs text-slate-700">
            {figures.map((line) => (
              <li key={line.label}>
                {line.label}:{" "}
                {line.value === null ? (
                  <span className="italic">not measured yet</span>
                ) : (
                  <span className="font-medium text-emerald-900">{line.value}</span>
                )}{" "}
                <span className="text-slate-500">({line.source})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
