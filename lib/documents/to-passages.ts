import { type Block, parseBlocks } from "./parse-blocks";
import type { Passage, PassageKind, SourceDocument } from "./types";

/** Paragraphs longer than this many words are split at sentence ends, so one passage stays one idea. */
export const MAX_PASSAGE_WORDS = 120;

const SENTENCE_END = /(?<=[.!?…])\s+(?=\S)/u;

/**
 * A "sentence" over the limit (a transcript or notes pasted without full stops, a code block) is cut into
 * runs of words: else the whole text would be one passage, cited and quoted whole.
 */
function sentencesOf(text: string): string[] {
  return text.split(SENTENCE_END).flatMap((sentence) => {
    const words = sentence.split(/\s+/);
    if (words.length <= MAX_PASSAGE_WORDS) return [sentence];
    const runs: string[] = [];
    for (let i = 0; i < words.length; i += MAX_PASSAGE_WORDS)
      runs.push(words.slice(i, i + MAX_PASSAGE_WORDS).join(" "));
    return runs;
  });
}

function splitLongText(text: string): string[] {
  const words = text.split(/\s+/).length;
  if (words <= MAX_PASSAGE_WORDS) return [text];
  const chunks: string[] = [];
  let current: string[] = [];
  let count = 0;
  for (const sentence of sentencesOf(text)) {
    const n = sentence.split(/\s+/).length;
    if (count + n > MAX_PASSAGE_WORDS && current.length > 0) {
      chunks.push(current.join(" "));
      current = [];
      count = 0;
    }
    current.push(sentence);
    count += n;
  }
  if (current.length > 0) chunks.push(current.join(" "));
  return chunks;
}

/** A table row keeps its column meaning, e.g. "Retrieval Component: RAG: Yes; Fine-Tuning LLM: No". */
export function describeTableRow(header: readonly string[], row: readonly string[]): string {
  const [aspect = "", ...cells] = row;
  const described = cells
    .map((cell, index) => (cell ? `${header[index + 1] ?? `Column ${index + 2}`}: ${cell}` : ""))
    .filter(Boolean);
  return `${aspect}: ${described.join("; ")}`;
}

function blockTexts(block: Block): { kind: PassageKind; text: string }[] {
  switch (block.type) {
    case "heading":
      return [];
    case "paragraph":
      return splitLongText(block.text).map((text) => ({ kind: "paragraph", text }));
    case "list-item":
      return splitLongText(block.text).map((text) => ({ kind: "list-item", text }));
    case "table":
      return block.rows
        .filter((row) => row.some((cell) => cell !== ""))
        .map((row) => ({ kind: "table-row", text: describeTableRow(block.header, row) }));
  }
}

function isBareQuestion(text: string): boolean {
  return /\?\s*$/.test(text) && !/[.!]\s/.test(text);
}

function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Splits a document into passages, each with its section heading. A level-1 heading is the title. */
export function toPassages(document: SourceDocument): Passage[] {
  const passages: Passage[] = [];
  let title = document.title;
  let section = document.title;
  const blocks = parseBlocks(document.text);
  // A list item that repeats a heading of the same document is a table-of-contents entry: navigation, not
  // content, and it would outrank the section it points to.
  const headings = new Set(
    blocks.flatMap((block) => (block.type === "heading" ? [normalizeHeading(block.text)] : [])),
  );
  const push = (kind: PassageKind, text: string) => {
    passages.push({
      id: `${document.id}:${passages.length + 1}`,
      documentId: document.id,
      documentTitle: title,
      section,
      kind,
      text,
    });
  };
  // The list items that are only questions (the article's FAQ list, never answered), gathered into one
  // passage: one at a time, each read as the answer to the very question it asks.
  let questions: string[] = [];
  const flushQuestions = () => {
    if (questions.length > 0) push("question-list", questions.join("\n"));
    questions = [];
  };
  for (const block of blocks) {
    if (block.type === "list-item" && headings.has(normalizeHeading(block.text))) continue;
    if (block.type === "list-item" && isBareQuestion(block.text)) {
      questions.push(block.text);
      continue;
    }
    flushQuestions();
    if (block.type === "heading") {
      if (block.level === 1 && passages.length === 0) title = block.text;
      section = block.text;
      continue;
    }
    for (const { kind, text } of blockTexts(block)) push(kind, text);
  }
  flushQuestions();
  return passages;
}
