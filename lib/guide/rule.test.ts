import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadGuide } from "./guide-data";
import { evaluate, type Verdict } from "./rule";
import { type Answers, DONT_KNOW } from "./types";

const guide = loadGuide();
const quoted = (verdict: Verdict) =>
  verdict.reasons
    .filter((r) => r.decisive)
    .flatMap((r) => r.choice?.quotes ?? [])
    .map((id) => guide.quotes[id]?.text);
const everyDontKnow: Answers = Object.fromEntries(guide.criteria.map((c) => [c.id, DONT_KNOW]));

/** What a verdict says, for comparing two: outcome, points and each reason's answer. */
const said = (verdict: Verdict) => ({
  outcome: verdict.outcome,
  points: verdict.points,
  reasons: verdict.reasons.map((r) => `${r.criterion.id}:${r.choice?.id ?? "-"}:${r.decisive}`),
  conflicts: verdict.conflicts.map((c) => c.note),
});

const answersArbitrary = fc.record(
  Object.fromEntries(
    guide.criteria.map((c) => [c.id, fc.constantFrom(...c.choices.map((choice) => choice.id))]),
  ),
  { requiredKeys: [] },
) as fc.Arbitrary<Answers>;

describe("the guide's rule", () => {
  it("asks every criterion of both lists: each one has a reason in every verdict", () => {
    const verdict = evaluate(guide, {});
    expect(verdict.asked).toBe(10);
    expect(verdict.reasons.map((r) => r.criterion.id).sort()).toEqual(guide.criteria.map((c) => c.id).sort());
  });

  it("answers “it depends” with reasons when every answer is “don't know”, not a default", () => {
    const verdict = evaluate(guide, everyDontKnow);
    expect(verdict.outcome).toBe("it-depends");
    expect(verdict.basis).toBe("thin");
    expect(verdict.points).toEqual({ rag: 0, "fine-tuning": 0 });
    expect(verdict.explanation).toContain("answered none of the 10 questions");
    // Each reason says what would tip that criterion, from the data's "don't know" choice.
    for (const reason of verdict.reasons) {
      expect(reason.choice).toBeNull();
      expect(reason.criterion.choices.at(-1)?.reason).toMatch(/points? (to|away from) (RAG|fine-tuning)/);
    }
    // It offers the demo's sets for both sides, not one side's.
    expect(verdict.demoSets).toEqual(expect.arrayContaining(["sources", "narrow-task"]));
    expect(said(verdict)).toEqual(said(evaluate(guide, {})));
  });

  it("recommends RAG for a manager's project of fresh outside knowledge with cited answers, quoting Knowledge Seeker and Transparency", () => {
    const verdict = evaluate(guide, {
      "knowledge-seeker": "changing",
      transparency: "must",
      "resource-management": "yes",
    });
    expect(verdict.outcome).toBe("rag");
    expect(verdict.basis).toBe("lead");
    expect(verdict.points).toEqual({ rag: 6, "fine-tuning": 0 });
    expect(quoted(verdict)).toEqual(
      expect.arrayContaining([guide.quotes["knowledge-seeker"]?.text, guide.quotes.transparency?.text]),
    );
    expect(verdict.reasons.slice(0, 3).every((r) => r.decisive)).toBe(true);
    expect(verdict.demoSets[0]).toBe("sources");
  });

  it("recommends fine-tuning for one narrow task with abundant labelled data", () => {
    const verdict = evaluate(guide, {
      "task-specific": "yes",
      "data-availability": "plenty",
      "data-efficiency": "many",
    });
    expect(verdict.outcome).toBe("fine-tuning");
    expect(verdict.points).toEqual({ rag: 0, "fine-tuning": 4 });
    expect(quoted(verdict)).toEqual(
      expect.arrayContaining([guide.quotes["task-specific"]?.text, guide.quotes["data-availability"]?.text]),
    );
    expect(verdict.demoSets).toEqual(["narrow-task"]);
  });

  it("recommends both when each side is strongly supported", () => {
    const verdict = evaluate(guide, {
      versatility: "many",
      transparency: "must",
      "task-specific": "yes",
      "data-availability": "plenty",
    });
    expect(verdict.outcome).toBe("both");
    expect(verdict.basis).toBe("both-strong");
    expect(verdict.demoSets).toEqual(expect.arrayContaining(["many-topics", "sources", "narrow-task"]));
    expect(verdict.conflicts.map((c) => c.answers)).toEqual([["vs.many", "ts.yes"]]);
  });

  it("says “it depends” and names the answers on each side when they pull both ways", () => {
    const verdict = evaluate(guide, {
      transparency: "must",
      "data-efficiency": "some",
      simplicity: "priority",
    });
    expect(verdict.outcome).toBe("it-depends");
    expect(verdict.basis).toBe("conflicting");
    expect(verdict.explanation).toContain("Towards RAG: Transparency, Data Efficiency");
    expect(verdict.explanation).toContain("Towards fine-tuning: Simplicity");
    expect(verdict.conflicts.map((c) => c.answers)).toEqual([["tr.must", "si.priority"]]);
  });

  it("says “it depends” when answers are given but count for neither side", () => {
    const verdict = evaluate(guide, { "knowledge-seeker": "no", versatility: "one", transparency: "no" });
    expect(verdict.outcome).toBe("it-depends");
    expect(verdict.basis).toBe("thin");
    expect(verdict.reasons.filter((r) => r.decisive)).toEqual([]);
  });

  it("changes the recommendation or its reasons for every answer, as the data documents", () => {
    // Every answer to every question, alone and on top of a fixed set of other answers.
    const bases: Answers[] = [
      {},
      { transparency: "must", "knowledge-seeker": "changing", "task-specific": "yes" },
      { "data-availability": "plenty", simplicity: "priority", versatility: "few" },
    ];
    for (const base of bases) {
      for (const c of guide.criteria) {
        const without = { ...base };
        delete (without as Record<string, string>)[c.id];
        const verdicts = c.choices.map((choice) => evaluate(guide, { ...without, [c.id]: choice.id }));
        c.choices.forEach((choice, i) => {
          const verdict = verdicts[i] as Verdict;
          const reason = verdict.reasons.find((r) => r.criterion.id === c.id);
          // The reason shown is the one the data gives this answer.
          if (choice.id === DONT_KNOW) expect(reason?.choice).toBeNull();
          else expect(reason?.choice).toBe(choice);
          // Points move by exactly the documented weight, on the documented side.
          const before = evaluate(guide, without).points;
          const expected = { ...before };
          if (choice.favours) expected[choice.favours] += choice.weight;
          expect(verdict.points).toEqual(expected);
        });
        // No two answers to one question leave the verdict saying the same thing.
        const distinct = new Set(verdicts.map((v) => JSON.stringify(said(v))));
        expect(distinct.size, `${c.id} over ${JSON.stringify(base)}`).toBe(c.choices.length);
      }
    }
  });

  it("follows its documented thresholds for any answers", () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        const verdict = evaluate(guide, answers);
        const { rag, "fine-tuning": ft } = verdict.points;
        const { strong, margin } = guide.rule;
        const answered = guide.criteria.filter(
          (c) => answers[c.id] !== undefined && answers[c.id] !== DONT_KNOW,
        );
        expect(verdict.answered).toBe(answered.length);
        if (rag >= strong && ft >= strong) expect(verdict.outcome).toBe("both");
        else if (rag - ft >= margin) expect(verdict.outcome).toBe("rag");
        else if (ft - rag >= margin) expect(verdict.outcome).toBe("fine-tuning");
        else expect(verdict.outcome).toBe("it-depends");
        // Supporting answers come first, strongest first.
        const decisive = verdict.reasons.map((r) => r.decisive);
        expect(decisive).toEqual([...decisive].sort((a, b) => Number(b) - Number(a)));
      }),
      { numRuns: 500 },
    );
  });

  it("never moves towards fine-tuning by one more answer favouring RAG", () => {
    const ragChoices = guide.criteria.flatMap((c) =>
      c.choices.filter((choice) => choice.favours === "rag").map((choice) => [c.id, choice.id] as const),
    );
    fc.assert(
      fc.property(answersArbitrary, fc.constantFrom(...ragChoices), (answers, [id, choice]) => {
        if (answers[id] !== undefined) return;
        const before = evaluate(guide, answers).outcome;
        const after = evaluate(guide, { ...answers, [id]: choice }).outcome;
        if (before === "rag") expect(after).toBe("rag");
        if (before === "both") expect(after).toBe("both");
        if (before !== "fine-tuning") expect(after).not.toBe("fine-tuning");
      }),
      { numRuns: 300 },
    );
  });

  it("ignores unknown criteria and choices as if unanswered", () => {
    const verdict = evaluate(guide, { nonsense: "yes", transparency: "perhaps" });
    expect(said(verdict)).toEqual(said(evaluate(guide, {})));
  });
});
