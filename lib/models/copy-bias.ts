/**
 * Decoding that leans towards copying its input. The processor follows the copy being written: the places in
 * the prompt where the tokens written since the copy began stand, in that order. The token that follows them
 * there gets a bonus on its score; when a written token leaves every such place, a new copy starts wherever
 * that token stands in the prompt. A small model copying a sentence otherwise slips into a near-miss
 * ("super-up", "its its its") where its sources read on. The bonus is soft, so the model still chooses where
 * to start, what to leave out and when to stop.
 *
 * Only tokens that stay within a line are favoured: a newline or a marker bracket is the prompt's layout, never
 * the answer's. Where the copy reaches the end of its line, the token that closes an answer (its marker's
 * bracket) can be made the best one: a line without a full stop (a table row) otherwise runs on into the next
 * row. Before anything is written, the first line's first token can get a bonus of its own: the lines come
 * best first.
 */

interface Logits {
  data: unknown;
  dims: readonly number[];
}

export interface CopyBias {
  /** Added to the score of each token that would continue the copy. */
  bonus: number;
  /** Whether an answer closes where its copy reaches a line's end (a line is one sentence, an answer too). */
  closeAtLineEnd: boolean;
  /**
   * Added, before anything is written, to the first token of the prompt's first line: the answer starts from
   * the best line unless the model prefers another by more than this.
   */
  firstLineBonus: number;
}

/** What the copy bias needs to know of each token of a vocabulary, decoded alone. */
export interface CopyTokens {
  /** Each token's text. */
  pieces: readonly string[];
  /** May be favoured: holds no newline and no bracket. */
  copyable: boolean[];
  /** Holds a newline: copying it would mean the line has ended. */
  lineBreak: boolean[];
  /** The first token of the text that closes an answer. */
  closers: number[];
}

export const copyTokens = (pieces: readonly string[], closers: number[]): CopyTokens => ({
  pieces,
  copyable: pieces.map((piece) => !/[\n[\]]/u.test(piece)),
  lineBreak: pieces.map((piece) => piece.includes("\n")),
  closers,
});

/** The first token of the prompt's first line: the one after its first "[n]" marker ("[", digits, "]"). */
export function firstLineToken(prompt: readonly number[], pieces: readonly string[]): number | null {
  for (let at = 0; at + 1 < prompt.length; at++) {
    if (pieces[prompt[at] as number] !== "[") continue;
    let close = at + 1;
    while (close < prompt.length && /^\d+$/u.test(pieces[prompt[close] as number] ?? "")) close++;
    if (close > at + 1 && pieces[prompt[close] as number] === "]") return prompt[close + 1] ?? null;
  }
  return null;
}

/**
 * Follows a copy of `prompt` token by token: after each written token, the prompt positions the copy would
 * continue from (the index of the token to copy next), empty when the token stands nowhere in the prompt.
 */
export function createCopyFollower(prompt: readonly number[]) {
  const places = new Map<number, number[]>();
  prompt.forEach((id, at) => {
    const list = places.get(id) ?? [];
    list.push(at + 1);
    places.set(id, list);
  });
  let next: number[] = [];
  return {
    write(id: number): void {
      const extended = next.filter((at) => prompt[at] === id).map((at) => at + 1);
      next = extended.length > 0 ? extended : (places.get(id) ?? []);
    },
    /** The tokens that would continue the copy. */
    continuations: (): number[] => [
      ...new Set(next.filter((at) => at < prompt.length).map((at) => prompt[at] as number)),
    ],
  };
}

/**
 * A Transformers.js logits processor applying the bias to one generation: the prompt is the ids it sees on its
 * first call.
 */
export function createCopyBias({ pieces, copyable, lineBreak, closers }: CopyTokens, bias: CopyBias) {
  let follower: ReturnType<typeof createCopyFollower> | null = null;
  let seen = 0;
  let closing = false;
  return (inputIds: bigint[][], logits: Logits): Logits => {
    const ids = inputIds[0] ?? [];
    const scores = logits.data as Float32Array;
    if (!follower) {
      const prompt = ids.map(Number);
      follower = createCopyFollower(prompt);
      seen = ids.length;
      const first = firstLineToken(prompt, pieces);
      if (first !== null) scores[first] = (scores[first] as number) + bias.firstLineBonus;
      return logits;
    }
    for (; seen < ids.length; seen++) {
      const id = Number(ids[seen]);
      // Once the answer is closing (its marker begun), the copy is over.
      closing ||= closers.includes(id);
      follower.write(id);
    }
    if (closing) return logits;
    const next = follower.continuations();
    for (const id of next) if (copyable[id]) scores[id] = (scores[id] as number) + bias.bonus;
    if (bias.closeAtLineEnd && next.some((id) => lineBreak[id])) {
      // The copy has reached its line's end: the answer's sentence is whole, so its closing is made the best.
      const best = scores.reduce((top, score) => Math.max(top, score), Number.NEGATIVE_INFINITY);
      for (const closer of closers) scores[closer] = best + 1;
    }
    return logits;
  };
}
