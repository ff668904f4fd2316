/**
 * Decoding that leans towards copying its input: when the tokens written last also stand, in that order, in the
 * prompt, the token that follows them there gets a bonus on its score. A small model copying a sentence
 * otherwise slips into a near-miss ("super-up", "its its its") where its sources read on; the bonus is soft, so
 * the model still chooses where to start, what to leave out and when to stop. Only tokens that stay within a
 * line are favoured: a newline or a marker bracket is the prompt's layout, never the answer's. Where the copy
 * reaches the end of its line, the token that closes an answer (its marker's bracket) can be made the best
 * one: a line without a full stop (a table row) otherwise runs on into the next row.
 */

interface Logits {
  data: unknown;
  dims: readonly number[];
}

export interface CopyBias {
  /** Added to the score of each token that would continue a copy. */
  bonus: number;
  /** The most tokens just written that are matched (longer matches tell no more). */
  maxMatch: number;
  /** Whether an answer closes where its copy reaches a line's end (a line is one sentence, an answer too). */
  closeAtLineEnd: boolean;
}

/** What the copy bias needs to know of each token of a vocabulary, decoded alone. */
export interface CopyTokens {
  /** May be favoured: holds no newline and no bracket. */
  copyable: boolean[];
  /** Holds a newline: copying it would mean the line has ended. */
  lineBreak: boolean[];
  /** The first token of the text that closes an answer. */
  closers: number[];
}

export const copyTokens = (pieces: readonly string[], closers: number[]): CopyTokens => ({
  copyable: pieces.map((piece) => !/[\n[\]]/u.test(piece)),
  lineBreak: pieces.map((piece) => piece.includes("\n")),
  closers,
});

/** The prompt tokens that follow the longest run of tokens ending `written` (at most maxMatch) found in the prompt. */
export function copyContinuations(
  prompt: readonly number[],
  written: readonly number[],
  maxMatch: number,
): number[] {
  for (let length = Math.min(maxMatch, written.length); length > 0; length--) {
    const tail = written.slice(-length);
    const next = new Set<number>();
    for (let at = 0; at + length < prompt.length; at++) {
      if (tail.every((id, k) => prompt[at + k] === id)) next.add(prompt[at + length] as number);
    }
    if (next.size > 0) return [...next];
  }
  return [];
}

/**
 * A Transformers.js logits processor adding `bonus` to every copyable token that continues a copy of the
 * prompt, and, with `closeAtLineEnd`, making the closers the best tokens where the copy meets a line's end.
 * One processor serves one generation: the prompt is the ids it sees on its first call.
 */
export function createCopyBias({ copyable, lineBreak, closers }: CopyTokens, bias: CopyBias) {
  let prompt: number[] | null = null;
  return (inputIds: bigint[][], logits: Logits): Logits => {
    const ids = (inputIds[0] ?? []).map(Number);
    prompt ??= ids;
    const written = ids.slice(prompt.length);
    // Once the answer is closing (its marker begun), the copy is over.
    if (written.some((id) => closers.includes(id))) return logits;
    const scores = logits.data as Float32Array;
    const next = copyContinuations(prompt, written, bias.maxMatch);
    for (const id of next) if (copyable[id]) scores[id] = (scores[id] as number) + bias.bonus;
    if (bias.closeAtLineEnd && next.some((id) => lineBreak[id])) {
      // The copy has reached its line's end: the answer's sentence is whole, so its closing is made the best.
      const best = scores.reduce((top, score) => Math.max(top, score), Number.NEGATIVE_INFINITY);
      for (const closer of closers) scores[closer] = best + 1;
    }
    return logits;
  };
}
