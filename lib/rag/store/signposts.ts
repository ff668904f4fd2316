import type { Passage } from "../../documents/types";
import { MAX_SIGNPOST_WORDS } from "../settings";
import { analyze } from "./analyzer";
import { contentWords } from "./words";

/** A text's stems, one per content word (the analyzer alone keeps a trailing hyphen: "started-"). */
const stemsOf = (text: string) => contentWords(text).flatMap((word) => analyze(word));

/**
 * Signposts: paragraphs that only announce what comes next ("Now, let's understand What is Fine Tuning in
 * LLM.", "Now, without further ado, let's get started-"). They hold no content of their own, like the table of
 * contents, whose entries are not passages at all, but they repeat a heading's topic words in a few words, so
 * with nothing else to tell passages apart (the "article" knowledge setting, knowledge.ts) they outranked the
 * paragraphs they announce. A paragraph is a signpost when, its stop words aside, every word is a word of one
 * of its document's headings or one of these discourse words, which say where the reader is, not what is known.
 */
const DISCOURSE_WORDS = [
  "now",
  "first",
  "next",
  "finally",
  "let",
  "lets",
  "understand",
  "see",
  "look",
  "talk",
  "discuss",
  "hope",
  "get",
  "started",
  "start",
  "begin",
  "ado",
  "without",
  "move",
  "go",
  "going",
  "know",
  "learn",
];
const DISCOURSE_STEMS = new Set(DISCOURSE_WORDS.flatMap(stemsOf));

/** The ids of the signposts among a collection's passages, judged against the headings of each one's document. */
export function signposts(passages: readonly Passage[]): Set<string> {
  const headingStems = new Map<string, Set<string>>();
  for (const { documentId, section, documentTitle } of passages) {
    let stems = headingStems.get(documentId);
    if (!stems) {
      stems = new Set(stemsOf(documentTitle));
      headingStems.set(documentId, stems);
    }
    for (const stem of stemsOf(section)) stems.add(stem);
  }
  const found = new Set<string>();
  for (const passage of passages) {
    if (passage.kind !== "paragraph" || passage.text.split(/\s+/).length > MAX_SIGNPOST_WORDS) continue;
    const headings = headingStems.get(passage.documentId) ?? new Set<string>();
    const stems = stemsOf(passage.text);
    if (stems.length > 0 && stems.every((stem) => headings.has(stem) || DISCOURSE_STEMS.has(stem)))
      found.add(passage.id);
  }
  return found;
}
