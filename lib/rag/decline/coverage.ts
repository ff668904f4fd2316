import { CLOSE_WORD, TOPICAL_SHARE } from "../settings";
import { analyze } from "../store/analyzer";
import type { PassageStore } from "../store/passage-store";
import type { Vocabulary } from "../store/vocabulary";
import type { WordVectors } from "../store/word-vectors";
import { contentWords, isCloseToAny, wordSet } from "../store/words";

/** How much of a question's specific words some passages cover, and the words they leave uncovered. */
export interface Coverage {
  share: number;
  /** The question's specific words with no close word in those passages, in the question's order. */
  uncovered: string[];
}

/**
 * The share of the question's specific words (those not spread across the whole collection, such as "RAG" or
 * "model" here) that have a close word in any of the given passages or the questions written for them. An
 * answerable question's specific words are found in what retrieval hands on, though not always in one
 * passage: "what is the stage called, and what's done there?" may find its name in one and its work in
 * another. "What is prompt tuning?" leaves "prompt" unmatched wherever it looks.
 */
export function coverage(
  store: PassageStore,
  vectors: WordVectors,
  vocabulary: Vocabulary,
  question: string,
  passageIds: readonly string[],
): Coverage {
  const specific = [...new Set(contentWords(question))].filter(
    (word) => store.topicality(analyze(word)[0] ?? word) < TOPICAL_SHARE,
  );
  const available = passageIds.flatMap((id) => {
    const entry = store.entries.get(id);
    // A list of questions the document asks and never answers (its FAQ list) covers nothing: its words, and
    // those of the questions written for it, name topics the document does not cover. "How does RAG differ
    // from semantic search?" matches the list's first question, and must still be declined. It is retrieved
    // and cited all the same, for "which questions does the FAQ list?".
    if (!entry || entry.passage.kind === "question-list") return [];
    entry.words ??= wordSet(
      vectors,
      [...new Set(entry.views.flatMap((view) => [...view]))].map(vocabulary.word),
    );
    return [entry.words];
  });
  if (available.length === 0) return { share: 0, uncovered: specific };
  if (specific.length === 0) return { share: 1, uncovered: [] };
  const uncovered = specific.filter((word) => !isCloseToAny(vectors, word, available, CLOSE_WORD));
  return { share: (specific.length - uncovered.length) / specific.length, uncovered };
}
