import { describe, expect, it } from "vitest";
import { findSmallTalk, withoutPleasantries } from "./small-talk";

describe("findSmallTalk", () => {
  it.each([
    ["hello", "pleasantry"],
    ["Hi there! How are you doing today?", "pleasantry"],
    ["Thanks, that was really helpful 🙏", "pleasantry"],
    ["THANK YOU SO MUCH", "pleasantry"],
    ["ok bye, see ya later", "pleasantry"],
    ["You’re awesome, thanks!", "pleasantry"],
    ["Are you a bot?", "about-the-assistant"],
    ["Who am I talking to?", "about-the-assistant"],
    ["What's your favourite film?", "about-the-assistant"],
    ["Tell me a joke about robots.", "creative-request"],
    ["write me a poem about search engines", "creative-request"],
    ["Compose a short haiku on vectors", "creative-request"],
  ])("finds small talk in %j", (text, kind) => {
    expect(findSmallTalk(text)).toBe(kind);
  });

  it.each([
    "Hi, what does the retrieval component of RAG do?",
    "Thanks! And which approach needs labelled data?",
    "How are RAG and fine-tuning different?",
    "Is fine-tuning good?",
    "What do you add to your favorite game, in the article's analogy?",
    "How does writing a story relate to RAG?",
    "Who is the author?",
    "",
  ])("leaves the question %j alone", (question) => {
    expect(findSmallTalk(question)).toBeNull();
  });
});

describe("withoutPleasantries", () => {
  it.each([
    ["Hi! What is RAG?", "What is RAG?"],
    ["Hello there, thanks. Which approach needs labelled data?", "Which approach needs labelled data?"],
    ["Good morning! How are you? Who wrote the article?", "Who wrote the article?"],
    ["Thanks!", "Thanks!"],
    ["It is great, but which one is cheaper?", "It is great, but which one is cheaper?"],
    ["What is RAG? Thanks!", "What is RAG? Thanks!"],
  ])("%j asks %j", (question, asked) => {
    expect(withoutPleasantries(question)).toBe(asked);
  });
});
