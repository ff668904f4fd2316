import type { PassageKind } from "../../documents/types";
import { NOUN_REACH } from "../settings";
import type { RunPosition } from "../store/runs";

/**
 * Where a question points inside a document's structure: "the third reason to choose RAG", "the last step",
 * "the fourth row of the table". Word matching cannot tell the third of five reasons from the others (they
 * share the section's words, and "first" and "third" are close word vectors), but the passages know their
 * place in their list (store/runs.ts).
 */

/** Ordinal words and the position each names: from the start when positive; -1 is the last, -2 the one before. */
const ORDINAL_WORDS = {
  first: 1,
  opening: 1,
  initial: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  last: -1,
  final: -1,
  closing: -1,
  penultimate: -2,
} as const satisfies Record<string, number>;

/**
 * Nouns that make an ordinal a place in the document, each with the kind of passage it counts among (null
 * leaves the kind open). An ordinal without one names no place: "the second highest salary", "when it first
 * defines fine-tuning", "the article's first explanation". Not "section": places count within a run of
 * passages, and a section is many runs.
 */
const PLACE_NOUNS = {
  row: "table-row",
  bullet: "list-item",
  item: "list-item",
  point: "list-item",
  reason: "list-item",
  step: "list-item",
  stage: "list-item",
  phase: "list-item",
  move: "list-item",
  paragraph: "paragraph",
  entry: null,
  line: null,
  part: null,
  sentence: null,
  thing: null,
  one: null,
} as const satisfies Record<string, PassageKind | null>;

/** A place a question names: the position (1 = first, -1 = last) and, when the question says, the kind. */
export interface PositionReference {
  position: number;
  kind: PassageKind | null;
}

function isOrdinal(word: string): word is keyof typeof ORDINAL_WORDS {
  return Object.hasOwn(ORDINAL_WORDS, word);
}

/** The noun's entry in PLACE_NOUNS (plurals too), or undefined when it names no place. */
function placeKind(word: string): PassageKind | null | undefined {
  const singular = word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
  return Object.hasOwn(PLACE_NOUNS, singular) ? PLACE_NOUNS[singular as keyof typeof PLACE_NOUNS] : undefined;
}

/** "3rd", "12th". */
const ORDINAL = /^(\d{1,2})(?:st|nd|rd|th)$/;
/** "3" in "step 3". */
const NUMBER = /^\d{1,2}$/;

/**
 * The positions a question names: an ordinal ("third", "3rd", "last", "second-to-last") with a place noun
 * after it ("the third reason", "the last row"), or a place noun with a number ("step 3", "row #4").
 */
export function positionReferences(question: string): PositionReference[] {
  const tokens =
    question
      .toLowerCase()
      .replace(/\b(?:second|next)[\s-]+to[\s-]+last\b/g, "penultimate")
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const references: PositionReference[] = [];
  tokens.forEach((token, i) => {
    const ordinal = ORDINAL.exec(token);
    if (isOrdinal(token) || ordinal) {
      const kind = tokens
        .slice(i + 1, i + 1 + NOUN_REACH)
        .map(placeKind)
        .find((found) => found !== undefined);
      const position = isOrdinal(token) ? ORDINAL_WORDS[token] : Number(ordinal?.[1]);
      if (kind !== undefined && position !== 0) references.push({ position, kind });
      return;
    }
    const kind = placeKind(token);
    const number = NUMBER.exec(tokens[i + 1] ?? "");
    if (kind !== undefined && number && Number(number[0]) > 0)
      references.push({ position: Number(number[0]), kind });
  });
  return references;
}

/** Whether a passage stands where a reference points. A run of one has no order, so nothing is "first" in it. */
export function isAt(reference: PositionReference, at: RunPosition): boolean {
  if (at.count < 2) return false;
  if (reference.kind !== null && reference.kind !== at.kind) return false;
  const index = reference.position > 0 ? reference.position : at.count + 1 + reference.position;
  return index === at.index;
}

/**
 * The passages at the places a question names, in the runs its words reach: runs holding one of the `reach`
 * best-scoring passages. "The third reason to choose RAG" names the third passage of every run of three or
 * more; the question's words pick the reasons to choose RAG.
 */
export function namedPassages(
  references: readonly PositionReference[],
  scores: ReadonlyMap<string, number>,
  positions: ReadonlyMap<string, RunPosition>,
  reach: number,
): Set<string> {
  const reached = new Set(
    [...scores]
      .filter(([, score]) => score > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, reach)
      .flatMap(([id]) => positions.get(id)?.run ?? []),
  );
  const named = new Set<string>();
  for (const [id, at] of positions) {
    if (reached.has(at.run) && references.some((reference) => isAt(reference, at))) named.add(id);
  }
  return named;
}
