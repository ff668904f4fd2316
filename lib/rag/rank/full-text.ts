import { components, count } from "@orama/orama";
import type { PassageDb } from "../store/schema";

/** The BM25 parameters Orama's `search` applies when given none (k1, b, and BM25+'s delta). */
const ORAMA_BM25 = { k: 1.2, b: 0.75, d: 0.5 };

/**
 * Every matching passage's BM25 score for a question, by passage id: the scores Orama's `search` returns
 * (full-text.test.ts checks they are the same), read from the index component that `search` itself calls.
 * The retriever fuses every passage's score, so what `search` adds for a page of results (sorting all the
 * hits, fetching each document and copying it into its hit) was work thrown away: about a third of the
 * full-text time in Node, and more in the browser, where those documents are cold (docs/performance.md).
 */
export function fullTextScores(
  db: PassageDb,
  question: string,
  properties: readonly string[],
  boost: Record<string, number>,
): Map<string, number> {
  // In the schema's order, as `search` takes them: the order the properties' scores are added in decides
  // the last bits of the sum.
  const searched = db.index
    .getSearchableProperties(db.data.index)
    .filter((property) => properties.includes(property));
  const matches = db.index.search(
    db.data.index,
    question,
    db.tokenizer,
    undefined,
    searched,
    false,
    0,
    boost,
    ORAMA_BM25,
    count(db),
    undefined,
    // Orama's default: every passage that matches any of the question's terms.
    1,
  );
  const scores = new Map<string, number>();
  for (const [internalId, score] of matches) {
    const id = components.internalDocumentIDStore.getDocumentIdFromInternalId(
      db.internalDocumentIDStore,
      internalId,
    );
    scores.set(id, score);
  }
  return scores;
}
