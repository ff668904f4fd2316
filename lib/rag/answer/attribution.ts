import { stripMarkers } from "../../text/markers";
import { contentWords } from "../../text/words";
import { ATTRIBUTION_MIN_WORDS } from "../settings";
import type { ReaderLine } from "./reader-prompt";

/**
 * The citation numbers of the passages a generated answer's words come from: the line of the reader's input
 * that holds most of the answer's content words, then, while any are left, the line that holds most of the
 * rest if it holds at least `minWords` of them; each line cites its passage. Empty for an answer with no
 * content word in any line. Earlier lines win ties, as the scorer ranked them higher.
 */
export function attributedRanks(
  answer: string,
  lines: readonly ReaderLine[],
  minWords = ATTRIBUTION_MIN_WORDS,
): number[] {
  let left = new Set(contentWords(stripMarkers(answer)));
  const lineWords = lines.map((line) => new Set(contentWords(line.text)));
  const ranks: number[] = [];
  while (left.size > 0) {
    let best = -1;
    let bestCount = 0;
    lineWords.forEach((words, index) => {
      const count = [...left].filter((word) => words.has(word)).length;
      if (count > bestCount) {
        best = index;
        bestCount = count;
      }
    });
    const line = lines[best];
    if (!line || (ranks.length > 0 && bestCount < minWords)) break;
    if (!ranks.includes(line.rank)) ranks.push(line.rank);
    const covered = lineWords[best] ?? new Set<string>();
    left = new Set([...left].filter((word) => !covered.has(word)));
  }
  return ranks;
}

/** The answer with its markers replaced by those of the passages it was attributed to, in that order. */
export const withCitations = (answer: string, ranks: readonly number[]) =>
  [stripMarkers(answer), ...ranks.map((rank) => `[${rank}]`)].join(" ").trim();
