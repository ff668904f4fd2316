/**
 * Decoding that leans towards copying its input. The processor follows the copy being written: the places in
 * the prompt's text where the text written since the copy began stands. Every token that reads on from such a
 * place and ends where a prompt token ends gets a bonus on its score; when a written token leaves every place, a
 * new copy starts wherever that token's text stands at the start of a prompt token. A small model copying a
 * sentence otherwise slips into a near-miss ("super-up", "its its its") where its sources read on. The copy is
 * followed by its text, not its token ids, because the model may spell a word in other pieces than the prompt
 * does (" Re" + "t" for the prompt's " Ret"): followed by ids, such a copy is lost after one token, and the model
 * is free to wander into another word (" Re" + "le" + "vant"). The bonus is soft, so the model still chooses
 * where to start, what to leave out and when to stop.
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
  /**
   * The copyable tokens by their text's first two characters (the one, for a token of one): the candidates to
   * go on reading a text from a place are found under its next one and two characters.
   */
  byStart: ReadonlyMap<string, readonly number[]>;
}

export function copyTokens(pieces: readonly string[], closers: number[]): CopyTokens {
  const copyable = pieces.map((piece) => piece.length > 0 && !/[\n[\]]/u.test(piece));
  const byStart = new Map<string, number[]>();
  pieces.forEach((piece, id) => {
    if (!copyable[id]) return;
    const list = byStart.get(piece.slice(0, 2)) ?? [];
    list.push(id);
    byStart.set(piece.slice(0, 2), list);
  });
  return { pieces, copyable, lineBreak: pieces.map((piece) => piece.includes("\n")), closers, byStart };
}

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
 * Follows a copy of `prompt` by its text: after each written token, the offsets in the prompt's text the copy
 * would go on from, empty when the token's text stands at the start of no prompt token.
 */
export function createCopyFollower(prompt: readonly number[], tokens: CopyTokens) {
  const { pieces, lineBreak, byStart } = tokens;
  const starts: number[] = [];
  /** The prompt token that starts at each offset where one does. */
  const tokenAt = new Map<number, number>();
  let text = "";
  for (const id of prompt) {
    starts.push(text.length);
    tokenAt.set(text.length, id);
    text += pieces[id] ?? "";
  }
  const ends = new Set([...starts.slice(1), text.length]);
  let next: number[] = [];
  return {
    write(id: number): void {
      const piece = pieces[id] ?? "";
      const extended = next.filter((at) => text.startsWith(piece, at)).map((at) => at + piece.length);
      next =
        extended.length > 0 || piece.length === 0
          ? extended
          : starts.filter((at) => text.startsWith(piece, at)).map((at) => at + piece.length);
    },
    /**
     * The tokens that would go on reading the prompt from where the copy stands and end where a prompt token
     * ends: the prompt's own next token, or the rest of one the model began in other pieces. A token that
     * stops inside a prompt token (" Re" of " Ret") is not favoured: it opens the copy to every word it begins.
     */
    continuations(): number[] {
      const found = new Set<number>();
      for (const at of next)
        for (const start of [text.slice(at, at + 1), text.slice(at, at + 2)])
          for (const id of byStart.get(start) ?? []) {
            const piece = pieces[id] as string;
            if (ends.has(at + piece.length) && text.startsWith(piece, at)) found.add(id);
          }
      return [...found];
    },
    /** Whether the copy stands where its line ends: a newline follows, or a prompt token holding one. */
    atLineEnd: (): boolean =>
      next.some((at) => text.charAt(at) === "\n" || lineBreak[tokenAt.get(at) ?? -1] === true),
  };
}

/**
 * A Transformers.js logits processor applying the bias to one generation: the prompt is the ids it sees on its
 * first call.
 */
export function createCopyBias(tokens: CopyTokens, bias: CopyBias) {
  const { pieces, closers } = tokens;
  let follower: ReturnType<typeof createCopyFollower> | null = null;
  let seen = 0;
  let closing = false;
  return (inputIds: bigint[][], logits: Logits): Logits => {
    const ids = inputIds[0] ?? [];
    const scores = logits.data as Float32Array;
    if (!follower) {
      const prompt = ids.map(Number);
      follower = createCopyFollower(prompt, tokens);
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
    for (const id of follower.continuations()) scores[id] = (scores[id] as number) + bias.bonus;
    if (bias.closeAtLineEnd && follower.atLineEnd()) {
      // The copy has reached its line's end: the answer's sentence is whole, so its closing is made the best.
      const best = scores.reduce((top, score) => Math.max(top, score), Number.NEGATIVE_INFINITY);
      for (const closer of closers) scores[closer] = best + 1;
    }
    return logits;
  };
}
