import type { Answers, Guide } from "./types";

/** The query parameter holding the answers: `?a=ks.changing_tr.must` (criterion code, choice id). */
export const ANSWERS_PARAM = "a";

// "." and "_" are left as they are by URLSearchParams, so a shared address stays readable.
const PAIR = "_";
const SEPARATOR = ".";

/** The answers in the address's compact form, in the guide's question order; "" when there are none. */
export function encodeAnswers(guide: Guide, answers: Answers): string {
  return guide.criteria
    .flatMap((criterion) => {
      const choice = answers[criterion.id];
      return choice !== undefined && criterion.choices.some((c) => c.id === choice)
        ? [`${criterion.code}${SEPARATOR}${choice}`]
        : [];
    })
    .join(PAIR);
}

/**
 * Answers read back from the address. Whatever is not a known criterion code with one of its choices is
 * ignored, so an old, edited or truncated link opens with the answers it still holds; a repeated code keeps
 * its first answer.
 */
export function decodeAnswers(guide: Guide, encoded: string | null | undefined): Answers {
  const answers: Record<string, string> = {};
  if (!encoded) return answers;
  for (const pair of encoded.slice(0, 2000).split(PAIR)) {
    const [code, choice, ...rest] = pair.split(SEPARATOR);
    if (rest.length > 0 || !code || !choice) continue;
    const criterion = guide.criteria.find((c) => c.code === code);
    if (!criterion || criterion.id in answers) continue;
    if (criterion.choices.some((c) => c.id === choice)) answers[criterion.id] = choice;
  }
  return answers;
}

/** A relative address of the guide with these answers, keeping the other parameters of `search`. */
export function guideSearch(guide: Guide, answers: Answers, search: string): string {
  const params = new URLSearchParams(search);
  const encoded = encodeAnswers(guide, answers);
  if (encoded) params.set(ANSWERS_PARAM, encoded);
  else params.delete(ANSWERS_PARAM);
  const query = params.toString();
  return query ? `?${query}` : "";
}
