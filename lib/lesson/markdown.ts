import { VERDICTS, type Verdict } from "../evaluation/verdict";
import { formatMs } from "../format";
import { KNOWLEDGE_SETTINGS } from "../rag/knowledge";
import { KNOWLEDGE_WORDS, type LessonAnswer, type LessonEntry, VERDICT_WORDS, verdictWords } from "./lesson";

const TITLE = "# Lesson record: RAG vs Fine-Tuning, side by side";

const line = (text: string) => text.replace(/\s+/g, " ").trim();

function answerLine(panel: string, details: string, answer: LessonAnswer): string {
  return `- **${panel}** (${details}, ${formatMs(answer.totalMs)}, ${verdictWords(answer.verdict)}): ${line(answer.answer)}`;
}

/**
 * The lesson as Markdown, a handout for stakeholders: each question with both answers, their verdicts and
 * timings, and what RAG cited. `parseLessonMarkdown` reads it back.
 */
export function lessonToMarkdown(entries: readonly LessonEntry[], date: string): string {
  const parts = [
    TITLE,
    "",
    `${date}. Each answer is marked as the demo marks it: agrees with the article, wrong, declined, or answered anyway (a question the article does not answer).`,
    "",
  ];
  entries.forEach((entry, i) => {
    parts.push(`## ${i + 1}. ${line(entry.question)}`, "");
    parts.push(`Given: ${KNOWLEDGE_WORDS[entry.knowledge]}.`, "");
    parts.push(answerLine("RAG", entry.ragMode, entry.rag));
    parts.push(`  - cites: ${entry.cited.length > 0 ? entry.cited.map(line).join("; ") : "nothing"}`);
    parts.push(answerLine("Fine-tuned", "from memory", entry.fineTuned), "");
  });
  return `${parts.join("\n").trimEnd()}\n`;
}

const VERDICT_OF = new Map<string, Verdict | null>([
  ...VERDICTS.map((verdict) => [VERDICT_WORDS[verdict], verdict] as const),
  ["not judged", null],
]);

const ANSWER =
  /^- \*\*(RAG|Fine-tuned)\*\* \((.+?), ([\d.]+) (ms|s), (agrees with the article|wrong|declined|answered anyway|not judged)\): (.*)$/;

function parseAnswer(text: string): { details: string; answer: LessonAnswer } | null {
  const match = ANSWER.exec(text);
  if (!match) return null;
  const [, , details = "", amount = "0", unit = "ms", verdict = "", answer = ""] = match;
  return {
    details,
    answer: {
      answer,
      verdict: VERDICT_OF.get(verdict) ?? null,
      totalMs: Number(amount) * (unit === "s" ? 1000 : 1),
    },
  };
}

/** Reads back a lesson written by lessonToMarkdown (timings as printed, so to their shown precision). */
export function parseLessonMarkdown(markdown: string): LessonEntry[] {
  const entries: LessonEntry[] = [];
  let current: Partial<LessonEntry> | null = null;
  for (const text of markdown.split("\n")) {
    const heading = /^## \d+\. (.*)$/.exec(text);
    if (heading) {
      current = { question: heading[1] ?? "", cited: [] };
      entries.push(current as LessonEntry);
      continue;
    }
    if (!current) continue;
    const given = /^Given: (.*)\.$/.exec(text);
    const knowledge = KNOWLEDGE_SETTINGS.find((k) => KNOWLEDGE_WORDS[k] === given?.[1]);
    if (knowledge) current.knowledge = knowledge;
    const cites = /^ {2}- cites: (.*)$/.exec(text);
    if (cites) current.cited = cites[1] === "nothing" ? [] : (cites[1] ?? "").split("; ");
    const parsed = parseAnswer(text);
    if (parsed && text.startsWith("- **RAG**")) {
      current.rag = parsed.answer;
      current.ragMode = parsed.details;
    } else if (parsed) current.fineTuned = parsed.answer;
  }
  return entries;
}
