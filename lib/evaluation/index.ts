export { containsEvidence } from "./evidence";
export { evidenceRank, mean, median, quantile, rate } from "./metrics";
export { answerQuality, type Latency, latency, stripMarkers } from "./summarize";
export { exactMatch, normalizeAnswer, tokenF1 } from "./token-f1";
