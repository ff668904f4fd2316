import { describe, expect, it } from "vitest";
import { createRetriever } from "../rank/retriever";
import { notesPassage } from "../test-passage";
import { testVectors } from "../test-vectors";
import { buildIndex } from "./build-index";
import {
  cosine,
  createTextEncoder,
  type EncoderConfig,
  type EncoderSession,
  encoderText,
  encoderTexts,
  encoderWords,
  parseEncoderConfig,
  storedVector,
} from "./encoder";

const vectors = testVectors({
  movie: [1, 0, 0, 0],
  review: [0, 1, 0, 0],
  rocket: [0, 0, 1, 0],
  launch: [0, 0, 0, 1],
});
const config: EncoderConfig = {
  format: "retrieval-encoder",
  version: 1,
  file: "encoder.onnx",
  dimensions: 4,
  maxQueryWords: 3,
  maxPassageWords: 5,
};

/**
 * A stand-in for the ONNX model: the weighted sum of the word vectors it is given, at unit length, except that
 * it maps "movie" onto "rocket" (what a learned encoder may do and word vectors cannot), and it records its calls.
 */
function fakeSession() {
  const calls: { batch: number; words: number; weights: number[] }[] = [];
  const session: EncoderSession = {
    async run(input, weights, batch, words) {
      calls.push({ batch, words, weights: Array.from(weights) });
      const out = new Float32Array(batch * 4);
      for (let b = 0; b < batch; b++) {
        for (let w = 0; w < words; w++) {
          const at = (b * words + w) * 4;
          const weight = weights[b * words + w] as number;
          const [m, r, k, l] = [0, 1, 2, 3].map((d) => input[at + d] as number) as [
            number,
            number,
            number,
            number,
          ];
          const add = (d: number, value: number) => {
            out[b * 4 + d] = (out[b * 4 + d] as number) + value;
          };
          add(0, weight * r);
          add(2, weight * (k + m));
          add(3, weight * l);
        }
        const norm = Math.hypot(...out.subarray(b * 4, b * 4 + 4)) || 1;
        for (let d = 0; d < 4; d++) out[b * 4 + d] = (out[b * 4 + d] as number) / norm;
      }
      return out;
    },
  };
  return { session, calls };
}

describe("encoderWords", () => {
  it("keeps the distinct content words that have a vector, in order, up to the limit", () => {
    expect(encoderWords(vectors, "The movie, the REVIEW and the movie again; unknownword launch", 5)).toEqual(
      ["movie", "review", "launch"],
    );
    expect(encoderWords(vectors, "movie review rocket launch", 2)).toEqual(["movie", "review"]);
  });
});

describe("createTextEncoder", () => {
  it("pads a batch to its longest text, with zero weights, and returns one unit vector per text", async () => {
    const { session, calls } = fakeSession();
    const encoder = createTextEncoder(session, vectors, config);
    const [a, b, none] = await encoder.embed(
      ["movie review rocket launch", "launch", "nothing known"],
      "passage",
    );
    expect(calls).toEqual([{ batch: 3, words: 4, weights: expect.any(Array) }]);
    const weights = calls[0]?.weights ?? [];
    expect(weights.slice(4, 8).map((w) => w > 0)).toEqual([true, false, false, false]);
    expect(weights.slice(8, 12)).toEqual([0, 0, 0, 0]);
    expect(Math.hypot(...(a ?? []))).toBeCloseTo(1, 5);
    expect(Array.from(b ?? [])).toEqual([0, 0, 0, 1]);
    expect(Array.from(none ?? [])).toEqual([0, 0, 0, 0]);
  });

  it("reads at most maxQueryWords of a question", async () => {
    const { session, calls } = fakeSession();
    await createTextEncoder(session, vectors, config).embed(["movie review rocket launch"], "query");
    expect(calls[0]?.words).toBe(3);
  });

  it("refuses word vectors of another size", () => {
    expect(() => createTextEncoder(fakeSession().session, vectors, { ...config, dimensions: 100 })).toThrow(
      expect.objectContaining({ code: "INDEX_CORRUPT" }),
    );
  });
});

describe("parseEncoderConfig", () => {
  it("accepts the exported configuration and names the file when it is not one", () => {
    expect(parseEncoderConfig(JSON.stringify(config))).toEqual(config);
    expect(() => parseEncoderConfig("{}", "x/config.json")).toThrow(
      expect.objectContaining({ detail: expect.stringContaining("x/config.json") }),
    );
    expect(() => parseEncoderConfig("not json")).toThrow(expect.objectContaining({ code: "INDEX_CORRUPT" }));
  });
});

describe("the encoder signal in the retriever", () => {
  const passages = [notesPassage(1, "rocket launch"), notesPassage(2, "review")];
  // Only the encoder relates "movie" to "rocket": the question's words match neither passage.
  const question = "movie";

  it("ranks by the encoder's cosine in encoder mode, and adds it to the match score with its weight", async () => {
    const encoder = createTextEncoder(fakeSession().session, vectors, config);
    const db = await buildIndex(passages);
    const retriever = await createRetriever(db, vectors, { encoder, encoderWeight: 0.5 });
    const [best] = await retriever.retrieve(question, 2, "encoder");
    expect(best?.passage.id).toBe("notes:1");
    expect(best?.encoderScore).toBeGreaterThan(0.5);
    const hybrid = (await retriever.retrieve(question, 2)).find((hit) => hit.passage.id === "notes:1");
    expect(hybrid?.matchScore).toBeCloseTo(0.5 * (best?.encoderScore ?? 0), 5);
  });

  it("uses the vectors the index stores, and embeds the passages that have none in one run", async () => {
    const { session, calls } = fakeSession();
    const encoder = createTextEncoder(session, vectors, config);
    // The fake model maps "review" onto the first axis; "rocket launch" alone would never point there.
    const stored = new Map([["notes:1", [[1, 0, 0, 0]]]]);
    const db = await buildIndex(passages, undefined, stored);
    const retriever = await createRetriever(db, vectors, { encoder, encoderWeight: 1 });
    expect(calls).toEqual([{ batch: 1, words: 1, weights: expect.any(Array) }]);
    const hits = await retriever.retrieve("review", 2, "encoder");
    expect(hits.find((hit) => hit.passage.id === "notes:1")?.encoderScore).toBeCloseTo(1, 5);
  });

  it("embeds a user's document when it is added, and an edited passage again", async () => {
    const { session, calls } = fakeSession();
    const encoder = createTextEncoder(session, vectors, config);
    const retriever = await createRetriever(await buildIndex([notesPassage(1, "review")]), vectors, {
      encoder,
      encoderWeight: 1,
    });
    await retriever.addDocument([{ ...notesPassage(1, "rocket launch"), id: "mine:1", documentId: "mine" }]);
    expect((await retriever.retrieve(question, 1, "encoder"))[0]?.passage.id).toBe("mine:1");
    const before = calls.length;
    await retriever.editPassage("notes:1", "rocket");
    expect(calls.length).toBe(before + 1);
    expect((await retriever.retrieve(question, 2, "encoder")).map((hit) => hit.passage.id).sort()).toEqual([
      "mine:1",
      "notes:1",
    ]);
  });
});

describe("encoderTexts", () => {
  it("are the whole passage, then each of its sentences when it has several, each with the section", () => {
    expect(encoderTexts({ section: "S", text: "One thing. Another, e.g. this." })).toEqual([
      "S One thing. Another, e.g. this.",
      "S One thing.",
      "S Another, e.g. this.",
    ]);
    expect(encoderTexts({ section: "S", text: "Only one." })).toEqual(["S Only one."]);
  });

  it("give a passage the score of its closest vector", async () => {
    const encoder = createTextEncoder(fakeSession().session, vectors, config);
    const db = await buildIndex([notesPassage(1, "The review was long. A rocket launch followed.")]);
    const retriever = await createRetriever(db, vectors, { encoder, encoderWeight: 1 });
    // "launch" alone is the second sentence's direction exactly; the whole passage is not.
    const [hit] = await retriever.retrieve("launch", 1, "encoder");
    expect(hit?.encoderScore).toBeGreaterThan(0.7);
    expect(hit?.encoderScore).toBeLessThan(1);
  });
});

describe("vectors as stored", () => {
  it("keep six decimals, and the cosine of a unit vector with itself is 1", () => {
    expect(storedVector([0.1234567891, -0.5])).toEqual([0.123457, -0.5]);
    const unit = Float32Array.from([0.6, 0.8]);
    expect(cosine(unit, unit)).toBeCloseTo(1, 6);
    expect(encoderText({ section: "S", text: "t" })).toBe("S t");
  });
});
