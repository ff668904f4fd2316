import {
  type Answers,
  APPROACH_NAMES,
  APPROACHES,
  type Approach,
  type Choice,
  type Conflict,
  type Criterion,
  DONT_KNOW,
  type Guide,
  type Outcome,
} from "./types";

/**
 * Why the rule reached its outcome: `thin` and `conflicting` are the two kinds of "it depends" (too little
 * points to go on; answers pulling both ways without either leading by the margin).
 */
export const BASES = ["thin", "conflicting", "lead", "both-strong"] as const;
export type Basis = (typeof BASES)[number];

/** One criterion as answered: the choice given (null when unanswered) and what it counts for. */
export interface Reason {
  criterion: Criterion;
  choice: Choice | null;
  /** Whether this answer supports the outcome (for "it depends": whether it pulls either way). */
  decisive: boolean;
}

export interface Verdict {
  outcome: Outcome;
  basis: Basis;
  points: Record<Approach, number>;
  /** Questions answered with something other than "don't know". */
  answered: number;
  asked: number;
  /** The rule's arithmetic in one plain sentence. */
  explanation: string;
  /** Every criterion, supporting answers first (strongest first), then the other side, neutral, unknown. */
  reasons: Reason[];
  /** Pairs of answers the data declares contradictory or in tension, when all of them were given. */
  conflicts: Conflict[];
  /** Question sets of lib/examples.ts that show the deciding criteria, most important first. */
  demoSets: string[];
}

/** The choice a visitor gave for a criterion; "don't know", unknown ids and no answer all give null. */
export function chosen(criterion: Criterion, answers: Answers): Choice | null {
  const id = answers[criterion.id];
  if (id === undefined || id === DONT_KNOW) return null;
  return criterion.choices.find((choice) => choice.id === id) ?? null;
}

function decide(guide: Guide, points: Record<Approach, number>): [Outcome, Basis] {
  const { strong, margin } = guide.rule;
  if (points.rag >= strong && points["fine-tuning"] >= strong) return ["both", "both-strong"];
  const lead = points.rag - points["fine-tuning"];
  if (Math.abs(lead) >= margin) return [lead > 0 ? "rag" : "fine-tuning", "lead"];
  return ["it-depends", points.rag > 0 && points["fine-tuning"] > 0 ? "conflicting" : "thin"];
}

const names = (reasons: readonly Reason[]) => reasons.map((r) => r.criterion.name).join(", ");

function explain(guide: Guide, verdict: Omit<Verdict, "explanation">): string {
  const { rag, "fine-tuning": ft } = verdict.points;
  const tally = `RAG has ${rag} point${rag === 1 ? "" : "s"} and fine-tuning ${ft}`;
  const { strong, margin } = guide.rule;
  switch (verdict.basis) {
    case "thin":
      return verdict.answered === 0
        ? `You have answered none of the ${verdict.asked} questions (“don't know” counts as unanswered), so there is nothing to weigh yet: each reason below says what would tip it.`
        : `You answered ${verdict.answered} of ${verdict.asked} questions; ${tally}: neither leads by the ${margin} points the guide needs, so your answers so far say too little either way.`;
    case "conflicting": {
      const side = (approach: Approach) =>
        names(verdict.reasons.filter((r) => r.choice?.favours === approach));
      return `${tally}: a lead of ${Math.abs(rag - ft)}, under the ${margin} the guide needs. Towards RAG: ${side("rag")}. Towards fine-tuning: ${side("fine-tuning")}.`;
    }
    case "both-strong":
      return `${tally}: both have at least ${strong}, so each has strong reasons of its own.`;
    case "lead": {
      const winner: Approach = rag > ft ? "rag" : "fine-tuning";
      return `${tally}: ${APPROACH_NAMES[winner]} leads by ${Math.abs(rag - ft)}, and the guide needs ${margin}.`;
    }
  }
}

/** Whether an answer supports the outcome. */
function supports(outcome: Outcome, favours: Approach | null): boolean {
  if (favours === null) return false;
  return outcome === "both" || outcome === "it-depends" || outcome === favours;
}

function order(reason: Reason): number {
  if (reason.choice === null) return 3;
  if (reason.decisive) return 0;
  return reason.choice.favours === null ? 2 : 1;
}

/**
 * The guide's rule (docs/guide.md): each answer adds its weight to the side it favours; both sides with
 * `strong` points gives "both"; a lead of `margin` points gives the leader; anything else gives "it
 * depends", naming the answers on each side when there are some.
 */
export function evaluate(guide: Guide, answers: Answers): Verdict {
  const given = guide.criteria.map((criterion) => ({ criterion, choice: chosen(criterion, answers) }));
  const points = Object.fromEntries(APPROACHES.map((a) => [a, 0])) as Record<Approach, number>;
  for (const { choice } of given) if (choice?.favours) points[choice.favours] += choice.weight;
  const answered = given.filter((g) => g.choice !== null).length;
  const [outcome, basis] = decide(guide, points);

  const reasons = given
    .map(({ criterion, choice }) => ({
      criterion,
      choice,
      decisive: supports(outcome, choice?.favours ?? null),
    }))
    .map((reason, index) => ({ reason, index }))
    .sort(
      (a, b) =>
        order(a.reason) - order(b.reason) ||
        (b.reason.choice?.weight ?? 0) - (a.reason.choice?.weight ?? 0) ||
        a.index - b.index,
    )
    .map(({ reason }) => reason);

  const keys = new Set(
    given.flatMap(({ criterion }) => {
      const id = answers[criterion.id];
      return id === undefined ? [] : [`${criterion.code}.${id}`];
    }),
  );
  const conflicts = guide.conflicts.filter((conflict) => conflict.answers.every((a) => keys.has(a)));

  const deciding = reasons.filter((r) => r.decisive);
  const demoSets = [
    ...new Set(
      (deciding.length > 0 ? deciding.map((r) => r.criterion) : guide.criteria).map((c) => c.demoSet),
    ),
  ];
  const verdict = {
    outcome,
    basis,
    points,
    answered,
    asked: guide.criteria.length,
    reasons,
    conflicts,
    demoSets,
  };
  return { ...verdict, explanation: explain(guide, verdict) };
}
