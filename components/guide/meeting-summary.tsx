"use client";
import { useState } from "react";
import { answerLabel, countsFor, reasonQuotes, reasonText } from "../../lib/guide/describe";
import { summaryMarkdown } from "../../lib/guide/markdown";
import type { Verdict } from "../../lib/guide/rule";
import type { Answers, Evidence, Guide } from "../../lib/guide/types";

const FILE_NAME = "rag-or-fine-tuning-summary.md";

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
  const answered = verdict.reasons.filter((r) => r.choice !== null);
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
        className="flex flex-col gap-2 text-sm print:gap-1 print:text-[8pt]"
      >
        <h3 className="text-base font-bold text-slate-900 print:text-[13pt]">
          Which should we choose: RAG or fine-tuning?
        </h3>
        <p>
          <span className="font-semibold">Recommendation: {outcome.title}.</span> {outcome.summary}
        </p>
        <p className="text-slate-700">How the guide decided: {verdict.explanation}</p>
        <table className="w-full border-collapse text-left">
          <thead>
            <tr className="border-b border-slate-300 text-xs text-slate-600 print:text-[7.5pt]">
              <th scope="col" className="py-1 pr-2 font-semibold">
                Question
              </th>
              <th scope="col" className="py-1 pr-2 font-semibold">
                Answer
              </th>
              <th scope="col" className="py-1 font-semibold">
                Counts for
              </th>
            </tr>
          </thead>
          <tbody>
            {guide.criteria.map((criterion) => {
              const reason = verdict.reasons.find((r) => r.criterion === criterion);
              return (
                <tr
                  key={criterion.id}
                  data-testid="guide-summary-row"
                  className="border-b border-slate-100 align-top"
                >
                  <th scope="row" className="py-0.5 pr-2 font-normal">
                    <span className="font-semibold">{criterion.name}.</span> {criterion.question}
                  </th>
                  <td className="py-0.5 pr-2">{answerLabel(criterion, answers)}</td>
                  <td className="py-0.5 whitespace-nowrap">{reason ? countsFor(reason) : "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {answered.length > 0 && (
          <>
            <h4 className="font-semibold text-slate-900">Reasons</h4>
            <ul className="flex flex-col gap-1">
              {answered.map((reason) => {
                const figures = reason.criterion.evidence
                  .flatMap((topic) => evidence[topic])
                  .map((line) => `${line.label}: ${line.value ?? "not measured yet"}`);
                return (
                  <li key={reason.criterion.id} className="break-inside-avoid">
                    <span className="font-semibold">
                      {reason.criterion.name} ({countsFor(reason)}):
                    </span>{" "}
                    {reasonText(reason)}{" "}
                    {reasonQuotes(guide, reason).map((quote) => (
                      <q key={quote.id} className="italic">
                        {quote.text}{" "}
                      </q>
                    ))}
                    {reason.choice?.silent && <span> The article is silent: {reason.choice.silent}</span>}
                    {reason.choice?.caveat && <span> Caveat: {reason.choice.caveat}</span>}
                    {figures.length > 0 && (
                      <span className="block text-slate-600">Measured here: {figures.join("; ")}.</span>
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        )}
        {verdict.conflicts.length > 0 && (
          <p>
            <span className="font-semibold">Answers that pull against each other:</span>{" "}
            {verdict.conflicts.map((c) => c.note).join(" ")}
          </p>
        )}
        <p className="text-xs text-slate-600 print:text-[7pt]">
          Quotes from {credit}. Reopen these answers: <span className="break-all">{href}</span>
        </p>
      </div>
    </section>
  );
}
