import { count, search } from "@orama/orama";
import { analyze } from "../store/analyzer";
import { embed } from "../store/dense";
import type { PassageDb } from "../store/schema";
import type { WordVectors } from "../store/word-vectors";
import { contentWords } from "../store/words";
import {
  type ClassifierExample,
  loadClassifier,
  type PassageClassifierModel,
  saveClassifier,
  trainPassageClassifier,
} from "./passage-classifier";

/** A question (or a passage's own words) as the classifier reads it: its stems and its averaged word vector. */
export function classifierInput(vectors: WordVectors, text: string): Omit<ClassifierExample, "labels"> {
  const words = contentWords(text);
  const embedding = new Float32Array(vectors.dimensions);
  embed(vectors, words, embedding);
  return { stems: words.flatMap((word) => analyze(word)), embedding };
}

/** What the classifier learns from: each passage's own words and every question written for it, by passage. */
export async function classifierTexts(db: PassageDb): Promise<{ label: string; text: string }[]> {
  const all = await search(db, { term: "", limit: Math.max(1, count(db)) });
  return all.hits.flatMap(({ document }) => {
    const { id, section, text, keywords } = document as {
      id: string;
      section: string;
      text: string;
      keywords: string;
    };
    const questions = keywords ? keywords.split("\n").filter((line) => line.trim()) : [];
    return [`${section} ${text}`, ...questions].map((line) => ({ label: id, text: line }));
  });
}

/** A hash of the texts (FNV-1a, 32 bits, hex): a saved model whose source differs was learned from others. */
export function classifierSource(texts: readonly { label: string; text: string }[]): string {
  let hash = 0x811c9dc5;
  for (const { label, text } of texts) {
    for (const char of `${label}\t${text}\n`) {
      hash ^= char.codePointAt(0) as number;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return hash.toString(16).padStart(8, "0");
}

/** Trains the index's classifier, as shipped: quantized, so every caller ranks with the same weights. */
export async function trainIndexClassifier(db: PassageDb, vectors: WordVectors) {
  const texts = await classifierTexts(db);
  const examples = texts.map(({ label, text }) => ({ ...classifierInput(vectors, text), labels: [label] }));
  const saved = saveClassifier(trainPassageClassifier(examples, vectors.dimensions), classifierSource(texts));
  return { saved, model: loadClassifier(saved) };
}

/**
 * The saved model when it was learned from this index's texts, else one trained now. `vectors` is asked for
 * only to train: loading a saved model needs no word vectors.
 */
export async function classifierFor(
  db: PassageDb,
  vectors: () => WordVectors,
  saved: { source?: unknown } | null,
): Promise<PassageClassifierModel> {
  if (saved && saved.source === classifierSource(await classifierTexts(db))) return loadClassifier(saved);
  return (await trainIndexClassifier(db, vectors())).model;
}
