import type { ComparisonTable } from "../documents/types";
import { contentWords } from "../text/words";

/**
 * The row of the article's comparison table an answer is about: the row the RAG panel cited, when it cited
 * one; otherwise the row whose aspect shares the most words with the question; otherwise none.
 */
export function relevantRow(
  table: ComparisonTable,
  question: string,
  citedTexts: readonly string[],
): string | null {
  const aspects = table.rows.map((row) => row.aspect);
  const cited = citedTexts
    .map((text) => aspects.find((aspect) => text.startsWith(`${aspect}:`)))
    .find((aspect) => aspect !== undefined);
  if (cited) return cited;
  const asked = new Set(contentWords(question));
  let best: { aspect: string; shared: number } | null = null;
  for (const aspect of aspects) {
    const shared = contentWords(aspect).filter((word) => asked.has(word)).length;
    if (shared > 0 && (!best || shared > best.shared)) best = { aspect, shared };
  }
  return best?.aspect ?? null;
}
