/**
 * A pure function of one text, remembered. The same passages come up question after question, and in a
 * browser worker every question's garbage costs a collection whose pauses land in the next retrieval
 * (docs/performance.md), so work that depends only on a passage's text is done once. The map is cleared
 * when it reaches `limit` entries, which bounds it without bookkeeping. Every call with the same text gets
 * the same value, so a caller that changes it changes it for the others (answer.ts does, as a cache).
 */
export function memoizeByText<T>(compute: (text: string) => T, limit = 2_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let value = known.get(text);
    if (value === undefined) {
      value = compute(text);
      if (known.size >= limit) known.clear();
      known.set(text, value);
    }
    return value;
  };
}
