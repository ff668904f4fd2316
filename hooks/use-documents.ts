"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { decodeFile } from "../lib/documents/decode-file";
import {
  DOCUMENTS_CHANNEL,
  type DocumentsDb,
  deleteDocument,
  listDocuments,
  openDocuments,
  type StoredDocument,
  storeDocument,
  storeEdit,
} from "../lib/documents/document-store";
import { acceptedFile, DOCUMENT_LIMITS, validateDocument } from "../lib/documents/validate-document";
import { createError, describeError } from "../lib/errors";
import type { DocumentChange } from "./use-rag-worker";

export type { StoredDocument };

/** One line about one document or file: what happened to it, or why it was refused. */
export interface DocumentMessage {
  kind: "info" | "error";
  text: string;
}

type Update = (change: DocumentChange) => Promise<{ passages: number; ms: number }>;

const toChange = (document: StoredDocument): DocumentChange =>
  document.passageId ? { edit: { passageId: document.passageId, text: document.text } } : { add: document };
const undoChange = (document: StoredDocument): DocumentChange =>
  document.passageId ? { restore: document.passageId } : { remove: document.id };

const errorText = (error: unknown) => describeError(error).message;

/**
 * The user's documents: kept in IndexedDB, where the limits are enforced, so a reload loses nothing and two
 * tabs cannot exceed them together; sent to the search worker each time its index (re)starts, since the
 * shipped index holds only the article. Tabs tell each other of every change, and each brings its own index
 * and list into step with what is stored.
 */
export function useDocuments(ready: boolean, update: Update) {
  const [documents, setDocuments] = useState<StoredDocument[]>([]);
  const [messages, setMessages] = useState<DocumentMessage[]>([]);
  const [lastUpdateMs, setLastUpdateMs] = useState<number | null>(null);
  const db = useRef<Promise<DocumentsDb | null> | null>(null);
  // What this tab's search worker holds, by document id: a restarted worker holds only the article.
  const indexed = useRef(new Map<string, StoredDocument>());
  const channel = useRef<BroadcastChannel | null>(null);
  // Changes run one at a time, so a sync never interleaves with an add or a removal.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const database = useCallback(() => {
    db.current ??= openDocuments().catch(() => null);
    return db.current;
  }, []);

  const serial = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(task, task);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const announce = useCallback(() => channel.current?.postMessage("changed"), []);

  /** Brings the list, and the worker's index when it is ready, into step with what is stored. */
  const sync = useCallback(
    () =>
      serial(async () => {
        const store = await database();
        const stored = store ? await listDocuments(store) : [];
        // The indexing time is this visit's, kept beside what IndexedDB stores.
        const withTimes = () => stored.map((d) => ({ ...d, indexMs: indexed.current.get(d.id)?.indexMs }));
        setDocuments(withTimes());
        if (!ready) return;
        const problems: DocumentMessage[] = [];
        for (const document of stored) {
          const known = indexed.current.get(document.id);
          if (known && known.text === document.text) continue;
          await update(toChange(document))
            .then(({ ms }) => indexed.current.set(document.id, { ...document, indexMs: ms }))
            .catch((error: unknown) =>
              problems.push({ kind: "error", text: `${document.title}: ${errorText(error)}` }),
            );
        }
        const ids = new Set(stored.map((d) => d.id));
        for (const [id, document] of indexed.current) {
          if (ids.has(id)) continue;
          await update(undoChange(document)).catch(() => undefined);
          indexed.current.delete(id);
        }
        setDocuments(withTimes());
        if (problems.length > 0) setMessages(problems);
      }),
    [serial, database, ready, update],
  );

  useEffect(() => {
    if (!ready) indexed.current.clear();
    void sync();
  }, [ready, sync]);

  useEffect(() => {
    if (typeof BroadcastChannel === "undefined") return;
    const listening = new BroadcastChannel(DOCUMENTS_CHANNEL);
    listening.onmessage = () => void sync();
    channel.current = listening;
    return () => {
      listening.close();
      channel.current = null;
    };
  }, [sync]);

  /** Stores, then indexes, one document; a document the index refuses is not kept. */
  const addOne = useCallback(
    async (title: string, text: string): Promise<DocumentMessage> => {
      const store = await database();
      try {
        const document = validateDocument({ id: `user-${crypto.randomUUID()}`, title, text });
        if (!store) throw new Error("this browser cannot store documents (IndexedDB is unavailable)");
        const stored = await storeDocument(store, document);
        try {
          const { passages, ms } = await update({ add: stored });
          const kept = { ...stored, passages, indexMs: ms };
          indexed.current.set(kept.id, kept);
          setLastUpdateMs(ms);
          return {
            kind: "info",
            text: `Added "${kept.title}": ${passages} passages indexed in ${ms.toFixed(1)} ms.`,
          };
        } catch (error) {
          await deleteDocument(store, stored.id);
          throw error;
        }
      } catch (error) {
        return { kind: "error", text: errorText(error) };
      }
    },
    [database, update],
  );

  const add = useCallback(
    (title: string, text: string) =>
      serial(async () => {
        const message = await addOne(title, text);
        setMessages([message]);
        return message.kind === "info";
      }).finally(() => {
        announce();
        void sync();
      }),
    [serial, addOne, announce, sync],
  );

  /** Adds each file in turn; every file gets its own message, whether it was added or why it was not. */
  const addFiles = useCallback(
    (files: readonly File[]) =>
      serial(async () => {
        const results: DocumentMessage[] = [];
        for (const file of files) {
          if (!acceptedFile(file.name)) {
            const error = createError("DOCUMENT_WRONG_TYPE", {
              name: JSON.stringify(file.name),
              types: DOCUMENT_LIMITS.fileTypes.join(" and "),
            });
            results.push({ kind: "error", text: error.message });
          } else {
            const text = decodeFile(new Uint8Array(await file.arrayBuffer()));
            results.push(await addOne(file.name.replace(/\.(txt|md)$/i, ""), text));
          }
          setMessages([...results]);
        }
      }).finally(() => {
        announce();
        void sync();
      }),
    [serial, addOne, announce, sync],
  );

  const edit = useCallback(
    (passageId: string, section: string, text: string) =>
      serial(async () => {
        try {
          const checked = validateDocument({ id: `edit:${passageId}`, title: `Edited: ${section}`, text });
          const stored: StoredDocument = { ...checked, passageId, addedAt: Date.now() };
          const { ms } = await update(toChange(stored));
          indexed.current.set(stored.id, stored);
          const store = await database();
          if (store) await storeEdit(store, stored);
          setLastUpdateMs(ms);
          setMessages([{ kind: "info", text: `Passage edited: the index updated in ${ms.toFixed(1)} ms.` }]);
        } catch (error) {
          setMessages([{ kind: "error", text: errorText(error) }]);
        }
      }).finally(() => {
        announce();
        void sync();
      }),
    [serial, update, database, announce, sync],
  );

  const remove = useCallback(
    (id: string) =>
      serial(async () => {
        try {
          const store = await database();
          const document = indexed.current.get(id) ?? documents.find((d) => d.id === id);
          if (document) {
            const { ms } = await update(undoChange(document));
            setMessages([{ kind: "info", text: `Removed from the index in ${ms.toFixed(1)} ms.` }]);
          }
          indexed.current.delete(id);
          if (store) await deleteDocument(store, id);
        } catch (error) {
          setMessages([{ kind: "error", text: errorText(error) }]);
        }
      }).finally(() => {
        announce();
        void sync();
      }),
    [serial, database, documents, update, announce, sync],
  );

  /** Removes every added document and passage edit (the demo's reset). */
  const removeAll = useCallback(async () => {
    for (const document of documents) await remove(document.id);
  }, [documents, remove]);

  return { documents, messages, lastUpdateMs, add, addFiles, edit, remove, removeAll };
}
