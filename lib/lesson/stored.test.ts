import { describe, expect, it } from "vitest";
import type { LessonEntry } from "./lesson";
import { alreadyRecorded, MAX_STORED_ENTRIES, readStoredLesson, storedLesson } from "./stored";

const entry: LessonEntry = {
  question: "Who wrote the article?",
  knowledge: "article+questions",
  ragMode: "extractive",
  rag: { answer: "Written By Aqsa Zafar. [1]", verdict: "agrees", totalMs: 4.2 },
  cited: ["Written By Aqsa Zafar"],
  fineTuned: { answer: "Aqsa Zafar.", verdict: null, totalMs: 120 },
};

describe("the lesson a tab keeps", () => {
  it("reads back what it stores, without the record's own fields", () => {
    const stored = storedLesson([{ ...entry, key: "a" } as LessonEntry]);
    expect(JSON.parse(stored)[0]).not.toHaveProperty("key");
    expect(readStoredLesson(stored)).toEqual([entry]);
  });

  it("reads nothing from a missing or damaged value, and leaves out entries of another shape", () => {
    expect(readStoredLesson(null)).toEqual([]);
    expect(readStoredLesson("{not json")).toEqual([]);
    expect(readStoredLesson('{"question":"x"}')).toEqual([]);
    const odd = [
      entry,
      { ...entry, knowledge: "everything" },
      { ...entry, rag: { ...entry.rag, verdict: "maybe" } },
      { ...entry, cited: [1] },
      { ...entry, fineTuned: null },
      "text",
    ];
    expect(readStoredLesson(JSON.stringify(odd))).toEqual([entry]);
  });

  it("keeps the newest entries of a very long lesson", () => {
    const many = Array.from({ length: MAX_STORED_ENTRIES + 5 }, (_, i) => ({ ...entry, question: `Q${i}` }));
    const read = readStoredLesson(storedLesson(many));
    expect(read).toHaveLength(MAX_STORED_ENTRIES);
    expect(read[0]?.question).toBe("Q5");
  });

  it("knows an exchange already recorded: same question, setting, mode and answers", () => {
    expect(alreadyRecorded([entry], { ...entry, rag: { ...entry.rag, totalMs: 9 } })).toBe(true);
    expect(alreadyRecorded([entry], { ...entry, ragMode: "generative" })).toBe(false);
    expect(alreadyRecorded([entry], { ...entry, knowledge: "article" })).toBe(false);
    expect(
      alreadyRecorded([entry], { ...entry, fineTuned: { ...entry.fineTuned, answer: "Someone." } }),
    ).toBe(false);
    expect(alreadyRecorded([], entry)).toBe(false);
  });
});
