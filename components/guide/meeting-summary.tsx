"use client";
import { useState } from "react";
import { answerLabel, countsFor, reasonQuotes, reasonText } from "../../lib/guide/describe";
import { summaryMarkdown } from "../../lib/guide/markdown";
import type { Verdict } from "../../lib/guide/rule";
import type { Answers, Evidence, Guide } from "../../lib/guide/types";

const FILE_NAME = "rag-or-fine-tuning-summary.md";
const FIGURES_PER_ANSWER = 2;

function download(text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = FILE_NAME;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the file over; a later revoke keeps slow browsers from losing it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const BUTTON =
  "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-sky-700";

/**
 * The one-page summary for a meeting: questions, answers, recommendation and reasons. It is the only part of
 * the guide that prints (guide-print.css), and the same content downloads as Markdown.
 */
export function MeetingSummary({
  guide,
  verdict,
  answers,
  evidence,
  href,
  credit,
}: {
  guide: Guide;
  verdict: Verdict;
  answers: Answers;
  evidence: Evidence;
  /** The address that reopens these answers. */
  href: string;
  credit: string;
}) {
  const [status, setStatus] = useState("");
  const outcome = guide.outcomes[verdict.outcome];
  const markdown = () => summaryMarkdown({ guide, answers, verdict, evidence, url: href, credit });
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(`${what} copied.`);
    } catch {
      setStatus(`This browser blocked copying: use “Download Markdown” or copy the address bar.`);
    }
  };
  return (
    <section
      data-testid="guide-summary"
      aria-labelledby="summary-title"
      className="guide-summary rounded-xl border border-slate-200 bg-white p-4 shadow-sm print:border-0 print:p-0 print:shadow-none"
    >
      <h2 id="summary-title" className="text-lg font-semibold text-slate-900 print:hidden">
        Meeting summary
      </h2>
      <p className="mb-2 text-sm text-slate-600 print:hidden">
        One page with your answers and the recommendation: print it, or take it as Markdown. The address holds
        your answers, so the link reopens this page as it is.
      </p>
      <div className="mb-3 flex flex-wrap items-center gap-2 print:hidden">
        <button type="button" data-testid="guide-print" className={BUTTON} onClick={() => window.print()}>
          Print
        </button>
        <button
          type="button"
          data-testid="guide-download"
          className={BUTTON}
          onClick={() => {
            download(markdown());
            setStatus(`Downloaded ${FILE_NAME}.`);
          }}
        >
          Download Markdown
        </button>
        <button
          type="button"
          data-testid="guide-copy"
          className={BUTTON}
          onClick={() => copy(markdown(), "Markdown")}
        >
          Copy Markdown
        </button>
        <button
          type="button"
          data-testid="guide-copy-link"
          className={BUTTON}
          onClick={() => copy(href, "Link")}
        >
          Copy link
        </button>
        <span data-testid="guide-summary-status" role="status" className="text-xs text-slate-700">
          {status}
        </span>
      </div>
      <div
        data-testid="guide-summary-sheet"
        className="guide-summary-sheet flex flex-col gap-2 text-sm print:gap-1"
      >
        <h3 className="text-base font-bold text-slate-900">Which should we choose: RAG or fine-tuning?</h3>
        <p>
          <span className="font-semibold">Recommendation: {outcome.title}.</span> {outcome.summary}
        </p>
        <p className="text-slate-700">How the guide decided: {verdict.explanation}</p>
        <ol className="flex flex-col gap-1.5 print:gap-1">
          {verdict.reasons
            .slice()
            .sort((a, b) => guide.criteria.indexOf(a.criterion) - guide.criteria.indexOf(b.criterion))
            .map((reason) => {
              const { criterion, choice } = reason;
              // Two figures per answer keep the sheet to one page; the reasons above and the Markdown have all.
              const figures = criterion.evidence
                .flatMap((topic) => evidence[topic])
                .slice(0, FIGURES_PER_ANSWER)
                .map((line) => `${line.label}: ${line.value ?? "not measured yet"}`);
              return (
                <li key={criterion.id} data-testid="guide-summary-row" className="break-inside-avoid">
                  <p>
                    <span className="font-semibold">
                      {guide.criteria.indexOf(criterion) + 1}. {criterion.name}.
                    </span>{" "}
                    {criterion.question} <span className="font-semibold">Answer:</span>{" "}
                    <span data-testid="guide-summary-answer">{answerLabel(criterion, answers)}</span>
                    {choice && <span className="text-slate-700"> ({countsFor(reason)})</span>}
                  </p>
                  <p className="pl-3 text-slate-800">
                    {choice ? "" : "To settle it: "}
                    {reasonText(reason)}
                    {reasonQuotes(guide, reason).map((quote) => (
                      <span key={quote.id}>
                        {" "}
                        <q className="italic">{quote.text}</q>
                      </span>
                    ))}
                    {choice?.silent && <span> The article is silent: {choice.silent}</span>}
                    {choice?.caveat && <span> Caveat: {choice.caveat}</span>}
                    {choice && figures.length > 0 && (
                      <span className="text-slate-600"> Measured here: {figures.join("; ")}.</span>
                    )}
                  </p>
                </li>
              );
            })}
        </ol>
        {verdict.conflicts.length > 0 && (
          <p>
            <span className="font-semibold">Answers that pull against each other:</span>{" "}
            {verdict.conflicts.map((c) => c.note).join(" ")}
          </p>
        )}
        <p className="text-xs text-slate-600">
          Quotes from {credit}. Reopen these answers: <span className="break-all">{href}</span>
        </p>
      </div>
    </section>
  );
}
