import type { Reason } from "./rule";
import { type Answers, APPROACH_NAMES, type Criterion, DONT_KNOW, type Guide } from "./types";

/** Plain-text pieces the page and the Markdown summary both show, so the two always say the same. */

/** The answer as the visitor chose it: its label, "Don't know", or "Not answered". */
export function answerLabel(criterion: Criterion, answers: Answers): string {
  const id = answers[criterion.id];
  const choice = criterion.choices.find((c) => c.id === id);
  if (!choice) return "Not answered";
  return choice.id === DONT_KNOW ? "Don't know" : choice.label;
}

/** What an answer counts for: "RAG +2 (strong)", "fine-tuning +1 (leans)", "neither side", "—". */
export function countsFor(reason: Reason): string {
  const choice = reason.choice;
  if (choice === null) return "—";
  if (choice.favours === null) return "neither side";
  return `${APPROACH_NAMES[choice.favours]} +${choice.weight} (${choice.weight === 2 ? "strong" : "leans"})`;
}

/** Which of the article's lists a criterion comes from, in a few words. */
export function listName(guide: Guide, criterion: Criterion): string {
  return `from “${guide.article.lists[criterion.list]}”`;
}

/** The article's sentences an answer rests on, resolved from their ids. */
export function reasonQuotes(guide: Guide, reason: Reason) {
  return (reason.choice?.quotes ?? []).flatMap((id) => {
    const quote = guide.quotes[id];
    return quote ? [{ id, ...quote }] : [];
  });
}

/** The reason to show: the choice's own, or for an unanswered question what "don't know" says would tip it. */
export function reasonText(reason: Reason): string {
  if (reason.choice) return reason.choice.reason;
  return reason.criterion.choices.find((c) => c.id === DONT_KNOW)?.reason ?? "";
}
