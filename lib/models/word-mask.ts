/**
 * Decoding that keeps a model's words within a vocabulary: at each step, every token that would write a word
 * outside it (or a run of letters no word of it starts with) gets a score of minus infinity. Words are runs of
 * letters, lowercase (lib/text/letter-words.ts), so punctuation, digits and citation markers are never
 * masked; a word must be whole when a non-letter or the end of the text follows it.
 */

/** A token's text as runs of letters: those before its first non-letter, between, and after its last. */
export interface TokenShape {
  /** Letters only (no boundary inside): it extends the word being written. */
  letters: boolean;
  lead: string;
  inner: string[];
  tail: string;
}

/** The shape of each token's text, decoded alone (a byte of a split character decodes to U+FFFD: a non-letter). */
export function tokenShapes(pieces: readonly string[]): TokenShape[] {
  return pieces.map((piece) => {
    const runs = piece.normalize("NFKC").toLowerCase().split(/\P{L}/u);
    const lead = runs[0] ?? "";
    if (runs.length === 1) return { letters: lead.length > 0, lead, inner: [], tail: "" };
    return { letters: false, lead, inner: runs.slice(1, -1).filter(Boolean), tail: runs.at(-1) ?? "" };
  });
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
export function createWordMask(shapes: readonly TokenShape[], words: ReadonlySet<string>, endIds: number[]) {
  const prefixes = prefixesOf(words);
  const ends = new Set(endIds);
  // Whether a token's own whole words and its trailing letters are allowed depends on the vocabulary alone.
  const ownOk = shapes.map(
    (shape) => shape.letters || (shape.inner.every((w) => words.has(w)) && prefixes.has(shape.tail)),
  );
  let seen = -1;
  let partial = "";
  const whole = (word: string) => word === "" || words.has(word);

  return (inputIds: bigint[][], logits: Logits): Logits => {
    const ids = inputIds[0] ?? [];
    if (seen < 0) seen = ids.length;
    for (; seen < ids.length; seen++) {
      const shape = shapes[Number(ids[seen])];
      if (shape) partial = shape.letters ? partial + shape.lead : shape.tail;
    }
    const scores = logits.data as Float32Array;
    const vocab = logits.dims.at(-1) ?? scores.length;
    const partialWhole = whole(partial);
    for (let id = 0; id < vocab; id++) {
      const shape = shapes[id];
      let ok: boolean;
      if (ends.has(id) || !shape) ok = partialWhole;
      else if (shape.letters) ok = prefixes.has(partial + shape.lead);
      else ok = ownOk[id] === true && whole(partial + shape.lead);
      if (!ok) scores[id] = Number.NEGATIVE_INFINITY;
    }
    return logits;
  };
}
