/**
 * Decoding that keeps a model's words within a vocabulary: at each step, every token that would write a word
 * outside it (or a run of letters no word of it starts with) gets a score of minus infinity. Words are runs of
 * letters, compared as written (NFKC), case included: the vocabulary lists each form it allows
 * (lib/text/letter-words.ts, writtenForms). Punctuation, digits and citation markers are never masked; a word
 * must be whole when a non-letter or the end of the text follows it.
 */

/** A token's text as runs of letters: those before its first non-letter, between, and after its last. */
export interface TokenShape {
  /** Letters only (no boundary inside): it extends the word being written. */
  letters: boolean;
  lead: string;
  /** The whole words inside the token, each with whether an apostrophe comes right before it. */
  inner: { word: string; apostrophe: boolean }[];
  tail: string;
  /** Whether an apostrophe comes right before the tail (the next word, when the tail is empty). */
  tailApostrophe: boolean;
}

// A split character's byte decodes to U+FFFD: it may be half of a curly apostrophe, so it counts as one.
const endsWithApostrophe = (separator: string) => /['\u2019\uFFFD]$/u.test(separator);

/** The shape of each token's text, decoded alone (a byte of a split character decodes to U+FFFD: a non-letter). */
export function tokenShapes(pieces: readonly string[]): TokenShape[] {
  return pieces.map((piece) => {
    // Runs of letters at even indices, the separators between them at odd ones.
    const parts = piece.normalize("NFKC").split(/(\P{L}+)/u);
    const lead = parts[0] ?? "";
    if (parts.length === 1) {
      return { letters: lead.length > 0, lead, inner: [], tail: "", tailApostrophe: false };
    }
    const inner: TokenShape["inner"] = [];
    for (let k = 2; k < parts.length - 1; k += 2) {
      const word = parts[k] ?? "";
      if (word) inner.push({ word, apostrophe: endsWithApostrophe(parts[k - 1] ?? "") });
    }
    return {
      letters: false,
      lead,
      inner,
      tail: parts.at(-1) ?? "",
      tailApostrophe: endsWithApostrophe(parts.at(-2) ?? ""),
    };
  });
}

/**
 * The pieces of English contractions ("it's", "don't", "we'll"): words of the vocabulary only right after an
 * apostrophe. Written alone they are the loops a small model falls into ("The s s s s").
 */
export const CONTRACTION_PIECES: ReadonlySet<string> = new Set(["s", "t", "d", "m", "ll", "re", "ve"]);

/**
 * The contraction pieces that must follow an apostrophe for a text: all of them, less those the text writes
 * as words of their own ("Ph.D." holds a "D" with no apostrophe before it).
 */
export function apostrophePieces(
  text: string,
  pieces: ReadonlySet<string> = CONTRACTION_PIECES,
): Set<string> {
  const alone = new Set<string>();
  const normalized = text.normalize("NFKC");
  for (const match of normalized.matchAll(/\p{L}+/gu)) {
    if (!/['\u2019]/u.test(normalized.charAt(match.index - 1))) alone.add(match[0].toLowerCase());
  }
  return new Set([...pieces].filter((piece) => !alone.has(piece)));
}

/** Every prefix of every word, the empty one included: what a word being written may be so far. */
function prefixesOf(words: ReadonlySet<string>): Set<string> {
  const prefixes = new Set<string>([""]);
  for (const word of words) for (let end = 1; end <= word.length; end++) prefixes.add(word.slice(0, end));
  return prefixes;
}

interface Logits {
  data: unknown;
  dims: readonly number[];
}

/**
 * A Transformers.js logits processor (a function of the ids so far and the next token's logits) that masks
 * every token writing a word outside `words`. `shapes` is tokenShapes of the model's vocabulary; `endIds` are the
 * end-of-text tokens, allowed only after a whole word. One processor serves one generation: it follows the
 * word being written from the tokens added since its first call.
 */
export function createWordMask(
  shapes: readonly TokenShape[],
  words: ReadonlySet<string>,
  endIds: number[],
  pieces: ReadonlySet<string> = CONTRACTION_PIECES,
) {
  const prefixes = prefixesOf(words);
  const ends = new Set(endIds);
  // The words of the vocabulary that are contraction pieces in any case ("s", "S"), found once, not per token.
  const pieceWords = new Set([...words].filter((word) => pieces.has(word.toLowerCase())));
  const whole = (word: string, apostrophe: boolean) =>
    word === "" || (words.has(word) && (apostrophe || !pieceWords.has(word)));
  // Whether a token's own whole words and its trailing letters are allowed depends on the vocabulary alone.
  const ownOk = shapes.map(
    (shape) =>
      shape.letters ||
      (shape.inner.every(({ word, apostrophe }) => whole(word, apostrophe)) && prefixes.has(shape.tail)),
  );
  let seen = -1;
  let partial = "";
  let partialApostrophe = false;

  return (inputIds: bigint[][], logits: Logits): Logits => {
    const ids = inputIds[0] ?? [];
    if (seen < 0) seen = ids.length;
    for (; seen < ids.length; seen++) {
      const shape = shapes[Number(ids[seen])];
      if (!shape) continue;
      if (shape.letters) partial += shape.lead;
      else {
        partial = shape.tail;
        partialApostrophe = shape.tailApostrophe;
      }
    }
    const scores = logits.data as Float32Array;
    const vocab = logits.dims.at(-1) ?? scores.length;
    const partialWhole = whole(partial, partialApostrophe);
    for (let id = 0; id < vocab; id++) {
      const shape = shapes[id];
      let ok: boolean;
      if (ends.has(id) || !shape) ok = partialWhole;
      else if (shape.letters) ok = prefixes.has(partial + shape.lead);
      else ok = ownOk[id] === true && whole(partial + shape.lead, partialApostrophe);
      if (!ok) scores[id] = Number.NEGATIVE_INFINITY;
    }
    return logits;
  };
}

/**
 * An answer cut by the token budget may end inside a word, or inside a marker ("[1"): the unfinished word (a
 * final run of letters outside `words`) and marker are dropped.
 */
export function dropUnfinished(answer: string, words: ReadonlySet<string>): string {
  let text = answer.replace(/\s*\[\d*$/u, "");
  const last = /\p{L}+$/u.exec(text);
  if (last && !words.has(last[0].normalize("NFKC"))) text = text.slice(0, last.index);
  return text.trimEnd();
}
