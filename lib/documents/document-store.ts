import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import { createError } from "../errors";
import type { SourceDocument } from "./types";
import { DOCUMENT_LIMITS, distinctTitle } from "./validate-document";

/** A user's document as it is kept in this browser. */
export interface StoredDocument extends SourceDocument {
  addedAt: number;
  passages?: number;
  /** How long the search worker took to index it, in this visit (not stored). */
  indexMs?: number;
  /** Set when this is an edit of an indexed passage rather than a new document (it does not count). */
  passageId?: string;
}

interface DocumentsSchema extends DBSchema {
  documents: { key: string; value: StoredDocument };
}

const DB_NAME = "rag-vs-fine-tuning";
const STORE = "documents";
/** Other tabs of this site hear of every change here, so each keeps its index and list in step. */
export const DOCUMENTS_CHANNEL = "rag-vs-fine-tuning-documents";

export type DocumentsDb = IDBPDatabase<DocumentsSchema>;

export function openDocuments(): Promise<DocumentsDb> {
  return openDB<DocumentsSchema>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore(STORE, { keyPath: "id" });
    },
  });
}

export async function listDocuments(db: DocumentsDb): Promise<StoredDocument[]> {
  return (await db.getAll(STORE)).sort((a, b) => a.addedAt - b.addedAt);
}

/**
 * Stores a new document if the limit allows, in one read-write transaction: IndexedDB runs those one at a
 * time, so two tabs adding at once cannot both see room for the last one. A title another document already
 * has is numbered. Resolves with the document as stored.
 */
export async function storeDocument(db: DocumentsDb, document: SourceDocument): Promise<StoredDocument> {
  const tx = db.transaction(STORE, "readwrite");
  const existing = await tx.store.getAll();
  const documents = existing.filter((stored) => stored.passageId === undefined);
  if (documents.length >= DOCUMENT_LIMITS.maxDocuments) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw createError("TOO_MANY_DOCUMENTS", {
      name: JSON.stringify(document.title),
      limit: DOCUMENT_LIMITS.maxDocuments,
    });
  }
  const stored: StoredDocument = {
    ...document,
    title: distinctTitle(
      document.title,
      documents.map((d) => d.title),
    ),
    addedAt: Date.now(),
  };
  await tx.store.put(stored);
  await tx.done;
  return stored;
}

/** Stores an edit of a passage (it replaces any earlier edit of the same passage). */
export async function storeEdit(db: DocumentsDb, edit: StoredDocument): Promise<void> {
  await db.put(STORE, edit);
}

export async function updateDocument(db: DocumentsDb, document: StoredDocument): Promise<void> {
  await db.put(STORE, document);
}

export async function deleteDocument(db: DocumentsDb, id: string): Promise<void> {
  await db.delete(STORE, id);
}
