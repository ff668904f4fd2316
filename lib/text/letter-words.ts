/**
 * A text's words as runs of letters, compatibility-normalised (NFKC) and lowercase: "Task-Typeificentiance"
 * is "task" and "typeificentiance", "it’s" is "it" and "s", digits are not words. How invented words are found
 * (invented-words.ts).
 */
export const letterWords = (text: string): string[] =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .match(/\p{L}+/gu) ?? [];

/**
 * The forms a word of a text may be written in: as it stands there (NFKC), in lowercase, and capitalised
 * ("RAG", "rag", "Rag"). What the reader's word mask allows, so that copying cannot change a word's case
 * midway ("dataSTORE").
 */
export function writtenForms(text: string): string[] {
  const runs = text.normalize("NFKC").match(/\p{L}+/gu) ?? [];
  return runs.flatMap((run) => {
    const lower = run.toLowerCase();
    return [run, lower, lower.charAt(0).toUpperCase() + lower.slice(1)];
  });
}
