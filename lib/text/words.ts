import stopWords from "../../data/text-rules/stop-words.json" with { type: "json" };

/**
 * The text rules shared with training (training/textrules.py), pinned by data/text-rules/cases.json, which
 * both test suites read: how answers are normalised and split into words.
 */
const STOP = new Set(stopWords.words);

/** The stop words: the words that carry no content, left out of content words. */
export const STOP_WORDS: readonly string[] = stopWords.words;

/**
 * Text as SQuAD-style answer scoring sees it: compatibility-normalised (NFKC), lowercase, with punctuation and
 * symbols deleted (so "it’s" and "it's" are both "its"), split on whitespace.
 */
export function normalizedWords(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, "")
    .split(/\s+/)
    .filter(Boolean);
}

/** The words of a text that carry content: normalised words without stop words. */
export function contentWords(text: string): string[] {
  return normalizedWords(text).filter((word) => !STOP.has(word));
}
