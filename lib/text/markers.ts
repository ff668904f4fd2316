/** Citation markers, "[n]" after the sentence they back: found, counted and removed the same way everywhere. */
const MARKER = /\[(\d+)\]/g;

/** The distinct citation ranks an answer uses, in order of first use, within 1…passages. */
export function citedRanks(answer: string, passages: number): number[] {
  const ranks: number[] = [];
  for (const match of answer.matchAll(MARKER)) {
    const rank = Number(match[1]);
    if (rank >= 1 && rank <= passages && !ranks.includes(rank)) ranks.push(rank);
  }
  return ranks;
}

/** The answer without its markers, whitespace tidied: what is scored against a reference. */
export const stripMarkers = (answer: string) => answer.replace(MARKER, " ").replace(/\s+/g, " ").trim();
