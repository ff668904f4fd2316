import { describe, expect, it } from "vitest";
import { lessonToCsv } from "./csv";
import type { LessonEntry } from "./lesson";
import { decodeLesson, encodeLesson } from "./link";
import { lessonToMarkdown, parseLessonMarkdown } from "./markdown";

const entries: LessonEntry[] = [
  {
    question: "Who wrote the article?",
    knowledge: "article+questions",
    ragMode: "extractive",
    rag: { answer: "Written By Aqsa Zafar. [1]", verdict: "agrees", totalMs: 4.2 },
    cited: ["Written By Aqsa Zafar", "Conclusion"],
    fineTuned: { answer: "The article is written by Aqsa Zafar.", verdict: "agrees", totalMs: 120 },
  },
  {
    question: 'What is the capital of "France"? | a pipe',
    knowledge: "article",
    ragMode: "generative",
    rag: { answer: "The sources don't cover this question.", verdict: "declined", totalMs: 1.5 },
    cited: [],
    fineTuned: { answer: "=SUM(A1) The author tried…", verdict: "answered-anyway", totalMs: 1500 },
  },
];

describe("the lesson record", () => {
  it("reads back the Markdown it writes", () => {
    const markdown = lessonToMarkdown(entries, "3 December 2026");
    expect(parseLessonMarkdown(markdown)).toEqual(entries);
  });

  it("writes CSV a spreadsheet opens safely: quoted fields, no formulas", () => {
    const csv = lessonToCsv(entries);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('"What is the capital of ""France""? | a pipe"');
    expect(lines[2]).toContain('"\'=SUM(A1) The author tried…"');
  });

  it("replays from a link: the questions in order, anything else ignored", () => {
    const questions = entries.map((e) => e.question);
    expect(decodeLesson(encodeLesson(questions))).toEqual(questions);
    expect(decodeLesson("not-base64!")).toEqual([]);
    expect(decodeLesson(encodeLesson([]))).toEqual([]);
  });
});
