import { describe, expect, it } from "vitest";
import { withoutInvisibles } from "./invisible";

describe("withoutInvisibles", () => {
  it("drops what sits inside words and reads a zero-width space as a space", () => {
    expect(withoutInvisibles("fine\u00ADtuning")).toBe("finetuning");
    expect(withoutInvisibles("RAG\u200Bvs\u200Bfine-tuning")).toBe("RAG vs fine-tuning");
    expect(withoutInvisibles("\u202EdaR\u202C \u200Eok\u200F \u2060x\uFEFF")).toBe("daR ok x");
  });

  it("leaves visible text alone, keeps an emoji sequence's emoji, and is idempotent", () => {
    const text = "ما هو RAG؟ — naïve café 😀";
    expect(withoutInvisibles(text)).toBe(text);
    expect(withoutInvisibles("👩\u200D💻")).toBe("👩💻");
    expect(withoutInvisibles(withoutInvisibles("a\u200Bb\u00ADc"))).toBe("a bc");
  });
});
