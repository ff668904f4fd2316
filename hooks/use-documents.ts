"use client";
import { type IDBPDatabase, openDB } from "idb";
import { useCallback, useEffect, useRef, useState } from "react";
import type { SourceDocument } from "../lib/documents/types";
import { DOCUMENT_LIMITS, validateDocument } from "../lib/documents/validate-document";
import { describeError } from "../lib/errors";
import type { DocumentChange } from "./use-rag-worker";

export interface StoredDocument extends SourceDocument {
  addedAt: number;
  passages?: number;
  /** How long the search worker took to index it, in this visit. */
  indexMs?: number;
  /** Set when this is an edit of an indexed passage rather than a new document. */
  passageId?: string;
}

const DB_NAME = "rag-vs-fine-tuning";
const STORE = "documents";

function database(): Promise<IDBPDatabase> {
  return openDB(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore(STORE, { keyPath: "id" });
    },
  });
}

type Update = (change: DocumentChange) => Promise<{ passages: number; ms: number }>;

const toChange = (document: StoredDocument): DocumentChange =>
  document.passageId ? { edit: { passageId: document.passageId, text: document.text } } : { add: document };

/**
 * The user's documents: kept in IndexedDB so a reload loses nothing, and sent to the search worker each
 * time its index (re)starts, since the shipped index holds only the article.
 */
export function useDocuments(ready: boolean, update: Update) {
  const [documents, setDocuments] = useState<StoredDocument[]>([]);
  const [status, setStatus] = useState<{ kind: "info" | "error"; text: string } | null>(null);
  const [lastUpdateMs, setLastUpdateMs] = useState<number | null>(null);
  const loaded = useRef<Promise<StoredDocument[]> | null>(null);

  useEffect(() => {
    loaded.current ??= database()
      .then((db) => db.getAll(STORE) as Promise<StoredDocument[]>)
      .then((stored) => stored.sort((a, b) => a.addedAt - b.addedAt))
      .catch(() => []);
    void loaded.current.then(setDocuments);
  }, []);

  // Each time the worker's index becomes ready (first load, or a retry), give it the stored documents.
  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    void (async () => {
      const stored = (await loaded.current) ?? [];
      for (const document of stored) {
        if (cancelled) return;
        await update(toChange(document))
          .then(({ ms }) =>
            setDocuments((current) => current.map((d) => (d.id === document.id ? { ...d, indexMs: ms } : d))),
          )
          .catch((error: unknown) =>
            setStatus({ kind: "error", text: `${document.title}: ${describeError(error).message}` }),
          );
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [ready, update]);

  const add = useCallback(
    async (title: string, text: string) => {
      try {
        const document = validateDocument(
          { id: `user-${crypto.randomUUID()}`, title, text },
          documents.length,
        );
        const { passages, ms } = await update({ add: document });
        const stored: StoredDocument = { ...document, addedAt: Date.now(), passages };
        await (await database()).put(STORE, stored);
        setDocuments((current) => [...current, { ...stored, indexMs: ms }]);
        setLastUpdateMs(ms);
        setStatus({
          kind: "info",
          text: `Added "${document.title}": ${passages} passages indexed in ${ms.toFixed(1)} ms.`,
        });
        return true;
      } catch (error) {
        setStatus({ kind: "error", text: describeError(error).message });
        return false;
      }
    },
    [documents.length, update],
  );

  const addFiles = useCallback(
    async (files: readonly File[]) => {
      for (const file of files) {
        if (!DOCUMENT_LIMITS.fileTypes.some((type) => file.name.toLowerCase().endsWith(type))) {
          setStatus({
            kind: "error",
            text: `${file.name}: only ${DOCUMENT_LIMITS.fileTypes.join(" and ")} files can be added.`,
          });
          continue;
        }
        await add(file.name.replace(/\.(txt|md)$/i, ""), await file.text());
      }
    },
    [add],
  );

  const edit = useCallback(
    async (passageId: string, section: string, text: string) => {
      try {
        // The same limits as a new document; an edit replaces a passage, so it does not count against the number.
        const checked = validateDocument({ id: `edit:${passageId}`, title: `Edited: ${section}`, text }, 0);
        const stored: StoredDocument = { ...checked, passageId, addedAt: Date.now() };
        const { ms } = await update(toChange(stored));
        await (await database()).put(STORE, stored);
        setDocuments((current) => [...current.filter((d) => d.id !== stored.id), stored]);
        setLastUpdateMs(ms);
        setStatus({ kind: "info", text: `Passage edited: the index updated in ${ms.toFixed(1)} ms.` });
      } catch (error) {
        setStatus({ kind: "error", text: describeError(error).message });
      }
    },
    [update],
  );

  const remove = useCallback(
    async (id: string) => {
      try {
        const document = documents.find((d) => d.id === id);
        const { ms } = await update(document?.passageId ? { restore: document.passageId } : { remove: id });
        await (await database()).delete(STORE, id);
        setDocuments((current) => current.filter((document) => document.id !== id));
        setStatus({ kind: "info", text: `Removed from the index in ${ms.toFixed(1)} ms.` });
      } catch (error) {
        setStatus({ kind: "error", text: describeError(error).message });
      }
    },
    [documents, update],
  );

  return { documents, status, lastUpdateMs, add, addFiles, edit, remove };
}
