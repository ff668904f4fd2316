import { count, search } from "@orama/orama";
import type { Passage } from "../../documents/types";
import { addPassages, insertIndexDocument, removePassages } from "./build-index";
import { embed } from "./dense";
import { createDerivedFigures } from "./derived-figures";
import { encoderTexts, storedVector, type TextEncoder } from "./encoder";
import type { PassageDb } from "./schema";
import type { Vocabulary } from "./vocabulary";
import type { WordVectors } from "./word-vectors";
import { contentWords, type WordSet } from "./words";

/** A passage as the index stores it: its text, and the questions written for it (the expansion). */
export interface IndexedDoc extends Passage {
  keywords: string;
  /** Outside the schema (build-index.ts); absent from documents a user adds. */
  evidence?: string[];
  targets?: number[];
  /** The learned encoder's vectors of the passage (encoderTexts), stored at build time, outside the schema. */
  embedding?: number[][];
}

/** A question written for a passage and the evidence it asks about (null when the index does not say). */
export interface WrittenQuestion {
  question: string;
  evidence: string | null;
}

/** A passage with what ranking and coverage read of it, made once when it is stored. */
export interface PassageEntry {
  passage: Passage;
  /** Its views: its section with its text, then each question written for it, as vocabulary numbers. */
  views: Int32Array[];
  /** Where its views start in the view store (valid while the store is current). */
  first: number;
  /** Each view's averaged word vector (dense.ts), one after another. */
  embeddings: Float32Array;
  doc: IndexedDoc;
  questions: WrittenQuestion[];
  /** The distinct words of all its views as coverage reads them, made on first use. */
  words?: WordSet;
  /** The learned encoder's vectors of the passage (encoderTexts), when there is an encoder. */
  encoded?: Float32Array[];
}

function writtenQuestions(doc: IndexedDoc): WrittenQuestion[] {
  const lines = doc.keywords ? doc.keywords.split("\n") : [];
  return lines.flatMap((question, i) =>
    question.trim() ? [{ question, evidence: doc.evidence?.[doc.targets?.[i] ?? -1] ?? null }] : [],
  );
}

function toPassage(doc: IndexedDoc): Passage {
  const { id, documentId, documentTitle, section, kind, text } = doc;
  return { id, documentId, documentTitle, section, kind, text };
}

/** The vectors the index stores for a passage, when they are the encoder's size; else none (embedded later). */
function storedVectors(doc: IndexedDoc, encoder: TextEncoder | null): Float32Array[] | undefined {
  const stored = doc.embedding ?? [];
  if (!encoder || stored.length === 0 || stored.some((vector) => vector.length !== encoder.dimensions))
    return undefined;
  return stored.map((vector) => Float32Array.from(vector));
}

/** A stored passage's entry: its views (its section and text, then each question written for it) and their vectors. */
function entryOf(
  doc: IndexedDoc,
  vectors: WordVectors,
  vocabulary: Vocabulary,
  encoder: TextEncoder | null,
): PassageEntry {
  const questions = writtenQuestions(doc);
  const views = [
    vocabulary.encode(contentWords(`${doc.section} ${doc.text}`)),
    ...questions.map(({ question }) => vocabulary.encode(contentWords(question))),
  ];
  const { dimensions } = vectors;
  const embeddings = new Float32Array(views.length * dimensions);
  views.forEach((view, v) => {
    embed(
      vectors,
      Array.from(view, vocabulary.word),
      embeddings.subarray(v * dimensions, (v + 1) * dimensions),
    );
  });
  return {
    passage: toPassage(doc),
    views,
    first: 0,
    embeddings,
    doc,
    questions,
    encoded: storedVectors(doc, encoder),
  };
}

/**
 * Embeds, in one run of the encoder, the passages remembered without stored vectors (a user's document, an
 * edited passage). Rounded as the index stores them, so a passage scores the same whether it was embedded now or
 * at build time.
 */
async function encodeMissing(entries: ReadonlyMap<string, PassageEntry>, encoder: TextEncoder | null) {
  if (!encoder) return;
  const missing = [...entries.values()].filter((entry) => !entry.encoded);
  if (missing.length === 0) return;
  const texts = missing.map(({ passage }) => encoderTexts(passage));
  const vectors = await encoder.embed(texts.flat(), "passage");
  let next = 0;
  missing.forEach((entry, i) => {
    const count = texts[i]?.length ?? 0;
    entry.encoded = vectors
      .slice(next, next + count)
      .map((vector) => Float32Array.from(storedVector(vector)));
    next += count;
  });
}

/**
 * The passages retrieval ranks, kept beside the Orama index: each with its views and their word vectors, and
 * what is derived from all of them together (each stem's document frequency, each passage's place in its run,
 * the views in WebAssembly memory), which goes stale together whenever a passage is added, edited or removed.
 */
export async function createPassageStore(
  db: PassageDb,
  vectors: WordVectors,
  vocabulary: Vocabulary,
  /** The learned retriever (encoder.ts): each passage then has its vectors too. */
  encoder: TextEncoder | null = null,
) {
  const entries = new Map<string, PassageEntry>();
  // Passages a user has edited, as they were, so an edit can be undone.
  const originals = new Map<string, IndexedDoc>();
  const derived = createDerivedFigures(entries, vocabulary, vectors.dimensions);

  function remember(doc: IndexedDoc): void {
    entries.set(doc.id, entryOf(doc, vectors, vocabulary, encoder));
    derived.passagesChanged();
  }

  async function removeDocument(documentId: string): Promise<number> {
    const ids = [...entries.values()]
      .filter((e) => e.passage.documentId === documentId)
      .map((e) => e.passage.id);
    await removePassages(db, ids);
    for (const id of ids) entries.delete(id);
    derived.passagesChanged();
    return ids.length;
  }

  async function replace(doc: IndexedDoc): Promise<void> {
    await removePassages(db, [doc.id]);
    await insertIndexDocument(db, doc);
    remember(doc);
    await encodeMissing(entries, encoder);
  }

  /** Replaces a passage's text (a knowledge update); false when there is no such passage. */
  async function editPassage(id: string, text: string): Promise<boolean> {
    const entry = entries.get(id);
    if (!entry) return false;
    if (!originals.has(id)) originals.set(id, entry.doc);
    // The questions still find the passage, but no longer say which of the new sentences each was written for.
    await replace({ ...entry.doc, text, evidence: [], targets: [], embedding: [] });
    return true;
  }

  /** Undoes an edit; false when the passage was not edited. */
  async function restorePassage(id: string): Promise<boolean> {
    const original = originals.get(id);
    if (!original) return false;
    originals.delete(id);
    await replace(original);
    return true;
  }

  /** Adds a document's passages, replacing any earlier version of the same document. */
  async function addDocument(passages: readonly Passage[]): Promise<number> {
    const documentIds = new Set(passages.map((passage) => passage.documentId));
    for (const documentId of documentIds) await removeDocument(documentId);
    await addPassages(db, passages);
    for (const passage of passages) remember({ ...passage, keywords: "" });
    await encodeMissing(entries, encoder);
    return passages.length;
  }

  const all = await search(db, { term: "", limit: Math.max(1, count(db)) });
  for (const hit of all.hits) remember(hit.document as IndexedDoc);
  await encodeMissing(entries, encoder);

  return {
    entries: entries as ReadonlyMap<string, PassageEntry>,
    views: derived.views,
    topicality: derived.topicality,
    runPlaces: derived.runPlaces,
    signposts: derived.signposts,
    addDocument,
    removeDocument,
    editPassage,
    restorePassage,
    size: () => entries.size,
    passages: () => [...entries.values()].map((entry) => entry.passage),
  };
}

export type PassageStore = Awaited<ReturnType<typeof createPassageStore>>;
