import type { RetrievedPassage } from "./retriever";
import { contentWords, createSoftMatcher } from "./semantic";
import type { WordVectors } from "./word-vectors";

export interface ExtractiveAnswer {
  /** The chosen sentences, each followed by the marker [n] of the citation it came from. */
  answer: string;
  /** Citation numbers (1-based ranks) the answer uses. */
  used: number[];
}

// ICU's sentence rules know abbreviations such as "vs." and "Ph.D.", which a regular expression would split.
const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

export function splitSentences(text: string): string[] {
  return [...segmenter.segment(text.replace(/\n+/g, " "))].map((s) => s.segment.trim()).filter(Boolean);
}

// A sentence that is itself a question states nothing, so it cannot answer one.
const isQuestion = (sentence: string) => /\?["”’)]*$/.test(sentence);

/**
 * Extractive answering: the sentences of the retrieved passages that best match the question, each with its
 * citation marker. A second sentence is added only when it scores nearly as well as the first.
 */
export function buildExtractiveAnswer(
  question: string,
  citations: readonly RetrievedPassage[],
  vectors: WordVectors,
  { maxSentences = 2, closeness = 0.9 } = {},
): ExtractiveAnswer | null {
  const matcher = createSoftMatcher(vectors, question);
  const candidates = citations.flatMap((citation, index) =>
    splitSentences(citation.passage.text)
      .filter((sentence) => !isQuestion(sentence) && contentWords(sentence).length > 0)
      .map((sentence) => ({
        sentence,
        rank: index + 1,
        // Earlier citations are likelier to be right; the prior breaks near-ties in their favour.
        score:
          matcher.score([...new Set(contentWords(`${citation.passage.section} ${sentence}`))]) *
          (1 - 0.05 * index),
      })),
  );
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  if (!best) return null;
  const chosen = [best];
  for (const candidate of candidates.slice(1)) {
    if (chosen.length >= maxSentences || candidate.score < best.score * closeness) break;
    if (!chosen.some((c) => c.sentence === candidate.sentence)) chosen.push(candidate);
  }
  return {
    answer: chosen.map((c) => `${c.sentence} [${c.rank}]`).join(" "),
    used: [...new Set(chosen.map((c) => c.rank))].sort((a, b) => a - b),
  };
}
