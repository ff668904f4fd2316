import { exactMatch, tokenF1 } from "../text/token-f1";
import { mean, quantile, roundFigure } from "./metrics";

export interface Latency {
  p50: number;
  p95: number;
}

export function latency(values: readonly number[]): Latency {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { p50: round(quantile(values, 0.5)), p95: round(quantile(values, 0.95)) };
}

/** Mean token-F1 and exact match of predictions against references (a missing prediction scores 0). */
export function answerQuality(pairs: readonly { prediction: string | null; reference: string }[]) {
  return {
    n: pairs.length,
    tokenF1: roundFigure(
      mean(pairs.map((p) => (p.prediction === null ? 0 : tokenF1(p.prediction, p.reference)))),
    ),
    exactMatch: roundFigure(
      mean(pairs.map((p) => (p.prediction !== null && exactMatch(p.prediction, p.reference) ? 1 : 0))),
    ),
  };
}
