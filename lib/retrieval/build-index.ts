import { insert, insertMultiple, load, type RawData, remove, save } from "@orama/orama";
import type { Passage } from "../documents/types";
import { createError } from "../errors";
import { containsEvidence } from "../evaluation/evidence";
import { createPassageDb, type PassageDb } from "./schema";

/** Question wordings written for a passage, joined; they widen what a passage can be found by. */
export type Expansions = ReadonlyMap<string, string>;

export interface QaPair {
  question: string;
  evidence: string;
}

/** Assigns each training question to the passages that contain its evidence. */
export function expansionsFromQa(passages: readonly Passage[], pairs: readonly QaPair[]): Expansions {
  const byPassage = new Map<string, string[]>();
  for (const pair of pairs) {
    for (const passage of passages) {
      if (!containsEvidence(passage.text, pair.evidence)) continue;
      const list = byPassage.get(passage.id) ?? [];
      list.push(pair.question);
      byPassage.set(passage.id, list);
    }
  }
  return new Map([...byPassage].map(([id, questions]) => [id, questions.join("\n")]));
}

export function toIndexDocuments(passages: readonly Passage[], expansions: Expansions = new Map()) {
  return passages.map((passage) => ({ ...passage, keywords: expansions.get(passage.id) ?? "" }));
}

export async function buildIndex(passages: readonly Passage[], expansions?: Expansions): Promise<PassageDb> {
  const db = createPassageDb();
  await insertMultiple(db, toIndexDocuments(passages, expansions));
  return db;
}

export async function addPassages(db: PassageDb, passages: readonly Passage[]): Promise<void> {
  await insertMultiple(db, toIndexDocuments(passages));
}

export async function insertIndexDocument(db: PassageDb, doc: Passage & { keywords: string }): Promise<void> {
  await insert(db, doc);
}

export async function removePassages(db: PassageDb, ids: readonly string[]): Promise<void> {
  for (const id of ids) await remove(db, id);
}

/** The index as JSON text: Orama's own save format, as the data-persistence plugin writes it. */
export function serializeIndex(db: PassageDb): string {
  return JSON.stringify(save(db));
}

/**
 * Loads a serialized index into a database created with this project's schema and tokenizer. The
 * persistence plugin's own `restore` creates a database with the default tokenizer, which would silently
 * drop stemming and stop words at query time, so the raw data is loaded into a configured database instead.
 */
export function restoreIndex(serialized: string): PassageDb {
  let raw: RawData;
  try {
    raw = JSON.parse(serialized) as RawData;
  } catch (error) {
    throw createError("INDEX_CORRUPT", error instanceof Error ? error.message : String(error));
  }
  if (!raw || typeof raw !== "object" || !("docs" in raw) || !("index" in raw)) {
    throw createError("INDEX_CORRUPT", "not an Orama index");
  }
  const db = createPassageDb();
  try {
    load(db, raw);
  } catch (error) {
    throw createError("INDEX_CORRUPT", error instanceof Error ? error.message : String(error));
  }
  return db;
}
