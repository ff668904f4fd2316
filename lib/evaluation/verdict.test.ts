import { describe, expect, it } from "vitest";
import { verdictOf } from "./verdict";

const author = { answer: "The article is written by Aqsa Zafar.", evidence: "Written By Aqsa Zafar" };

describe("verdictOf", () => {
  it("agrees when the answer says what the reference says, or quotes the article's words for it", () => {
    expect(verdictOf({ answer: "The article is written by Aqsa Zafar.", declined: false }, author)).toBe(
      "agrees",
    );
    expect(
      verdictOf(
        {
          answer: "Written By Aqsa Zafar Founder of MLTUT, Machine Learning Ph.D. scholar. [1]",
          declined: false,
        },
        author,
      ),
    ).toBe("agrees");
  });

  it("calls another answer wrong, a decline declined, and any answer to an unanswered question answered anyway", () => {
    expect(verdictOf({ answer: "It's like having Google, but way smarter.", declined: false }, author)).toBe(
      "wrong",
    );
    expect(verdictOf({ answer: "The sources don't cover this.", declined: true }, author)).toBe("declined");
    expect(verdictOf({ answer: "Paris.", declined: false }, null)).toBe("answered-anyway");
    expect(verdictOf({ answer: "No sources.", declined: true }, null)).toBe("declined");
  });
});
