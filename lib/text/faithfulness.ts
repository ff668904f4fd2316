import { memoizeByText } from "../memo";
import { analyze } from "../rag/store/analyzer";

// The cited passages are the same few hundred texts question after question.
const termsOf = memoizeByText((text) => new Set(analyze(text)));

/**
 * The share of an answer's content words (stemmed, stop words and citation markers left out) that occur in
 * the passages it cites: 1 when every word it says can be found in its sources. Null for an answer with no
 * content words.
 */
export function faithfulness(answer: string, citedTexts: readonly string[]): number | null {
  const words = analyze(answer.replace(/\[\d+\]/g, " "));
  if (words.length === 0) return null;
  const cited = citedTexts.map(termsOf);
  return words.filter((word) => cited.some((terms) => terms.has(word))).length / words.length;
}
