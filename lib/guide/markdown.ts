import { answerLabel, countsFor, reasonQuotes, reasonText } from "./describe";
import type { Verdict } from "./rule";
import type { Answers, Evidence, Guide } from "./types";

export interface SummaryInput {
  guide: Guide;
  answers: Answers;
  verdict: Verdict;
  evidence: Evidence;
  /** The address that reopens these answers. */
  url: string;
  /** The credit of the article every quote comes from. */
  credit: string;
}

// A table cell cannot hold a pipe or a line break.
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

/** The meeting summary as Markdown: questions, answers, the recommendation and each reason with its quote and figures. */
export function summaryMarkdown({ guide, answers, verdict, evidence, url, credit }: SummaryInput): string {
  const outcome = guide.outcomes[verdict.outcome];
  const outcomeQuote = guide.quotes[outcome.quote];
  const lines = [
    "# Which should we choose: RAG or fine-tuning?",
    "",
    `**Recommendation: ${outcome.title}.** ${outcome.summary}`,
    "",
    ...(outcomeQuote ? [`> “${outcomeQuote.text}” (the article, under “${outcomeQuote.heading}”)`, ""] : []),
    `How the guide decided: ${verdict.explanation}`,
    "",
    "## Questions and answers",
    "",
    "| Criterion | Question | Answer | Counts for |",
    "| --- | --- | --- | --- |",
    ...verdict.reasons
      .slice()
      .sort((a, b) => guide.criteria.indexOf(a.criterion) - guide.criteria.indexOf(b.criterion))
      .map(
        (r) =>
          `| ${cell(r.criterion.name)} | ${cell(r.criterion.question)} | ${cell(answerLabel(r.criterion, answers))} | ${cell(countsFor(r))} |`,
      ),
    "",
    "## Reasons",
    "",
  ];
  for (const reason of verdict.reasons) {
    const answer = answerLabel(reason.criterion, answers);
    lines.push(`### ${reason.criterion.name}: ${answer} (${countsFor(reason)})`, "", reasonText(reason), "");
    for (const quote of reasonQuotes(guide, reason))
      lines.push(`> “${quote.text}” (under “${quote.heading}”)`, "");
    if (reason.choice?.silent) lines.push(`The article is silent here: ${reason.choice.silent}`, "");
    if (reason.choice?.caveat) lines.push(`Caveat: ${reason.choice.caveat}`, "");
    const figures = reason.criterion.evidence.flatMap((topic) => evidence[topic]);
    if (reason.choice && figures.length > 0) {
      lines.push("Measured in this demo:", "");
      for (const line of figures)
        lines.push(`- ${line.label}: ${line.value ?? "not measured yet"} (${line.source})`);
      lines.push("");
    }
  }
  if (verdict.conflicts.length > 0) {
    lines.push("## Answers that pull against each other", "");
    for (const conflict of verdict.conflicts) lines.push(`- ${conflict.note}`);
    lines.push("");
  }
  lines.push(`Source of every quote: ${credit}.`, "", `Reopen these answers: ${url}`, "");
  return lines.join("\n");
}
