import { beforeAll, describe, expect, it } from "vitest";
import { toPassages } from "../documents/to-passages";
import { loadRagPipeline } from "../node/rag";
import type { RagPipeline } from "./pipeline";

let pipeline: RagPipeline;
beforeAll(async () => {
  pipeline = await loadRagPipeline();
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
