const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Tokens per second after the first: the prompt's processing is the first token's latency, reported on its
 * own, so counting it here too would make a long prompt look like slow generation.
 */
export function decodeRate(tokens: number, firstTokenAt: number, start: number, end: number): number {
  if (tokens > 1 && firstTokenAt > 0 && end > firstTokenAt)
    return round(((tokens - 1) / (end - firstTokenAt)) * 1000);
  return end > start ? round((tokens / (end - start)) * 1000) : 0;
}
