import { describe, expect, it } from "vitest";
import type { Passage, PassageKind } from "../../documents/types";
import { runPositions } from "../store/runs";
import { isAt, namedPassages, positionReferences } from "./position";

describe("positionReferences", () => {
  it.each([
    ["What is the third reason to choose RAG?", [{ position: 3, kind: "list-item" }]],
    ["In the 4th row of the chart, what is compared?", [{ position: 4, kind: "table-row" }]],
    ["What does the last bullet point say?", [{ position: -1, kind: "list-item" }]],
    ["The second-to-last row of the table?", [{ position: -2, kind: "table-row" }]],
    ["Summarize the conclusion's first sentence.", [{ position: 1, kind: null }]],
    ["What happens in step 2?", [{ position: 2, kind: "list-item" }]],
    ["What's the opening move when you retrain a model?", [{ position: 1, kind: "list-item" }]],
    ["What does the closing paragraph say?", [{ position: -1, kind: "paragraph" }]],
  ] as const)("finds the place named in %j", (question, expected) => {
    expect(positionReferences(question)).toEqual(expected);
  });

  it.each([
    "Write a SQL query that returns the second highest salary.",
    "How does the article first describe fine-tuning?",
    "What is the article's first explanation of fine-tuning?",
    "What are the three steps of RAG?",
    "Is step 0 missing?",
    "What is RAG?",
  ])("names no place in %j", (question) => {
    expect(positionReferences(question)).toEqual([]);
  });
});

let n = 0;
const passage = (section: string, kind: PassageKind, documentId = "doc"): Passage => {
  n += 1;
  return { id: `${documentId}:${n}`, documentId, documentTitle: "Doc", section, kind, text: `passage ${n}` };
};

describe("runPositions", () => {
  it("counts each run of one kind under one heading on its own, in document order", () => {
    n = 0;
    const intro = passage("Steps", "paragraph");
    const steps = [
      passage("Steps", "list-item"),
      passage("Steps", "list-item"),
      passage("Steps", "list-item"),
    ];
    const after = passage("Steps", "paragraph");
    const otherHeading = passage("Reasons", "list-item");
    const sameHeadingLater = [passage("Steps", "list-item"), passage("Steps", "list-item")];
    // Shuffled: the order comes from the ids, not from the order they are given in.
    const positions = runPositions([
      after,
      ...[...steps].reverse(),
      otherHeading,
      intro,
      ...sameHeadingLater,
    ]);
    // A run is named by its first passage.
    const run = steps[0]?.id;
    expect(steps.map((p) => positions.get(p.id))).toEqual([
      { run, index: 1, count: 3, kind: "list-item" },
      { run, index: 2, count: 3, kind: "list-item" },
      { run, index: 3, count: 3, kind: "list-item" },
    ]);
    expect(positions.get(intro.id)).toEqual({ run: intro.id, index: 1, count: 1, kind: "paragraph" });
    expect(positions.get(after.id)).toEqual({ run: after.id, index: 1, count: 1, kind: "paragraph" });
    expect(positions.get(otherHeading.id)).toEqual({
      run: otherHeading.id,
      index: 1,
      count: 1,
      kind: "list-item",
    });
    expect(sameHeadingLater.map((p) => positions.get(p.id))).toEqual([
      { run: sameHeadingLater[0]?.id, index: 1, count: 2, kind: "list-item" },
      { run: sameHeadingLater[0]?.id, index: 2, count: 2, kind: "list-item" },
    ]);
  });

  it("keeps documents apart", () => {
    n = 0;
    const a = passage("Notes", "list-item", "a");
    const b = passage("Notes", "list-item", "b");
    const positions = runPositions([a, b]);
    expect(positions.get(a.id)?.count).toBe(1);
    expect(positions.get(b.id)?.count).toBe(1);
  });
});

describe("isAt", () => {
  const third = { run: "doc:1", index: 3, count: 5, kind: "list-item" } as const;
  it("matches a position from the start or from the end, and the kind when one is named", () => {
    expect(isAt({ position: 3, kind: "list-item" }, third)).toBe(true);
    expect(isAt({ position: 3, kind: null }, third)).toBe(true);
    expect(isAt({ position: -3, kind: null }, third)).toBe(true);
    expect(isAt({ position: 2, kind: null }, third)).toBe(false);
    expect(isAt({ position: 3, kind: "table-row" }, third)).toBe(false);
  });

  it("finds no order in a run of one", () => {
    expect(isAt({ position: 1, kind: null }, { run: "doc:1", index: 1, count: 1, kind: "paragraph" })).toBe(
      false,
    );
    expect(isAt({ position: -1, kind: null }, { run: "doc:1", index: 1, count: 1, kind: "paragraph" })).toBe(
      false,
    );
  });
});

describe("namedPassages", () => {
  // Two lists of three under their own headings; the question's words reach the second list.
  n = 0;
  const steps = [1, 2, 3].map(() => passage("Steps", "list-item"));
  const reasons = [1, 2, 3].map(() => passage("Reasons", "list-item"));
  const positions = runPositions([...steps, ...reasons]);
  const scores = new Map([
    [reasons[0]?.id ?? "", 0.9],
    [reasons[1]?.id ?? "", 0.8],
    [steps[0]?.id ?? "", 0.5],
    [steps[1]?.id ?? "", 0.4],
    [reasons[2]?.id ?? "", 0.3],
    [steps[2]?.id ?? "", 0],
  ]);
  const last = [{ position: -1, kind: null }];

  it("names the place only in the runs that the best-scoring passages fall in", () => {
    expect(namedPassages(last, scores, positions, 2)).toEqual(new Set([reasons[2]?.id]));
    expect(namedPassages(last, scores, positions, 3)).toEqual(new Set([reasons[2]?.id, steps[2]?.id]));
  });

  it("names nothing when the question names no place, or no reached run has it", () => {
    expect(namedPassages([], scores, positions, 6)).toEqual(new Set());
    expect(namedPassages([{ position: 4, kind: null }], scores, positions, 6)).toEqual(new Set());
    expect(namedPassages(last, new Map(), positions, 6)).toEqual(new Set());
  });
});
