import { describe, expect, it } from "vitest";
import { createRepeatGuard } from "./repeat-guard";

const VOCAB = 8;
const BANNED = Number.NEGATIVE_INFINITY;

/** The scores the guard leaves for the next token, after `answer` followed `prompt` (one call per token). */
function scoresAfter(
  prompt: number[],
  answer: number[],
  size = 3,
  before?: Float32Array,
  closers: number[] = [],
): Float32Array {
  const guard = createRepeatGuard(size, closers);
  const fresh = () => ({ data: new Float32Array(VOCAB), dims: [1, VOCAB] });
  guard([prompt.map(BigInt)], fresh());
  let logits: { data: Float32Array; dims: number[] } = fresh();
  for (let k = 1; k <= answer.length; k++) {
    logits = k === answer.length && before ? { data: before, dims: [1, VOCAB] } : fresh();
    guard([[...prompt, ...answer.slice(0, k)].map(BigInt)], logits);
  }
  return logits.data;
}

describe("the repeat guard", () => {
  it("bans the token that would write again a run the answer already holds and the prompt lacks", () => {
    // Answer 1 2 3 1 2: a 3 next would repeat the run 1 2 3.
    const scores = scoresAfter([5, 6, 7], [1, 2, 3, 1, 2]);
    expect(scores[3]).toBe(BANNED);
    expect([...scores].filter((score) => score === BANNED)).toHaveLength(1);
  });

  it("lets the answer copy a run as often as the prompt holds it, and no more", () => {
    // The prompt holds 1 2 3 twice: a copy may write it twice, not a third time.
    const prompt = [1, 2, 3, 4, 1, 2, 3, 5];
    expect(scoresAfter(prompt, [1, 2, 3, 4, 1, 2])[3]).toBe(0);
    expect(scoresAfter(prompt, [1, 2, 3, 4, 1, 2, 3, 5, 1, 2])[3]).toBe(BANNED);
  });

  it("leaves alone an answer shorter than a run, and runs that differ in any token", () => {
    expect([...scoresAfter([], [1, 2])]).not.toContain(BANNED);
    expect([...scoresAfter([], [1, 2, 3, 1, 4])]).not.toContain(BANNED);
  });

  it("closes the answer where the model's favourite token would go round again, if its marker is allowed", () => {
    const CLOSER = 7;
    const favouring = (id: number) => {
      const scores = new Float32Array(VOCAB);
      scores[id] = 2;
      return scores;
    };
    const wantsToLoop = scoresAfter([5, 6], [1, 2, 3, 1, 2], 3, favouring(3), [CLOSER]);
    expect(wantsToLoop[3]).toBe(BANNED);
    expect(wantsToLoop[CLOSER]).toBe(3);
    // A repeat the model does not favour is only banned; a marker the other processors ruled out stays out.
    const elsewhere = scoresAfter([5, 6], [1, 2, 3, 1, 2], 3, favouring(4), [CLOSER]);
    expect([elsewhere[3], elsewhere[CLOSER]]).toEqual([BANNED, 0]);
    const masked = favouring(3);
    masked[CLOSER] = BANNED;
    expect(scoresAfter([5, 6], [1, 2, 3, 1, 2], 3, masked, [CLOSER])[CLOSER]).toBe(BANNED);
  });

  it("never bans the last token the other processors left possible", () => {
    const onlyOne = new Float32Array(VOCAB).fill(BANNED);
    onlyOne[3] = 1;
    expect(scoresAfter([], [1, 2, 3, 1, 2], 3, onlyOne)[3]).toBe(1);
  });
});
