/** Plain statistics over measured figures, shared by the evaluation and benchmark scripts. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] ?? 0;
  const high = sorted[upper] ?? low;
  return low + (high - low) * (position - lower);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

/** A report's figure, to four decimals: every evaluation script writes shares and scores so. */
export const roundFigure = (x: number) => Math.round(x * 10_000) / 10_000;

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The share of items for which a predicate holds, in [0, 1]. */
export function rate<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  return items.length === 0 ? Number.NaN : items.filter(predicate).length / items.length;
}

/** 1-based rank of the first hit that holds the evidence, or null when none does. */
export function evidenceRank(texts: readonly string[], holds: (text: string) => boolean): number | null {
  const index = texts.findIndex(holds);
  return index < 0 ? null : index + 1;
}
