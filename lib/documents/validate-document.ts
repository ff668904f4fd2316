import { createError } from "../errors";
import type { SourceDocument } from "./types";

/** Stated limits for documents a user adds: shown in the UI, enforced here. */
export const DOCUMENT_LIMITS = {
  maxDocuments: 20,
  maxCharacters: 100_000,
  maxTitleCharacters: 120,
  fileTypes: [".txt", ".md"],
} as const;

/** Checks a document against the limits and normalises its text; throws a coded error otherwise. */
export function validateDocument(document: SourceDocument, existing: number): SourceDocument {
  const title = document.title
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, DOCUMENT_LIMITS.maxTitleCharacters);
  const text = document.text.normalize("NFC").replace(/\r\n?/g, "\n");
  const name = JSON.stringify(title || "untitled");
  if (text.trim() === "") throw createError("EMPTY_DOCUMENT", name);
  const length = [...text].length;
  if (length > DOCUMENT_LIMITS.maxCharacters) {
    throw createError("DOCUMENT_TOO_LARGE", name, length, DOCUMENT_LIMITS.maxCharacters);
  }
  if (existing >= DOCUMENT_LIMITS.maxDocuments)
    throw createError("TOO_MANY_DOCUMENTS", DOCUMENT_LIMITS.maxDocuments);
  return { id: document.id, title: title || "Untitled document", text };
}
