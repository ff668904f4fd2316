import { normalizedWords } from "./words";

const ARTICLES = new Set(["a", "an", "the"]);

/** SQuAD-style answer tokens: normalised words without the articles. */
export function normalizeAnswer(text: string): string[] {
  return normalizedWords(text).filter((token) => !ARTICLES.has(token));
}

/** Token F1 over the multiset of answer tokens; two empty answers agree. */
export function tokenF1(prediction: string, reference: string): number {
  const predicted = normalizeAnswer(prediction);
  const expected = normalizeAnswer(reference);
  if (predicted.length === 0 || expected.length === 0) return predicted.length === expected.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const token of expected) counts.set(token, (counts.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of predicted) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      common++;
      counts.set(token, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / predicted.length;
  const recall = common / expected.length;
  return (2 * precision * recall) / (precision + recall);
}

export function exactMatch(prediction: string, reference: string): boolean {
  return normalizeAnswer(prediction).join(" ") === normalizeAnswer(reference).join(" ");
}
