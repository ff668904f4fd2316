import type { Passage } from "../documents/types";
import { containsEvidence } from "../evaluation/evidence";
import { memoizeByText } from "./memo";
import { DEFAULT_RETRIEVER_OPTIONS, type RetrievedPassage } from "./retriever";
import { contentWords, createSoftMatcher } from "./semantic";
import type { WordVectors } from "./word-vectors";

export interface ExtractiveAnswer {
  /** The chosen sentences, each followed by the marker [n] of the citation it came from. */
  answer: string;
  /** Citation numbers (1-based ranks) the answer uses. */
  used: number[];
}

import { splitSentences } from "./sentences";

export { splitSentences };

// A sentence that is itself a question states nothing, so it cannot answer one.
const isQuestion = (sentence: string) => /\?["”’)]*$/.test(sentence);

/** The mean of the `count` highest scores (of all of them when there are fewer), 0 for none. */
function meanOfHighest(scores: number[], count: number): number {
  const highest = scores.sort((a, b) => b - a).slice(0, count);
  return highest.length ? highest.reduce((sum, score) => sum + score, 0) / highest.length : 0;
}

// Whether a written question's evidence lies in a sentence (or the sentence in a longer evidence). The same
// few hundred pairs come up question after question, and normalising both texts is the cost, so keep answers,
// by sentence and then by evidence (a key joining the two texts would build a new string for every lookup).
const overlapsWith = memoizeByText(() => new Map<string, boolean>(), 5_000);

function overlaps(sentence: string, evidence: string): boolean {
  const known = overlapsWith(sentence);
  let found = known.get(evidence);
  if (found === undefined) {
    found = containsEvidence(sentence, evidence) || containsEvidence(evidence, sentence);
    known.set(evidence, found);
  }
  return found;
}

// A passage's sentences that can answer a question: not questions themselves, and saying something.
const answerSentences = memoizeByText((text: string) =>
  splitSentences(text).filter((sentence) => !isQuestion(sentence) && contentWords(sentence).length > 0),
);

// A list of questions the document asks answers one question only, "which questions does it list?", and
// answers it whole: quoted as one unit, its questions are what it states.
function answerUnits(passage: Passage): string[] {
  return passage.kind === "question-list"
    ? [passage.text.split("\n").join(" ")]
    : answerSentences(passage.text);
}

/**
 * Extractive answering: the sentences of the retrieved passages that best match the question, each with its
 * citation marker. A second sentence is added only when it scores nearly as well as the first.
 *
 * A sentence scores the higher of its own match with the question and the mean of its best-matching written
 * questions (those whose evidence is in the sentence), as retrieval scores a passage by its views: a question
 * worded unlike the article ("Who's behind this piece?") is often worded like a question written for the
 * right sentence. Dev token-F1 0.362 -> 0.591 (docs/retrieval.md).
 */
export function buildExtractiveAnswer(
  question: string,
  citations: readonly RetrievedPassage[],
  vectors: WordVectors,
  { maxSentences = 2, closeness = 0.9 } = {},
): ExtractiveAnswer | null {
  const matcher = createSoftMatcher(vectors, question);
  const top = citations[0]?.score ?? 0;
  const candidates = citations.flatMap((citation, index) =>
    answerUnits(citation.passage).map((sentence) => {
      // Retrieval already scored the written questions; those written for this sentence are its views.
      const views = citation.written
        .filter(({ evidence }) => overlaps(sentence, evidence))
        .map((w) => w.score);
      const own = matcher.score([...new Set(contentWords(`${citation.passage.section} ${sentence}`))]);
      const score = Math.max(own, meanOfHighest(views, DEFAULT_RETRIEVER_OPTIONS.topViews));
      // A sentence counts for as much as retrieval trusts its passage, relative to the best one: a sentence
      // that shares the question's topic words in a passage retrieval ranked well below the first used to
      // outrank the first passage's answer (token-F1 on dev 0.605 -> 0.632; docs/retrieval.md). Earlier
      // citations are likelier to be right; the prior breaks near-ties in their favour.
      const trust = top > 0 ? citation.score / top : 1;
      return { sentence, rank: index + 1, score: score * trust * (1 - 0.05 * index) };
    }),
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
