/**
 * A text's words as runs of letters, compatibility-normalised (NFKC) and lowercase: "Task-Typeificentiance"
 * is "task" and "typeificentiance", "it’s" is "it" and "s", digits are not words. How invented words are found
 * (invented-words.ts) and how the reader's vocabulary is bounded (lib/models/word-mask.ts).
 */
export const letterWords = (text: string): string[] =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .match(/\p{L}+/gu) ?? [];
