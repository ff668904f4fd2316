import { stripMarkers } from "./markers";
import { contentWords } from "./words";

/**
 * The share of an answer's content words (markers and stop words left out) found among the content words of
 * the passages it cites: 1 when every word it says can be found in its sources. It measures copying from the
 * sources, not correctness. Null for an answer with no content words.
 */
export function faithfulness(answer: string, citedTexts: readonly string[]): number | null {
  const words = contentWords(stripMarkers(answer));
  if (words.length === 0) return null;
  const available = new Set(citedTexts.flatMap(contentWords));
  return words.filter((word) => available.has(word)).length / words.length;
}
