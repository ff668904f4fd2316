import type { Passage } from "../documents/types";

/** Passage `n` of a one-section test document, "Notes" (id `notes:n`). */
export const notesPassage = (n: number, text: string): Passage => ({
  id: `notes:${n}`,
  documentId: "notes",
  documentTitle: "Notes",
  section: "Notes",
  kind: "paragraph",
  text,
});
