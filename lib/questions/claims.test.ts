import { existsSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { FineTunedAnswerer } from "../cli/ask";
import { type Verdict, verdictOf } from "../evaluation/verdict";
import { PATHS } from "../node/assets";
import { loadFineTunedAnswerer } from "../node/fine-tuned";
import { withReferences } from "../node/question-sets";
import { loadRagPipeline } from "../node/rag";
import type { RagPipeline } from "../rag/pipeline";
import { claimHolds, type SetVerdicts } from "./claims";
import { QUESTION_SETS } from "./question-sets";

describe("claimHolds", () => {
  const verdicts: SetVerdicts = {
    rag: ["agrees", "agrees", "declined"],
    "fine-tuned": ["wrong", "agrees", "answered-anyway"],
  };
  it("reads all, most, some and none over the set or the listed questions", () => {
    expect(claimHolds({ panel: "rag", quantifier: "all", verdicts: ["agrees"] }, verdicts)).toBe(false);
    expect(claimHolds({ panel: "rag", quantifier: "most", verdicts: ["agrees"] }, verdicts)).toBe(true);
    expect(claimHolds({ panel: "fine-tuned", quantifier: "some", verdicts: ["wrong"] }, verdicts)).toBe(true);
    expect(claimHolds({ panel: "fine-tuned", quantifier: "none", verdicts: ["declined"] }, verdicts)).toBe(
      true,
    );
    expect(
      claimHolds({ panel: "rag", quantifier: "all", verdicts: ["declined"], questions: [2] }, verdicts),
    ).toBe(true);
  });
  it("waits for every question it is about", () => {
    const partial: SetVerdicts = { rag: ["agrees", null], "fine-tuned": [null, null] };
    expect(claimHolds({ panel: "rag", quantifier: "all", verdicts: ["agrees"] }, partial)).toBeNull();
    expect(
      claimHolds({ panel: "rag", quantifier: "all", verdicts: ["agrees"], questions: [0] }, partial),
    ).toBe(true);
  });
});

const built = existsSync(`${PATHS.models}/fine-tuned/onnx/model_quantized.onnx`);
let rag: RagPipeline;
let fineTuned: FineTunedAnswerer;
beforeAll(async () => {
  if (!built) return;
  rag = (await loadRagPipeline({ withReader: false })).pipeline;
  const loaded = await loadFineTunedAnswerer();
  if ("missing" in loaded) throw new Error(loaded.missing);
  fineTuned = loaded;
}, 120_000);

describe.runIf(built)("every curated set's notice, against the answers both pipelines give in Node", () => {
  it.each(withReferences(QUESTION_SETS))(
    "$label: every line's claims hold",
    async (set) => {
      const verdicts: SetVerdicts = { rag: [], "fine-tuned": [] };
      for (const { question, reference } of set.questions) {
        const r = await rag.ask(question);
        const f = (await fineTuned.ask(question)) as { answer: string };
        verdicts.rag.push(
          verdictOf({ answer: r.answer, declined: r.abstained }, reference ?? null) as Verdict,
        );
        verdicts["fine-tuned"].push(verdictOf({ answer: f.answer, declined: false }, reference ?? null));
      }
      for (const line of set.notice) {
        for (const claim of line.claims)
          expect([line.text, claimHolds(claim, verdicts)]).toEqual([line.text, true]);
      }
    },
    60_000,
  );
});
