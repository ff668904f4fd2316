import { type LessonEntry, verdictWords } from "./lesson";

const HEADER = [
  "n",
  "question",
  "knowledge",
  "rag_mode",
  "rag_answer",
  "rag_verdict",
  "rag_ms",
  "rag_cites",
  "fine_tuned_answer",
  "fine_tuned_verdict",
  "fine_tuned_ms",
] as const;

// RFC 4180: quote every field, double the quotes inside. A leading = + - @ is prefixed with ' so a
// spreadsheet shows the text instead of running it as a formula.
const field = (value: string | number) => {
  const text = String(value);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

/** The lesson as CSV, one row per question, for a spreadsheet. */
export function lessonToCsv(entries: readonly LessonEntry[]): string {
  const rows = entries.map((entry, i) =>
    [
      i + 1,
      entry.question,
      entry.knowledge,
      entry.ragMode,
      entry.rag.answer,
      verdictWords(entry.rag.verdict),
      Math.round(entry.rag.totalMs * 10) / 10,
      entry.cited.join("; "),
      entry.fineTuned.answer,
      verdictWords(entry.fineTuned.verdict),
      Math.round(entry.fineTuned.totalMs * 10) / 10,
    ]
      .map(field)
      .join(","),
  );
  return `${[HEADER.join(","), ...rows].join("\r\n")}\r\n`;
}
