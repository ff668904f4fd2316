/**
 * Runs both pipelines over the evaluation sets in data/qa/ and writes data/evaluation/report.json (never
 * edited by hand), printing a summary. In-scope questions are the held-out paraphrases (never trained on,
 * never in the index); off-topic questions have no answer in the article.
 *   npm run eval
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { evidenceRank, mean, rate, roundFigure } from "../lib/evaluation/metrics";
import type { InScopeQuestion, OffTopicQuestion } from "../lib/evaluation/questions";
import { retrievalRecall } from "../lib/evaluation/retrieval-recall";
import { answerQuality, latency } from "../lib/evaluation/summarize";
import { PATHS, readJsonLines, readText, readVectorTable } from "../lib/node/assets";
import { loadFineTunedAnswerer } from "../lib/node/fine-tuned";
import { loadRagPipeline } from "../lib/node/rag";
import { assembleRagPipeline, buildArticleIndex } from "../lib/rag/assemble";
import { retrievalModes } from "../lib/rag/knowledge";
import { trainIndexClassifier } from "../lib/rag/rank/classifier-examples";
import { createWordVectors } from "../lib/rag/store/word-vectors";
import { containsEvidence } from "../lib/text/evidence";
import { stripMarkers } from "../lib/text/markers";
import { evaluateKnowledgeSettings } from "./eval-knowledge";

interface FineTunedOutput {
  answer: string;
  timings: { loadMs: number; firstTokenMs: number; generateMs: number; totalMs: number };
  tokensPerSecond: number;
}

const REPORT = join("data", "evaluation", "report.json");

const { pipeline: rag, readerMissing } = await loadRagPipeline();
const generative = readerMissing === null;
const fineTunedLoaded = await loadFineTunedAnswerer();
const fineTuned = "missing" in fineTunedLoaded ? null : fineTunedLoaded;
const offTopic = readJsonLines<OffTopicQuestion>("data/qa/off-topic.jsonl");

const questions: Record<string, unknown>[] = [];
const splits: Record<string, unknown> = {};
const ragTimings = { retrieveMs: [] as number[], answerMs: [] as number[], totalMs: [] as number[] };
const ftTimings = {
  firstTokenMs: [] as number[],
  generateMs: [] as number[],
  totalMs: [] as number[],
  tps: [] as number[],
};
let loadMs = 0;
const genTimings = { firstTokenMs: [] as number[], tps: [] as number[] };

async function askFineTuned(question: string): Promise<FineTunedOutput | null> {
  if (!fineTuned) return null;
  const output = (await fineTuned.ask(question)) as FineTunedOutput;
  if (output.timings.loadMs > 0) loadMs = output.timings.loadMs;
  ftTimings.firstTokenMs.push(output.timings.firstTokenMs);
  ftTimings.generateMs.push(output.timings.generateMs);
  ftTimings.tps.push(output.tokensPerSecond);
  return output;
}

for (const split of ["dev", "test"] as const) {
  const inScope = readJsonLines<InScopeQuestion>(`data/qa/heldout-${split}.jsonl`);
  const retrieval = await retrievalRecall(rag.retriever, inScope, retrievalModes("article+questions"));

  const ragPairs: { prediction: string | null; reference: string }[] = [];
  const faithful: number[] = [];
  const genPairs: { prediction: string | null; reference: string }[] = [];
  const genFaithful: number[] = [];
  let genFlagged = 0;
  let genInvented = 0;
  const ftPairs: { prediction: string | null; reference: string }[] = [];
  for (const q of inScope) {
    const r = await rag.ask(q.question, { mode: "extractive" });
    const g = generative ? await rag.ask(q.question, { mode: "generative" }) : null;
    if (g) {
      genPairs.push({ prediction: g.abstained ? null : stripMarkers(g.answer), reference: q.answer });
      if (g.faithfulness !== null) genFaithful.push(g.faithfulness);
      if (g.flagged) genFlagged++;
      if (g.invented.length > 0) genInvented++;
      genTimings.firstTokenMs.push(g.timings.firstTokenMs);
      if (g.generation) genTimings.tps.push(g.generation.tokensPerSecond);
    }
    ragTimings.retrieveMs.push(r.timings.retrieveMs);
    ragTimings.answerMs.push(r.timings.answerMs);
    ragTimings.totalMs.push(r.timings.totalMs);
    const f = await askFineTuned(q.question);
    ragPairs.push({ prediction: r.abstained ? null : stripMarkers(r.answer), reference: q.answer });
    if (r.faithfulness !== null) faithful.push(r.faithfulness);
    if (f) ftPairs.push({ prediction: f.answer, reference: q.answer });
    questions.push({
      id: q.id,
      split,
      kind: "in-scope",
      question: q.question,
      reference: q.answer,
      evidence: q.evidence,
      rag: { answer: r.answer, abstained: r.abstained, citations: r.citations.map((c) => c.id) },
      ragGenerative: g
        ? {
            answer: g.answer,
            abstained: g.abstained,
            citations: g.citations.map((c) => c.id),
            faithfulness: g.faithfulness,
            invented: g.invented,
            // A generated answer cites only the passages its words come from, so this can differ from extractive's.
            evidenceCited: g.citations.some((c) => containsEvidence(c.text, q.evidence)),
          }
        : null,
      evidenceCited: r.citations.some((c) => containsEvidence(c.text, q.evidence)),
      fineTuned: f ? { answer: f.answer } : null,
    });
  }

  const off = offTopic.filter((q) => q.split === split);
  let declined = 0;
  let genDeclined = 0;
  let fineTunedAnswered = 0;
  for (const q of off) {
    const r = await rag.ask(q.question, { mode: "extractive" });
    if (r.abstained) declined++;
    const g = generative ? await rag.ask(q.question, { mode: "generative" }) : null;
    if (g?.abstained) genDeclined++;
    const f = await askFineTuned(q.question);
    // The fine-tuned model has no way to decline: any non-empty answer to an off-topic question is a
    // confident answer the article does not support.
    if (f && f.answer.trim() !== "") fineTunedAnswered++;
    questions.push({
      id: q.id,
      split,
      kind: "off-topic",
      question: q.question,
      rag: { answer: r.answer, abstained: r.abstained, citations: r.citations.map((c) => c.id) },
      ragGenerative: g
        ? { answer: g.answer, abstained: g.abstained, citations: g.citations.map((c) => c.id) }
        : null,
      fineTuned: f ? { answer: f.answer } : null,
    });
  }

  splits[split] = {
    inScope: inScope.length,
    offTopic: off.length,
    retrieval,
    rag: {
      ...answerQuality(ragPairs),
      answered: roundFigure(rate(ragPairs, (p) => p.prediction !== null)),
      offTopicDeclined: roundFigure(declined / off.length),
      faithfulness: roundFigure(mean(faithful)),
      evidenceCited: roundFigure(
        rate(
          questions.filter((row) => row.split === split && row.kind === "in-scope"),
          (row) => row.evidenceCited === true,
        ),
      ),
    },
    ragGenerative: generative
      ? {
          ...answerQuality(genPairs),
          answered: roundFigure(rate(genPairs, (p) => p.prediction !== null)),
          offTopicDeclined: roundFigure(genDeclined / off.length),
          faithfulness: roundFigure(mean(genFaithful)),
          flagged: roundFigure(
            genFlagged / Math.max(1, genPairs.filter((p) => p.prediction !== null).length),
          ),
          withInventedWords: genInvented,
          evidenceCited: roundFigure(
            rate(
              questions.filter((row) => row.split === split && row.kind === "in-scope"),
              (row) => (row.ragGenerative as { evidenceCited?: boolean } | null)?.evidenceCited === true,
            ),
          ),
        }
      : null,
    fineTuned: fineTuned
      ? { ...answerQuality(ftPairs), offTopicAnswered: roundFigure(fineTunedAnswered / off.length) }
      : null,
  };
}

// Ordinary paraphrases: hold out one of the first writer's training paraphrases per fact (the last) and index
// the rest; the passage classifier is trained again on that index, so it has not seen them either.
const training = readJsonLines<InScopeQuestion & { writer: number }>("data/qa/train.jsonl");
const lastOfFact = new Map(training.filter((pair) => pair.writer === 1).map((pair) => [pair.factId, pair]));
const heldOut = [...lastOfFact.values()];
const looIndex = await buildArticleIndex(
  readText(PATHS.article),
  training.filter((pair) => lastOfFact.get(pair.factId) !== pair),
);
const vectorTable = await readVectorTable();
const loo = await assembleRagPipeline(
  looIndex,
  vectorTable,
  null,
  (await trainIndexClassifier(looIndex, createWordVectors(vectorTable))).model,
);
const looRanks: (number | null)[] = [];
for (const q of heldOut) {
  const hits = await loo.retriever.retrieve(q.question, 3);
  looRanks.push(
    evidenceRank(
      hits.map((h) => h.passage.text),
      (text) => containsEvidence(text, q.evidence),
    ),
  );
}

const modelCard = (name: string) => {
  const path = join(PATHS.models, name, "model-card.json");
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>) : null;
};
const fileBytes = (path: string) => (existsSync(path) ? statSync(path).size : null);
const card = modelCard("fine-tuned") as {
  parameters?: number;
  pretraining?: { wall_time_s?: number; tokens?: number; final_heldout_perplexity?: number };
  fine_tuning?: { wall_time_s?: number };
} | null;

// Issue 23: both knowledge settings, every figure (eval-knowledge.ts; `npx tsx scripts/eval-knowledge.ts` refreshes
// only these).
const knowledgeSettings = await evaluateKnowledgeSettings();

const report = {
  generatedBy: "npm run eval",
  machine: { cpus: cpus().length, node: process.version },
  splits,
  retrievalOrdinaryParaphrases: {
    n: heldOut.length,
    recallAt1: roundFigure(rate(looRanks, (r) => r === 1)),
    recallAt3: roundFigure(rate(looRanks, (r) => r !== null)),
  },
  latencyMs: {
    rag: {
      retrieve: latency(ragTimings.retrieveMs),
      answer: latency(ragTimings.answerMs),
      total: latency(ragTimings.totalMs),
    },
    ragGenerative: generative
      ? { firstToken: latency(genTimings.firstTokenMs), tokensPerSecond: latency(genTimings.tps).p50 }
      : null,
    fineTuned: fineTuned
      ? {
          load: loadMs,
          firstToken: latency(ftTimings.firstTokenMs),
          generate: latency(ftTimings.generateMs),
          tokensPerSecond: latency(ftTimings.tps).p50,
        }
      : null,
  },
  sizesBytes: {
    serializedIndex: fileBytes(PATHS.index),
    wordVectors: (fileBytes(PATHS.vectorData) ?? 0) + (fileBytes(PATHS.vectorWords) ?? 0),
    fineTunedModel: fileBytes(join(PATHS.models, "fine-tuned", "onnx", "model_quantized.onnx")),
    readerModel: fileBytes(join(PATHS.models, "reader", "onnx", "model_quantized.onnx")),
    baseModel: fileBytes(join(PATHS.models, "base", "onnx", "model_quantized.onnx")),
  },
  training: card
    ? {
        parameters: card.parameters ?? null,
        pretrainingSeconds: card.pretraining?.wall_time_s ?? null,
        pretrainingTokens: card.pretraining?.tokens ?? null,
        heldoutPerplexity: card.pretraining?.final_heldout_perplexity ?? null,
        fineTuningSeconds: card.fine_tuning?.wall_time_s ?? null,
      }
    : null,
  knowledgeSettings,
  questions,
};

mkdirSync(join("data", "evaluation"), { recursive: true });
writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify({ ...report, questions: `${questions.length} rows in ${REPORT}` }, null, 2));
