import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { deleteDocument, listDocuments, openDocuments, storeDocument, storeEdit } from "./document-store";
import { DOCUMENT_LIMITS } from "./validate-document";

beforeEach(async () => {
  const db = await openDocuments();
  for (const document of await listDocuments(db)) await deleteDocument(db, document.id);
  db.close();
});

const doc = (n: number, title = `Doc ${n}`) => ({ id: `user-${n}`, title, text: `Fact number ${n}.` });

describe("the document store", () => {
  it("keeps at most the limit, however many are added at once, and says why for each one refused", async () => {
    // Two connections, as two tabs have: each adds 15 documents, all at the same time.
    const [a, b] = await Promise.all([openDocuments(), openDocuments()]);
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, n) => storeDocument(n % 2 === 0 ? a : b, doc(n))),
    );
    const refused = results.filter((result) => result.status === "rejected");
    expect(await listDocuments(a)).toHaveLength(DOCUMENT_LIMITS.maxDocuments);
    expect(refused).toHaveLength(30 - DOCUMENT_LIMITS.maxDocuments);
    for (const result of refused) {
      expect(result.status === "rejected" && result.reason).toMatchObject({
        code: "TOO_MANY_DOCUMENTS",
        message: expect.stringMatching(/^"Doc \d+": at most 20 documents/),
      });
    }
  });

  it("does not count passage edits against the limit", async () => {
    const db = await openDocuments();
    await storeEdit(db, {
      id: "edit:article:3",
      title: "Edited",
      text: "x",
      addedAt: 1,
      passageId: "article:3",
    });
    for (let n = 0; n < DOCUMENT_LIMITS.maxDocuments; n++) await storeDocument(db, doc(n));
    expect(await listDocuments(db)).toHaveLength(DOCUMENT_LIMITS.maxDocuments + 1);
  });

  it("numbers a title another document already has, and lists documents in the order they were added", async () => {
    const db = await openDocuments();
    await storeDocument(db, doc(1, "Notes"));
    const second = await storeDocument(db, doc(2, "Notes"));
    expect(second.title).toBe("Notes (2)");
    expect((await listDocuments(db)).map((d) => d.title)).toEqual(["Notes", "Notes (2)"]);
  });
});
