import { analyze } from "../retrieval/analyzer";

/**
 * The share of an answer's content words (stemmed, stop words and citation markers left out) that occur in
 * the passages it cites: 1 when every word it says can be found in its sources. Null for an answer with no
 * content words.
 */
export function faithfulness(answer: string, citedTexts: readonly string[]): number | null {
  const words = analyze(answer.replace(/\[\d+\]/g, " "));
  if (words.length === 0) return null;
  const available = new Set(citedTexts.flatMap((text) => analyze(text)));
  return words.filter((word) => available.has(word)).length / words.length;
}
