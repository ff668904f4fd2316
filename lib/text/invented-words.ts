import { letterWords } from "./letter-words";
import { stripMarkers } from "./markers";

/**
 * The words of a generated answer found nowhere it could have taken them from: not in the passages it was
 * given, not in the question, and not a common English word (`isCommon`). A small reader that strings
 * subword pieces together writes such words ("Task-Typeificentiance"); an answer with one is flagged, since
 * no source backs it. Hyphenated words are checked part by part, and digits are not words here.
 */
export function inventedWords(
  answer: string,
  passages: readonly string[],
  question: string,
  isCommon: (word: string) => boolean,
): string[] {
  const known = new Set([...passages.flatMap(letterWords), ...letterWords(question)]);
  const invented = letterWords(stripMarkers(answer)).filter((word) => !known.has(word) && !isCommon(word));
  return [...new Set(invented)];
}
