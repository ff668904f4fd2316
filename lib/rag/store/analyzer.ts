import { components } from "@orama/orama";
import { stopwords as englishStopwords } from "@orama/stopwords/english";

/**
 * The text analysis shared by the index, the decline decision and the answer builder, so all three agree
 * on what counts as a matching term: lowercase, English stop words removed, Porter-stemmed.
 */
// Orama's English list leaves out the article "a", which then "matched" every question, and the tails of
// contractions ("what's", "doesn't", "I've"), which splitting on apostrophes leaves behind as words.
export const STOP_WORDS: readonly string[] = [...englishStopwords, "a", "s", "t", "ve", "re", "ll", "d", "m"];

export const TOKENIZER_CONFIG = {
  language: "english",
  stemming: true,
  stopWords: [...STOP_WORDS],
};

const tokenizer = components.tokenizer.createTokenizer(TOKENIZER_CONFIG);

// Words as a reader sees them, kept with their position so matches can be highlighted in the original text.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

export interface WordMatch {
  start: number;
  end: number;
  word: string;
  term: string;
}

/** The stemmed content terms of a text, in order, duplicates kept. */
export function analyze(text: string): string[] {
  return tokenizer.tokenize(text, "english", undefined, false).filter((term) => term.length > 0);
}

/** The distinct stemmed content terms of a text. */
export function termSet(text: string): Set<string> {
  return new Set(analyze(text));
}

/** Every word of a text with the term it analyses to ("" for a stop word). */
export function words(text: string): WordMatch[] {
  const found: WordMatch[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const start = match.index ?? 0;
    const term = analyze(word)[0] ?? "";
    found.push({ start, end: start + word.length, word, term });
  }
  return found;
}
