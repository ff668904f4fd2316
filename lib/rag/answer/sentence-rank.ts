import type { Passage } from "../../documents/types";
import { memoizeByText } from "../../memo";
import { containsEvidence } from "../../text/evidence";
import { createSoftMatcher } from "../rank/semantic";
import { EXTRACTIVE_RANK_PRIOR, TOP_VIEWS } from "../settings";
import { splitSentences } from "../store/sentences";
import type { WordVectors } from "../store/word-vectors";
import { contentWords } from "../store/words";
import type { RetrievedPassage } from "../types";

/** A sentence of a retrieved passage, scored as an answer to the question. */
export interface RankedSentence {
  sentence: string;
  /** The 1-based rank of the passage it comes from: its citation number. */
  rank: number;
  score: number;
}

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
 * The sentences of the retrieved passages, best answer first.
 *
 * A sentence scores the higher of its own match with the question and the mean of its best-matching written
 * questions (those whose evidence is in the sentence), as retrieval scores a passage by its views: a question
 * worded unlike the article ("Who's behind this piece?") is often worded like a question written for the
 * right sentence.
 */
export function rankSentences(
  question: string,
  citations: readonly RetrievedPassage[],
  vectors: WordVectors,
): RankedSentence[] {
  const matcher = createSoftMatcher(vectors, question);
  const top = citations[0]?.score ?? 0;
  const candidates = citations.flatMap((citation, index) =>
    answerUnits(citation.passage).map((sentence) => {
      // Retrieval already scored the written questions; those written for this sentence are its views, and
      // after an edit, when no sentence is known to be theirs, they are every sentence's.
      const views = citation.written
        .filter(({ evidence }) => evidence === null || overlaps(sentence, evidence))
        .map((w) => w.score);
      const own = matcher.score([...new Set(contentWords(`${citation.passage.section} ${sentence}`))]);
      const score = Math.max(own, meanOfHighest(views, TOP_VIEWS));
      // A sentence counts for as much as retrieval trusts its passage, relative to the best one: otherwise a
      // sentence sharing the question's topic words in a passage ranked well below the first outranked the
      // first passage's answer. Earlier citations are likelier to be right; the prior breaks near-ties.
      const trust = top > 0 ? citation.score / top : 1;
      return { sentence, rank: index + 1, score: score * trust * (1 - EXTRACTIVE_RANK_PRIOR * index) };
    }),
  );
  return candidates.sort((a, b) => b.score - a.score);
}
