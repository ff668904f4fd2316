import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ANSWERS_PARAM, decodeAnswers, encodeAnswers, guideSearch } from "./answers-url";
import { loadGuide } from "./guide-data";
import type { Answers } from "./types";

const guide = loadGuide();
const answersArbitrary = fc.record(
  Object.fromEntries(
    guide.criteria.map((c) => [c.id, fc.constantFrom(...c.choices.map((choice) => choice.id))]),
  ),
  { requiredKeys: [] },
) as fc.Arbitrary<Answers>;

describe("answers in the address", () => {
  it("writes criterion codes and choice ids in question order, readably", () => {
    const encoded = encodeAnswers(guide, { transparency: "must", "knowledge-seeker": "changing" });
    expect(encoded).toBe("ks.changing_tr.must");
    expect(new URLSearchParams({ [ANSWERS_PARAM]: encoded }).toString()).toBe("a=ks.changing_tr.must");
  });

  it("reads back exactly the answers it wrote, whatever they are", () => {
    fc.assert(
      fc.property(answersArbitrary, (answers) => {
        expect(decodeAnswers(guide, encodeAnswers(guide, answers))).toEqual(answers);
      }),
    );
  });

  it("keeps “don't know” apart from unanswered", () => {
    expect(decodeAnswers(guide, "ks.dk")).toEqual({ "knowledge-seeker": "dk" });
  });

  it("ignores what it does not know, keeping the rest, and never throws", () => {
    expect(decodeAnswers(guide, "ks.changing_zz.yes_tr.perhaps_vs_da.plenty.more__si.priority")).toEqual({
      "knowledge-seeker": "changing",
      simplicity: "priority",
    });
    expect(decodeAnswers(guide, "ks.no_ks.changing")).toEqual({ "knowledge-seeker": "no" });
    expect(decodeAnswers(guide, null)).toEqual({});
    expect(decodeAnswers(guide, "")).toEqual({});
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const answers = decodeAnswers(guide, text);
        for (const [id, choice] of Object.entries(answers)) {
          expect(guide.criteria.find((c) => c.id === id)?.choices.map((c) => c.id)).toContain(choice);
        }
      }),
    );
  });

  it("keeps the address's other parameters (presentation mode) and drops an empty answer list", () => {
    expect(guideSearch(guide, { transparency: "must" }, "?present=1&a=old")).toBe("?present=1&a=tr.must");
    expect(guideSearch(guide, {}, "?a=ks.no&present=1")).toBe("?present=1");
    expect(guideSearch(guide, {}, "")).toBe("");
  });
});
