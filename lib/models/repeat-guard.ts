interface Logits {
  data: unknown;
  dims: readonly number[];
}

const keyOf = (ids: readonly number[]) => ids.join(",");

/** How often each run of `size` consecutive ids stands in `ids`. */
function runCounts(ids: readonly number[], size: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let at = 0; at + size <= ids.length; at++) {
    const key = keyOf(ids.slice(at, at + size));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * A Transformers.js logits processor that keeps an answer from going round in a cycle: a run of `size` tokens
 * may stand in the answer as often as in the prompt, and once if the prompt lacks it. A small model copying its
 * input can otherwise loop where a copy the bias feeds leads back to itself ("Fine-Tuning LLM: Fine-tuning LLM:
 * Fine-tuning LLM: …" until the token budget runs out). Unlike Transformers.js's `no_repeat_ngram_size`, a
 * copy of the prompt is never held against the answer: a list that repeats a phrase may be copied whole.
 *
 * A token that would repeat a run is banned. When it was the model's favourite, the answer closes there instead
 * (`closers`, the first token of its marker, made the best), if the other processors allow it: a model that
 * wants to go round again has lost its copy, and what it writes next is seldom better than stopping. It runs
 * after the other processors and never bans the last token they left possible. One processor serves one
 * generation: the prompt is the ids of its first call.
 */
export function createRepeatGuard(size: number, closers: readonly number[] = []) {
  let promptLength = -1;
  let allowed = new Map<string, number>();
  return (inputIds: bigint[][], logits: Logits): Logits => {
    const ids = inputIds[0] ?? [];
    if (promptLength < 0) {
      promptLength = ids.length;
      allowed = runCounts(ids.map(Number), size);
    }
    const answer = ids.slice(promptLength).map(Number);
    const lead = size - 1;
    if (size < 2 || answer.length < lead) return logits;
    const tail = answer.slice(answer.length - lead);
    // Each token that has followed the answer's last `lead` tokens before, and how often.
    const followers = new Map<number, number>();
    for (let at = 0; at + lead < answer.length; at++)
      if (tail.every((id, k) => answer[at + k] === id)) {
        const next = answer[at + lead] as number;
        followers.set(next, (followers.get(next) ?? 0) + 1);
      }
    const banned = [...followers].flatMap(([next, times]) =>
      times >= Math.max(1, allowed.get(keyOf([...tail, next])) ?? 0) ? [next] : [],
    );
    if (banned.length === 0) return logits;
    const scores = logits.data as Float32Array;
    const best = scores.reduce((top, score) => Math.max(top, score), Number.NEGATIVE_INFINITY);
    const favourite = banned.some((id) => scores[id] === best);
    let possible = scores.reduce((count, score) => (score > Number.NEGATIVE_INFINITY ? count + 1 : count), 0);
    for (const id of banned)
      if ((scores[id] as number) > Number.NEGATIVE_INFINITY && possible > 1) {
        scores[id] = Number.NEGATIVE_INFINITY;
        possible--;
      }
    if (favourite)
      for (const closer of closers)
        if ((scores[closer] ?? Number.NEGATIVE_INFINITY) > Number.NEGATIVE_INFINITY)
          scores[closer] = best + 1;
    return logits;
  };
}
