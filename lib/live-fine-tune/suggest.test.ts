import { describe, expect, it } from "vitest";
import { checkQuestions, verdict } from "./checks";
import { questionFor, reword, sentences, suggestPairs } from "./suggest";

describe("pairs suggested from a document", () => {
  it("splits Markdown into sentences, headings and list marks removed", () => {
    expect(
      sentences("# Title\n\nThe mascot is a heron. It was chosen in 2026.\n- Lists count too here."),
    ).toEqual(["The mascot is a heron.", "It was chosen in 2026.", "Lists count too here."]);
  });

  it("asks what a sentence's subject is, or what the document says", () => {
    expect(questionFor("The demo's mascot is a purple heron named Quill.", "Fact")).toBe(
      "What is the demo's mascot?",
    );
    expect(questionFor("The clinic has two RAG assistants.", "Fact")).toBe("What does the clinic have?");
    expect(questionFor("Quill flies every morning.", "Fact")).toBe('What does "Fact" say?');
  });

  it("suggests one pair per sentence, the sentence as the answer, with no repeated question", () => {
    const pairs = suggestPairs(
      "Notes",
      "Quill flies. The heron is purple and tall. Nothing else flies here at all.",
    );
    expect(pairs).toEqual([
      { question: "What is the heron?", answer: "The heron is purple and tall." },
      { question: 'What does "Notes" say?', answer: "Nothing else flies here at all." },
    ]);
  });

  it("rewords a question by pattern, or wraps it", () => {
    expect(reword("What is the demo's mascot called?")).toBe("What name does the demo's mascot have?");
    expect(reword("Who chose the mascot?")).toBe("Which person or group chose the mascot?");
    expect(reword("Why is the sky blue?")).toBe("Could you tell me: why is the sky blue?");
  });
});

describe("the afterwards questions and their verdict", () => {
  it("offers the trained question, a rewording and an article question, judged as the question sets judge answers", () => {
    const checks = checkQuestions({ question: "Who chose the mascot?", answer: "The class chose it." });
    expect(checks.map((c) => c.kind)).toEqual(["trained", "reworded", "article"]);
    expect(checks[1]?.reference).toBe("The class chose it.");
    expect(verdict("The class chose it.", "the class chose it")).toEqual({ f1: 1, agrees: true });
    expect(verdict("The class chose Quill.", "The class chose it.").agrees).toBe(false);
  });
});
