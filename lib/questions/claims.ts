import type { Verdict } from "../evaluation/verdict";

export const PANELS = ["rag", "fine-tuned"] as const;
export type Panel = (typeof PANELS)[number];

export const QUANTIFIERS = ["all", "most", "some", "none"] as const;
export type Quantifier = (typeof QUANTIFIERS)[number];

/**
 * What a notice line says about the answers, checkable: for all (most, some, none) of the set's questions (or
 * those listed by index), the panel's verdict is one of `verdicts`.
 */
export interface Claim {
  panel: Panel;
  quantifier: Quantifier;
  verdicts: Verdict[];
  questions?: number[];
}

/** One verdict per question of the set, per panel; null where the question has not been answered yet. */
export type SetVerdicts = Record<Panel, (Verdict | null)[]>;

/** Whether a claim holds for the verdicts; null while a question it is about has no verdict yet. */
export function claimHolds(claim: Claim, verdicts: SetVerdicts): boolean | null {
  const all = verdicts[claim.panel];
  const about = claim.questions ? claim.questions.map((i) => all[i] ?? null) : all;
  if (about.some((verdict) => verdict === null)) return null;
  const matching = about.filter((verdict) => verdict !== null && claim.verdicts.includes(verdict)).length;
  switch (claim.quantifier) {
    case "all":
      return matching === about.length;
    case "most":
      return matching * 2 > about.length;
    case "some":
      return matching > 0;
    case "none":
      return matching === 0;
  }
}
