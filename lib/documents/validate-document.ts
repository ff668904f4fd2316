import { createError } from "../errors";
import { withoutInvisibles } from "../text/invisible";
import type { SourceDocument } from "./types";

/** Stated limits for documents a user adds: shown in the UI, enforced here and where documents are stored. */
export const DOCUMENT_LIMITS = {
  maxDocuments: 20,
  maxCharacters: 100_000,
  maxTitleCharacters: 120,
  fileTypes: [".txt", ".md"],
} as const;

const MAX_CONTROL_SHARE = 0.01;

/** Control characters other than tab, line feed, vertical tab, form feed and carriage return, and U+FFFD. */
const isControl = (code: number) =>
  (code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f || code === 0xfffd;

/**
 * Why a text is not text, or null when it is: text never holds NUL, and a file decoded from binary bytes is
 * full of replacement and control characters.
 */
export function binaryReason(text: string): string | null {
  if (text.includes(String.fromCharCode(0))) return "it contains NUL characters";
  let controls = 0;
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) controls++;
  const share = controls / Math.max(1, text.length);
  return share > MAX_CONTROL_SHARE
    ? `${Math.round(share * 100)}% of its characters are control or undecodable bytes`
    : null;
}

/** A title as documents are listed: whitespace tidied, cut to the limit, never empty. */
export function normaliseTitle(title: string): string {
  const tidy = withoutInvisibles(title.normalize("NFC"))
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, DOCUMENT_LIMITS.maxTitleCharacters);
  return tidy || "Untitled document";
}

/** The title, numbered " (2)", " (3)"… when another document already has it, so each can be told apart. */
export function distinctTitle(title: string, taken: readonly string[]): string {
  if (!taken.includes(title)) return title;
  for (let n = 2; ; n++) {
    const numbered = `${title} (${n})`;
    if (!taken.includes(numbered)) return numbered;
  }
}

/** Whether a file's name is one of the accepted types. */
export const acceptedFile = (name: string) =>
  DOCUMENT_LIMITS.fileTypes.some((type) => name.toLowerCase().endsWith(type));

/**
 * Checks a document's own content against the limits and normalises it; throws a coded error naming it.
 * How many documents there are is checked where they are stored (document-store.ts), in one transaction.
 */
export function validateDocument(document: SourceDocument): SourceDocument {
  const title = normaliseTitle(document.title);
  const text = withoutInvisibles(document.text.normalize("NFC")).replace(/\r\n?/g, "\n");
  const name = JSON.stringify(title);
  const notText = binaryReason(text);
  if (notText) throw createError("DOCUMENT_NOT_TEXT", { name, reason: notText });
  if (text.trim() === "") throw createError("EMPTY_DOCUMENT", { name });
  const length = [...text].length;
  if (length > DOCUMENT_LIMITS.maxCharacters) {
    throw createError("DOCUMENT_TOO_LARGE", { name, length, limit: DOCUMENT_LIMITS.maxCharacters });
  }
  return { id: document.id, title, text };
}
