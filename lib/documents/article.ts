import type { SourceDocument } from "./types";

/**
 * The source article: its credit travels with it wherever it is shown (the pages, the link previews, the guide's
 * summary). `publisher` is the site it appeared on. The URL was written from the title without network access
 * and has not been checked.
 */
export const ARTICLE = {
  id: "article",
  title: "Retrieval Augmented Generation vs. Fine-Tuning LLM",
  author: "Aqsa Zafar",
  publisher: "MLTUT",
  url: "https://www.mltut.com/retrieval-augmented-generation-vs-fine-tuning-llm/",
  markdownPath: "data/article/rag-vs-fine-tuning-article.md",
} as const;

export function articleDocument(markdown: string): SourceDocument {
  return { id: ARTICLE.id, title: ARTICLE.title, text: markdown };
}
