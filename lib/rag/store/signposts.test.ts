import { describe, expect, it } from "vitest";
import type { Passage } from "../../documents/types";
import { createRetriever } from "../rank/retriever";
import { testVectors } from "../test-vectors";
import { buildIndex } from "./build-index";
import { signposts } from "./signposts";

const passage = (n: number, section: string, text: string, kind: Passage["kind"] = "paragraph"): Passage => ({
  id: `guide:${n}`,
  documentId: "guide",
  documentTitle: "A Guide to Rockets",
  section,
  kind,
  text,
});

const passages = [
  passage(1, "A Guide to Rockets", "Now, without further ado, let's get started-"),
  passage(2, "A Guide to Rockets", "First, let's understand how rocket engines work."),
  passage(3, "How Rocket Engines Work", "A rocket engine burns fuel and pushes hot gas out of a nozzle."),
  passage(4, "How Rocket Engines Work", "Now, let's see the engines.", "list-item"),
  passage(5, "Launch Day", "Now, let's understand the launch: the countdown starts at ten."),
];

describe("signposts", () => {
  it("are paragraphs made only of heading words and discourse words", () => {
    expect([...signposts(passages)]).toEqual(["guide:1", "guide:2"]);
  });

  it("never include a list item, a long paragraph, or one that says something new", () => {
    const found = signposts(passages);
    expect(found.has("guide:4")).toBe(false);
    expect(found.has("guide:5")).toBe(false);
    const long = passage(6, "How Rocket Engines Work", `${"now ".repeat(30)}rocket engines work`);
    expect(signposts([...passages, long]).has("guide:6")).toBe(false);
  });

  it("are left out of retrieval only when the retriever is asked to", async () => {
    const vectors = testVectors({ rocket: [1, 0], engines: [0, 1] });
    const ids = async (skipSignposts: boolean) => {
      const retriever = await createRetriever(await buildIndex(passages), vectors, { skipSignposts });
      return (await retriever.retrieve("how do rocket engines work?", 5)).map((hit) => hit.passage.id);
    };
    expect(await ids(false)).toContain("guide:2");
    expect(await ids(true)).not.toContain("guide:2");
    expect(await ids(true)).toContain("guide:3");
  });
});
