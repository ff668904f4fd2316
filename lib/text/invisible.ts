/*
 * Characters that show nothing but change how a text splits into words. Pasted text carries them: soft hyphens
 * from hyphenated web pages and PDFs ("retri\u00ADeval" reads as "retri" and "eval"), zero-width spaces between
 * words, joiners, and bidi controls, which can also hide text. Search and the decline rule read words, so these
 * are settled before anything else reads the text.
 */

// Inside a word: soft hyphen, zero-width (non-)joiners, word joiner and invisible operators, byte-order mark,
// and the bidi marks, embeddings, overrides and isolates.
const INSIDE_WORDS = /[\u00AD\u200C-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// A zero-width space marks a boundary between words (Unicode's use for scripts written without spaces).
const BETWEEN_WORDS = /\u200B/g;

/** The text with invisible characters inside words dropped and zero-width spaces read as spaces. */
export function withoutInvisibles(text: string): string {
  return text.replace(INSIDE_WORDS, "").replace(BETWEEN_WORDS, " ");
}
