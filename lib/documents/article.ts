import type { SourceDocument } from "./types";

/** The source article: its credit travels with it wherever it is shown. */
export const ARTICLE = {
  id: "article",
  title: "Retrieval Augmented Generation vs. Fine-Tuning LLM",
  author: "Aqsa Zafar",
  publisher: "MLTUT",
  markdownPath: "data/article/rag-vs-fine-tuning-article.md",
} as const;

export function articleDocument(markdown: string): SourceDocument {
  return { id: ARTICLE.id, title: ARTICLE.title, text: markdown };
}
