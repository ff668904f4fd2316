export { ARTICLE, articleDocument } from "./article";
export { extractComparisonTable } from "./comparison-table";
export { type Block, parseBlocks } from "./parse-blocks";
export { describeTableRow, MAX_PASSAGE_WORDS, toPassages } from "./to-passages";
export type { ComparisonTable, Passage, PassageKind, SourceDocument } from "./types";
export { PASSAGE_KINDS } from "./types";
export { DOCUMENT_LIMITS, validateDocument } from "./validate-document";
