import { search } from "@orama/orama";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { toPassages } from "../../documents/to-passages";
import { PATHS, readJsonLines, readText, readTrainingPairs } from "../../node/assets";
import { buildArticleIndex } from "../assemble";
import { addPassages } from "../store/build-index";
import type { PassageDb } from "../store/schema";
import { fullTextScores } from "./full-text";

const PROPERTIES = ["text", "section", "keywords"] as const;
const BOOST = { text: 1, section: 1, keywords: 2 };

/** What Orama's own `search` scores: every hit, by passage id. */
async function searchScores(db: PassageDb, question: string): Promise<Map<string, number>> {
  const { hits } = await search(db, {
    term: question,
    properties: [...PROPERTIES],
    boost: BOOST,
    limit: 1_000,
  });
  return new Map(hits.map((hit) => [hit.id, hit.score]));
}

describe("fullTextScores", () => {
  let db: PassageDb;
  let words: string[];
  beforeAll(async () => {
    db = await buildArticleIndex(readText(PATHS.article), readTrainingPairs());
    words = [
      ...new Set(
        readText(PATHS.article)
          .toLowerCase()
          .match(/[a-z]+/g) ?? [],
      ),
    ];
  });

  it("gives exactly the scores Orama's search gives, for every held-out question", async () => {
    const questions = readJsonLines<{ question: string }>("data/qa/heldout-dev.jsonl");
    for (const { question } of questions) {
      expect(fullTextScores(db, question, PROPERTIES, BOOST)).toEqual(await searchScores(db, question));
    }
  });

  it("gives exactly the scores Orama's search gives, for any mix of the article's words and others", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 8 })), { maxLength: 12 }),
        async (parts) => {
          const question = parts.join(" ");
          expect(fullTextScores(db, question, PROPERTIES, BOOST)).toEqual(await searchScores(db, question));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("scores a document a user adds by its id, like the article's passages", async () => {
    const added = await buildArticleIndex(readText(PATHS.article), []);
    const passages = toPassages({
      id: "notes",
      title: "Notes",
      text: "# Notes\n\nZebras graze on the savanna.",
    });
    await addPassages(added, passages);
    const scores = fullTextScores(added, "zebras savanna", PROPERTIES, BOOST);
    expect([...scores.keys()]).toEqual(passages.map((passage) => passage.id));
    expect(scores).toEqual(await searchScores(added, "zebras savanna"));
  });
});
