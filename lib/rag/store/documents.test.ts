import { beforeAll, describe, expect, it } from "vitest";
import { toPassages } from "../../documents/to-passages";
import { loadRagPipeline } from "../../node/rag";
import type { RagPipeline } from "../pipeline";

let pipeline: RagPipeline;
beforeAll(async () => {
  pipeline = (await loadRagPipeline({ withReader: false })).pipeline;
});

const fact = {
  id: "user-mascot",
  title: "Demo notes",
  text: "# Demo notes\n\nThe project mascot is a purple heron named Quill.",
};

describe("documents added at run time", () => {
  it("are cited for a question the article cannot answer, and vanish when removed", async () => {
    const question = "What is the project mascot called?";
    expect((await pipeline.ask(question)).citations.some((c) => c.id.startsWith("user-mascot:"))).toBe(false);

    const before = pipeline.retriever.size();
    expect(await pipeline.retriever.addDocument(toPassages(fact))).toBe(1);
    const result = await pipeline.ask(question);
    expect(result.abstained).toBe(false);
    expect(result.citations[0]).toMatchObject({ id: "user-mascot:1", section: "Demo notes" });
    expect(result.answer).toContain("Quill");

    // Adding the same document again replaces it rather than duplicating it.
    await pipeline.retriever.addDocument(
      toPassages({ ...fact, text: `${fact.text}\n\nIt has a blue scarf.` }),
    );
    expect(pipeline.retriever.size()).toBe(before + 2);

    expect(await pipeline.retriever.removeDocument("user-mascot")).toBe(2);
    expect(pipeline.retriever.size()).toBe(before);
    expect((await pipeline.ask(question)).citations.some((c) => c.id.startsWith("user-mascot:"))).toBe(false);
  });
});

describe("editing a passage", () => {
  it("changes what is retrieved and cited, and can be undone", async () => {
    const question = "Which approach has a retrieval component?";
    const before = await pipeline.ask(question);
    const row = before.citations[0];
    expect(row?.text).toContain("Retrieval Component: Retrieval Augmented Generation (RAG): Yes");
    const edited =
      "Retrieval Component: Retrieval Augmented Generation (RAG): Yes, a vector database; Fine-Tuning LLM: No";
    const writtenFor = async () =>
      (await pipeline.retriever.retrieve(question))
        .find((hit) => hit.passage.id === row?.id)
        ?.written.filter((w) => w.evidence !== null).length;
    expect(await writtenFor()).toBeGreaterThan(0);
    expect(await pipeline.retriever.editPassage(row?.id ?? "", edited)).toBe(true);
    const after = await pipeline.ask(question);
    expect(after.citations.find((c) => c.id === row?.id)?.text).toBe(edited);
    // The questions no longer say which sentence they were written for: they count for every sentence.
    expect(await writtenFor()).toBe(0);

    expect(await pipeline.retriever.restorePassage(row?.id ?? "")).toBe(true);
    expect((await pipeline.ask(question)).citations.find((c) => c.id === row?.id)?.text).toBe(row?.text);
    expect(await writtenFor()).toBeGreaterThan(0);
    expect(await pipeline.retriever.restorePassage(row?.id ?? "")).toBe(false);
    expect(await pipeline.retriever.editPassage("no-such-passage", "x")).toBe(false);
  });

  it("answers from the edited text, when the edited passage is the one retrieved first", async () => {
    const question = "Who wrote the article?";
    const before = await pipeline.ask(question);
    const author = before.citations.find((c) => c.text.includes("Aqsa Zafar"));
    expect(author).toBeDefined();
    const edited = "Written By Dana Okafor, a lecturer in information retrieval.";
    expect(await pipeline.retriever.editPassage(author?.id ?? "", edited)).toBe(true);
    const after = await pipeline.ask(question);
    expect(after.citations[0]?.id).toBe(author?.id);
    expect(after.answer).toContain("Dana Okafor");
    await pipeline.retriever.restorePassage(author?.id ?? "");
  });
});
