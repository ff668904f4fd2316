import { memoizeByText } from "../../memo";
import { termSet, words } from "../store/analyzer";

// A passage's terms, analysed once: the same passages are cited question after question.
const passageTerms = memoizeByText(termSet);

export interface TextSegment {
  text: string;
  match: boolean;
}

/** The stemmed question terms that occur in a text. */
export function matchedTerms(question: string, text: string): string[] {
  const inText = passageTerms(text);
  return [...termSet(question)].filter((term) => inText.has(term));
}

/** Splits a text into plain and matched segments, for highlighting the words a question matched. */
export function highlightSegments(text: string, terms: readonly string[]): TextSegment[] {
  const wanted = new Set(terms);
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const word of words(text)) {
    if (!word.term || !wanted.has(word.term)) continue;
    if (word.start > cursor) segments.push({ text: text.slice(cursor, word.start), match: false });
    segments.push({ text: word.word, match: true });
    cursor = word.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), match: false });
  return segments;
}
