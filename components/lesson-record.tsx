"use client";
import { memo, useState } from "react";
import type { RecordedEntry } from "../hooks/use-lesson";
import { formatMs } from "../lib/format";
import { lessonToCsv } from "../lib/lesson/csv";
import { KNOWLEDGE_WORDS, type LessonEntry, verdictWords } from "../lib/lesson/lesson";
import { encodeLesson } from "../lib/lesson/link";
import { lessonToMarkdown } from "../lib/lesson/markdown";

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** The address that replays these questions in this page. */
function replayLink(entries: readonly LessonEntry[]): string {
  const url = new URL(window.location.href);
  url.search = "";
  url.searchParams.set("lesson", encodeLesson(entries.map((entry) => entry.question)));
  return url.toString();
}

const BUTTON = "rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium hover:bg-slate-100";

/**
 * The lesson so far, a handout for stakeholders: every question both panels answered, with the verdicts and
 * timings, exported as Markdown or CSV, or shared as a link that replays the questions.
 */
export const LessonRecord = memo(function LessonRecord({
  entries,
  replay,
  onReplay,
}: {
  entries: readonly RecordedEntry[];
  /** Questions a `?lesson=` link brought, ready to be asked again in order. */
  replay: readonly string[];
  onReplay: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const date = () =>
    new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  return (
    <section
      data-testid="lesson-record"
      aria-labelledby="lesson-title"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="lesson-title" className="text-lg font-semibold text-slate-900">
        This lesson so far
      </h2>
      {replay.length > 0 && (
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
          This link holds a lesson of {replay.length} questions.
          <button type="button" data-testid="lesson-replay" onClick={onReplay} className={BUTTON}>
            Ask them again, in order
          </button>
        </p>
      )}
      {entries.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">
          Each question both panels answer is listed here, to export afterwards.
        </p>
      ) : (
        <>
          <ol className="mt-2 flex flex-col gap-1 text-sm">
            {entries.map((entry) => (
              <li key={entry.key} data-testid="lesson-entry">
                <span className="font-medium">{entry.question}</span>{" "}
                <span className="text-slate-600">
                  RAG {verdictWords(entry.rag.verdict)} ({formatMs(entry.rag.totalMs)}); fine-tuned{" "}
                  {verdictWords(entry.fineTuned.verdict)} ({formatMs(entry.fineTuned.totalMs)}); given{" "}
                  {KNOWLEDGE_WORDS[entry.knowledge]}
                </span>
              </li>
            ))}
          </ol>
          <div className="mt-2 flex flex-wrap gap-2">
            <button
              type="button"
              data-testid="lesson-markdown"
              onClick={() => download("lesson.md", "text/markdown", lessonToMarkdown(entries, date()))}
              className={BUTTON}
            >
              Download as Markdown
            </button>
            <button
              type="button"
              data-testid="lesson-csv"
              onClick={() => download("lesson.csv", "text/csv", lessonToCsv(entries))}
              className={BUTTON}
            >
              Download as CSV
            </button>
            <button
              type="button"
              data-testid="lesson-link"
              onClick={() => {
                void navigator.clipboard?.writeText(replayLink(entries)).then(() => setCopied(true));
              }}
              className={BUTTON}
            >
              {copied ? "Link copied" : "Copy a link that replays it"}
            </button>
          </div>
        </>
      )}
    </section>
  );
});
