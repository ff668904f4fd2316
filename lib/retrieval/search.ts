import { search } from "@orama/orama";
import type { Passage } from "../documents/types";
import type { PassageDb } from "./schema";

export interface SearchHit {
  passage: Passage;
  score: number;
}

export const SEARCH_PROPERTIES = ["text", "section", "keywords"] as const;

export interface SearchOptions {
  limit?: number;
  boost?: Partial<Record<(typeof SEARCH_PROPERTIES)[number], number>>;
}

export const DEFAULT_BOOST = { text: 1, section: 0.5, keywords: 1 } as const;

/** BM25 full-text search over passages; the best first, with Orama's scores. */
export async function searchPassages(
  db: PassageDb,
  question: string,
  { limit = 3, boost = DEFAULT_BOOST }: SearchOptions = {},
): Promise<SearchHit[]> {
  const results = await search(db, {
    term: question,
    properties: [...SEARCH_PROPERTIES],
    boost,
    limit,
  });
  return results.hits.map((hit) => {
    const { keywords: _keywords, ...passage } = hit.document;
    return { passage: passage as Passage, score: hit.score };
  });
}
