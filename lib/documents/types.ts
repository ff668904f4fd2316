/**
 * "question-list": consecutive list items that are bare questions, kept as one passage (the article's FAQ list,
 * whose questions it never answers): it tells what the document asks, not what it covers.
 */
export const PASSAGE_KINDS = ["paragraph", "list-item", "table-row", "question-list"] as const;
export type PassageKind = (typeof PASSAGE_KINDS)[number];

/** One retrievable unit of a document: a paragraph, a list item, a table row or a list of bare questions. */
export interface Passage {
  /** Stable id, `<documentId>:<n>`; n counts passages in document order from 1. */
  id: string;
  documentId: string;
  documentTitle: string;
  /** The nearest heading above the passage, or the document title. */
  section: string;
  kind: PassageKind;
  text: string;
}

export interface SourceDocument {
  id: string;
  title: string;
  /** Markdown or plain text. */
  text: string;
}

export interface ComparisonTable {
  /** Column headings, the first one naming the aspect column. */
  columns: string[];
  rows: { aspect: string; cells: string[] }[];
}
