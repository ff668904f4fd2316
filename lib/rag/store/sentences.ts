// ICU's sentence rules know abbreviations such as "vs." and "Ph.D.", which a regular expression would split.
const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** A text's sentences, line breaks read as spaces. */
export function splitSentences(text: string): string[] {
  return [...segmenter.segment(text.replace(/\n+/g, " "))].map((s) => s.segment.trim()).filter(Boolean);
}
