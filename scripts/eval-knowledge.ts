/**
 * The figures of one knowledge setting (lib/retrieval/knowledge.ts) for `npm run eval`, as the CLI computes
 * them: retrieval recall, the evidence among the citations the pipeline prints (a declined question prints
 * none), token-F1 of the extractive (and generative) answer, off-topic declines, and the fine-tuned model of that
 * setting when it is built.
 *  - heldout dev and test (82 each) and their off-topic questions (30 each);
 *  - the 1,848 written training questions: for "article" none of them is in the index, so all are held out; for
 *    "article+questions" three folds, each holding out the last question of one writer per fact (246 in all),
 *    with the index and the passage classifier built again without them;
 *  - the 152 off-topic training questions (off-topic-train.jsonl less the 8 too close to a held-out one).
 * The fine-tuned model of "article" is the one fine-tuned on the article's text alone (public/models/
 * fine-tuned-article/); that of "article+questions" is measured by eval.ts itself (the report's top-level figures).
 *
 *   npx tsx scripts/eval-knowledge.ts   recomputes only the report's knowledgeSettings and writes them into
 *                                       data/evaluation/report.json, leaving every other figure as it was
 *                                       (npm run eval recomputes everything; run `npm run build:index` first)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { mean, roundFigure } from "../lib/evaluation/metrics";
import type { InScopeQuestion, OffTopicQuestion } from "../lib/evaluation/questions";
import { retrievalRecall } from "../lib/evaluation/retrieval-recall";
import { answerQuality } from "../lib/evaluation/summarize";
import { PATHS, readJsonLines, readText, readVectorTable } from "../lib/node/assets";
import { loadFineTunedAnswerer } from "../lib/node/fine-tuned";
import { loadRagPipeline } from "../lib/node/rag";
import { assembleRagPipeline, buildArticleIndex } from "../lib/rag/assemble";
import { KNOWLEDGE_ASSETS, type Knowledge, retrievalModes } from "../lib/rag/knowledge";
import type { RagPipeline } from "../lib/rag/pipeline";
import { trainIndexClassifier } from "../lib/rag/rank/classifier-examples";
import { createWordVectors } from "../lib/rag/store/word-vectors";
import { containsEvidence } from "../lib/text/evidence";
import { stripMarkers } from "../lib/text/markers";

/** Off-topic training questions whose word Jaccard with a held-out off-topic question is over 0.4 are left out. */
export function offTopicTrainingQuestions(): OffTopicQuestion[] {
  const words = (text: string) => new Set(text.toLowerCase().match(/[a-z0-9']+/g) ?? []);
  const heldOut = readJsonLines<OffTopicQuestion>("data/qa/off-topic.jsonl").map((q) => words(q.question));
  return readJsonLines<OffTopicQuestion>("data/qa/off-topic-train.jsonl").filter((q) => {
    const own = words(q.question);
    return heldOut.every((other) => {
      const shared = [...own].filter((w) => other.has(w)).length;
      return shared / (own.size + other.size - shared) <= 0.4;
    });
  });
}

/** In-scope figures through the pipeline's printed citations (extractive, the CLI's default mode). */
async function inScopeFigures(rag: RagPipeline, questions: readonly InScopeQuestion[]) {
  let cited = 0;
  let answered = 0;
  const pairs: { prediction: string | null; reference: string }[] = [];
  const faithful: number[] = [];
  for (const q of questions) {
    const result = await rag.ask(q.question, { mode: "extractive" });
    if (!result.abstained) answered++;
    if (result.citations.some((c) => containsEvidence(c.text, q.evidence))) cited++;
    if (result.faithfulness !== null) faithful.push(result.faithfulness);
    pairs.push({ prediction: result.abstained ? null : stripMarkers(result.answer), reference: q.answer });
  }
  const { hybrid } = await retrievalRecall(rag.retriever, questions, ["hybrid"]);
  const n = Math.max(1, questions.length);
  return {
    n: questions.length,
    ...hybrid,
    evidenceCited: roundFigure(cited / n),
    answered: roundFigure(answered / n),
    tokenF1: answerQuality(pairs).tokenF1,
    faithfulness: roundFigure(mean(faithful)),
  };
}

async function declined(rag: RagPipeline, questions: readonly OffTopicQuestion[]) {
  let count = 0;
  for (const q of questions) if ((await rag.ask(q.question, { mode: "extractive" })).abstained) count++;
  return { n: questions.length, declined: roundFigure(count / Math.max(1, questions.length)) };
}

/**
 * Every figure of one setting; `models` false leaves out the reader and the fine-tuned model, whose figures for
 * the default setting the report has already.
 */
export async function evaluateKnowledge(knowledge: Knowledge, options: { withFineTuned?: boolean } = {}) {
  const { pipeline: rag, readerMissing } = await loadRagPipeline({
    knowledge,
    withReader: options.withFineTuned !== false,
  });
  const fineTunedLoaded =
    options.withFineTuned === false ? null : await loadFineTunedAnswerer(undefined, knowledge);
  const fineTuned = fineTunedLoaded && !("missing" in fineTunedLoaded) ? fineTunedLoaded : null;
  const offTopic = readJsonLines<OffTopicQuestion>("data/qa/off-topic.jsonl");
  const splits: Record<string, unknown> = {};
  const retrieveMs: number[] = [];
  for (const split of ["dev", "test"] as const) {
    const inScope = readJsonLines<InScopeQuestion>(`data/qa/heldout-${split}.jsonl`);
    const retrieval = await retrievalRecall(rag.retriever, inScope, retrievalModes(knowledge), (ms) =>
      retrieveMs.push(ms),
    );
    const generative =
      readerMissing === null && options.withFineTuned !== false
        ? await (async () => {
            const pairs: { prediction: string | null; reference: string }[] = [];
            let cited = 0;
            for (const q of inScope) {
              const g = await rag.ask(q.question, { mode: "generative" });
              pairs.push({ prediction: g.abstained ? null : stripMarkers(g.answer), reference: q.answer });
              if (g.citations.some((c) => containsEvidence(c.text, q.evidence))) cited++;
            }
            return { ...answerQuality(pairs), evidenceCited: roundFigure(cited / inScope.length) };
          })()
        : null;
    const fineTunedPairs: { prediction: string | null; reference: string }[] = [];
    const splitOffTopic = offTopic.filter((q) => q.split === split);
    let fineTunedAnswered = 0;
    if (fineTuned) {
      for (const q of inScope) {
        const output = (await fineTuned.ask(q.question)) as { answer: string };
        fineTunedPairs.push({ prediction: output.answer, reference: q.answer });
      }
      // As in eval.ts: the model has no way to decline, so a non-empty answer to an off-topic question is a
      // confident answer the article does not support.
      for (const q of splitOffTopic)
        if (((await fineTuned.ask(q.question)) as { answer: string }).answer.trim() !== "")
          fineTunedAnswered++;
    }
    splits[split] = {
      retrieval,
      rag: {
        ...(await inScopeFigures(rag, inScope)),
        offTopicDeclined: (await declined(rag, splitOffTopic)).declined,
      },
      ragGenerative: generative,
      fineTuned: fineTuned
        ? {
            ...answerQuality(fineTunedPairs),
            offTopicAnswered: roundFigure(fineTunedAnswered / Math.max(1, splitOffTopic.length)),
          }
        : null,
    };
  }

  const training = readJsonLines<InScopeQuestion & { writer: number }>("data/qa/train.jsonl");
  const byWriter: Record<string, unknown> = {};
  if (knowledge === "article") {
    // None of the written questions is in this setting's index: each is a held-out paraphrase for it.
    byWriter.all = await inScopeFigures(rag, training);
    for (const writer of [1, 2, 3])
      byWriter[`writer${writer}`] = await inScopeFigures(
        rag,
        training.filter((q) => q.writer === writer),
      );
  } else {
    const table = await readVectorTable();
    for (const writer of [1, 2, 3]) {
      const last = new Map(training.filter((q) => q.writer === writer).map((q) => [q.factId, q]));
      const held = new Set(last.values());
      const db = await buildArticleIndex(
        readText(PATHS.article),
        training.filter((q) => !held.has(q)),
      );
      const fold = await assembleRagPipeline(
        db,
        table,
        null,
        (await trainIndexClassifier(db, createWordVectors(table))).model,
      );
      byWriter[`writer${writer}`] = await inScopeFigures(fold, [...held]);
    }
  }
  return {
    knowledge,
    fineTunedModel: `public/models/${KNOWLEDGE_ASSETS[knowledge].fineTunedModel}`,
    splits,
    trainingQuestions:
      knowledge === "article"
        ? { heldOut: "all 1,848 (none is in this index)", ...byWriter }
        : { heldOut: "three folds: the last question of one writer per fact", ...byWriter },
    offTopicTraining: await declined(rag, offTopicTrainingQuestions()),
    retrieveMsP50: roundFigure(retrieveMs.sort((a, b) => a - b)[Math.floor(retrieveMs.length / 2)] ?? 0),
  };
}

/** Both settings, as the report's knowledgeSettings holds them (the top-level figures are "article+questions"'s,
 * whose models are not measured twice). */
export async function evaluateKnowledgeSettings() {
  return {
    "article+questions": await evaluateKnowledge("article+questions", { withFineTuned: false }),
    article: await evaluateKnowledge("article"),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const path = join("data", "evaluation", "report.json");
  const report = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  report.knowledgeSettings = await evaluateKnowledgeSettings();
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report.knowledgeSettings, null, 2));
}
