/** Display helpers shared by the panels: one place decides how figures are printed. */
export function formatMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A duration of minutes or more, to a tenth of a minute. */
export function formatMinutes(seconds: number): string {
  return `${(seconds / 60).toFixed(1)} min`;
}

/** A score in [0, 1] such as token-F1, to three decimals: every page and the README print it so. */
export function formatScore(score: number): string {
  return score.toFixed(3);
}

/** A model's size in parameters: "4.34 M parameters". */
export function formatParameters(parameters: number): string {
  return `${(parameters / 1e6).toFixed(2)} M parameters`;
}

/** A share in [0, 1] as a percentage: 0.75 -> "75%"; with `digits`, 0.9024 -> "90.2%". */
export function formatPercent(share: number, digits = 0): string {
  return digits === 0 ? `${Math.round(share * 100)}%` : `${(share * 100).toFixed(digits)}%`;
}

/** An English ordinal: 1 -> "1st", 12 -> "12th", 23 -> "23rd". */
export function formatOrdinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** Words as a reader sees them quoted in running text: “prompt”, “tuning”. */
export function quotedWords(words: readonly string[]): string {
  return words.map((word) => `“${word}”`).join(", ");
}

/** Splits an answer into text and citation markers "[n]", so markers can become links without raw HTML. */
export function splitCitationMarkers(
  answer: string,
): ({ kind: "text"; text: string } | { kind: "marker"; rank: number })[] {
  const parts: ({ kind: "text"; text: string } | { kind: "marker"; rank: number })[] = [];
  let cursor = 0;
  for (const match of answer.matchAll(/\[(\d{1,2})\]/g)) {
    const index = match.index ?? 0;
    if (index > cursor) parts.push({ kind: "text", text: answer.slice(cursor, index) });
    parts.push({ kind: "marker", rank: Number(match[1]) });
    cursor = index + match[0].length;
  }
  if (cursor < answer.length) parts.push({ kind: "text", text: answer.slice(cursor) });
  return parts;
}
