import { PAIR_LIMITS, type QaPair } from "./examples";

/** The document's sentences, its Markdown heading and list marks removed. */
export function sentences(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => !/^\s*#/.test(line))
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ""))
    .join(" ")
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"“])/)
    .map((sentence) => sentence.replace(/\s+/g, " ").trim())
    .filter((sentence) => /[a-z]/i.test(sentence) && sentence.split(" ").length >= 4);
}

const lowerFirst = (text: string) =>
  /^[A-Z][a-z]/.test(text) ? text[0]?.toLowerCase() + text.slice(1) : text;
const upperFirst = (text: string) => (text[0]?.toUpperCase() ?? "") + text.slice(1);

/**
 * A question a sentence answers, by its first verb of being or having ("The mascot is a heron" -> "What is
 * the mascot?"), or a question about the document when it has none. Only a starting point: the visitor edits it.
 */
export function questionFor(sentence: string, title: string): string {
  const match = /^(.{3,80}?)\s+(is|are|was|were|has|have)\s+/i.exec(sentence);
  if (match?.[1] && match[2]) {
    const verb = match[2].toLowerCase();
    const subject = lowerFirst(match[1]);
    return verb === "has" || verb === "have"
      ? `What ${verb === "has" ? "does" : "do"} ${subject} have?`
      : `What ${verb} ${subject}?`;
  }
  return `What does "${title}" say?`;
}

/** Question/answer pairs suggested from a document: one per sentence, the sentence as the answer. */
export function suggestPairs(title: string, text: string): QaPair[] {
  const seen = new Set<string>();
  const pairs: QaPair[] = [];
  for (const sentence of sentences(text)) {
    const question = questionFor(sentence, title);
    if (seen.has(question)) continue;
    seen.add(question);
    pairs.push({ question, answer: sentence });
    if (pairs.length === PAIR_LIMITS.maxPairs) break;
  }
  return pairs;
}

const REWORDINGS: [RegExp, string][] = [
  [/^What is (.+) called\?$/i, "What name does $1 have?"],
  [/^What (?:is|are) (.+)\?$/i, "Can you describe $1?"],
  [/^Who (.+)\?$/i, "Which person or group $1?"],
  [/^How many (.+)\?$/i, "What number of $1?"],
  [/^When (.+)\?$/i, "At what time $1?"],
  [/^Where (.+)\?$/i, "In which place $1?"],
];

/**
 * The trained question in other words, by a few fixed patterns, to start from: a fair test of whether the
 * model learned the fact or the wording is written by a person, so the page lets the visitor edit it.
 */
export function reword(question: string): string {
  const trimmed = question.trim();
  for (const [pattern, replacement] of REWORDINGS) {
    if (pattern.test(trimmed)) return upperFirst(trimmed.replace(pattern, replacement));
  }
  return `Could you tell me: ${lowerFirst(trimmed)}`;
}
