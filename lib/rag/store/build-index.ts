import { insert, insertMultiple, load, type RawData, remove, save } from "@orama/orama";
import type { Passage } from "../../documents/types";
import { createError } from "../../errors";
import { containsEvidence } from "../../text/evidence";
import { storedVector } from "./encoder";
import { createPassageDb, type PassageDb } from "./schema";

/**
 * The questions written for a passage (document expansion), each with the evidence it asks about, so that the
 * extractive answer can tell which sentence of the passage a question was written for.
 */
export interface Expansion {
  questions: string[];
  /** The distinct evidence texts the questions ask about. */
  evidence: string[];
  /** Per question, the index in `evidence` of what it asks about. */
  targets: number[];
}

export type Expansions = ReadonlyMap<string, Expansion>;

export interface QaPair {
  question: string;
  evidence: string;
}

/** Assigns each training question to the passages that contain its evidence. */
export function expansionsFromQa(passages: readonly Passage[], pairs: readonly QaPair[]): Expansions {
  const byPassage = new Map<string, Expansion>();
  for (const pair of pairs) {
    for (const passage of passages) {
      if (!containsEvidence(passage.text, pair.evidence)) continue;
      let expansion = byPassage.get(passage.id);
      if (!expansion) {
        expansion = { questions: [], evidence: [], targets: [] };
        byPassage.set(passage.id, expansion);
      }
      let target = expansion.evidence.indexOf(pair.evidence);
      if (target < 0) target = expansion.evidence.push(pair.evidence) - 1;
      expansion.questions.push(pair.question);
      expansion.targets.push(target);
    }
  }
  return byPassage;
}

/**
 * Each passage's vectors from the learned encoder (encoder.ts: the whole passage, then each sentence when it has
 * several), stored with it at build time.
 */
export type PassageEmbeddings = ReadonlyMap<string, readonly ArrayLike<number>[]>;

/**
 * The documents Orama stores. `keywords` (the questions, one per line) is indexed; `evidence`, `targets` and
 * `embedding` are outside the schema, so Orama keeps and saves them without indexing them.
 */
export function toIndexDocuments(
  passages: readonly Passage[],
  expansions: Expansions = new Map(),
  embeddings: PassageEmbeddings = new Map(),
) {
  return passages.map((passage) => {
    const expansion = expansions.get(passage.id);
    const embedding = embeddings.get(passage.id);
    return {
      ...passage,
      keywords: expansion?.questions.join("\n") ?? "",
      evidence: expansion?.evidence ?? [],
      targets: expansion?.targets ?? [],
      ...(embedding ? { embedding: embedding.map(storedVector) } : {}),
    };
  });
}

export async function buildIndex(
  passages: readonly Passage[],
  expansions?: Expansions,
  embeddings?: PassageEmbeddings,
): Promise<PassageDb> {
  const db = createPassageDb();
  await insertMultiple(db, toIndexDocuments(passages, expansions, embeddings));
  return db;
}

export async function addPassages(db: PassageDb, passages: readonly Passage[]): Promise<void> {
  await insertMultiple(db, toIndexDocuments(passages));
}

export async function insertIndexDocument(
  db: PassageDb,
  doc: Passage & { keywords: string; evidence?: string[]; targets?: number[] },
): Promise<void> {
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
    throw createError("INDEX_CORRUPT", { detail: error instanceof Error ? error.message : String(error) });
  }
  if (!raw || typeof raw !== "object" || !("docs" in raw) || !("index" in raw)) {
    throw createError("INDEX_CORRUPT", { detail: "not an Orama index" });
  }
  const db = createPassageDb();
  try {
    load(db, raw);
  } catch (error) {
    throw createError("INDEX_CORRUPT", { detail: error instanceof Error ? error.message : String(error) });
  }
  return db;
}
