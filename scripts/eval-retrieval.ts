/**
 * Retrieval figures on the held-out questions (never used to build the index): recall@1 and recall@3 for
 * full-text, semantic and hybrid ranking, and the decline decision on in-scope and off-topic questions.
 *   npm run eval:retrieval
 */
import { containsEvidence, evidenceRank, mean, rate, tokenF1 } from "../lib/evaluation";
import { readJsonLines } from "../lib/node/assets";
import { loadRagPipeline } from "../lib/node/rag";
import { RETRIEVAL_MODES } from "../lib/retrieval/retriever";

interface HeldOut {
  question: string;
  evidence: string;
  answer: string;
}
interface OffTopic {
  question: string;
  split: "dev" | "test";
}

const pipeline = await loadRagPipeline();
const offTopic = readJsonLines<OffTopic>("data/qa/off-topic.jsonl");
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

for (const split of ["dev", "test"] as const) {
  const questions = readJsonLines<HeldOut>(`data/qa/heldout-${split}.jsonl`);
  console.log(
    `\n${split}: ${questions.length} in-scope questions, ${offTopic.filter((q) => q.split === split).length} off-topic`,
  );
  for (const mode of RETRIEVAL_MODES) {
    const ranks: (number | null)[] = [];
    for (const q of questions) {
      const hits = await pipeline.retriever.retrieve(q.question, 3, mode);
      ranks.push(
        evidenceRank(
          hits.map((h) => h.passage.text),
          (text) => containsEvidence(text, q.evidence),
        ),
      );
    }
    console.log(
      `  ${mode.padEnd(9)} recall@1 ${pct(rate(ranks, (r) => r === 1))}  recall@3 ${pct(rate(ranks, (r) => r !== null))}`,
    );
  }
  const answers = await Promise.all(questions.map((q) => pipeline.ask(q.question)));
  const declinedOff = await Promise.all(
    offTopic.filter((q) => q.split === split).map((q) => pipeline.ask(q.question)),
  );
  console.log(
    `  answered in-scope ${pct(rate(answers, (a) => !a.abstained))}, declined off-topic ${pct(rate(declinedOff, (a) => a.abstained))}`,
  );
  console.log(
    `  extractive answer token-F1 (declines score 0) ${mean(answers.map((a, i) => (a.abstained ? 0 : tokenF1(a.answer.replace(/\s*\[\d+\]/g, ""), questions[i]?.answer ?? "")))).toFixed(3)}`,
  );
}

// A second estimate, closer to ordinary paraphrases: hold out one training paraphrase per fact (the last),
// build the index from the other eight, and ask the held-out one.
{
  const { buildArticleIndex, assembleRagPipeline } = await import("../lib/retrieval/assemble");
  const { PATHS, readText, readVectorTable } = await import("../lib/node/assets");
  const training = readJsonLines<HeldOut & { factId: string }>("data/qa/train.jsonl");
  const lastOfFact = new Map(training.map((pair) => [pair.factId, pair]));
  const heldOut = [...lastOfFact.values()];
  const kept = training.filter((pair) => lastOfFact.get(pair.factId) !== pair);
  const db = await buildArticleIndex(readText(PATHS.article), kept);
  const loo = await assembleRagPipeline(db, readVectorTable());
  const ranks: (number | null)[] = [];
  for (const q of heldOut) {
    const hits = await loo.retriever.retrieve(q.question, 3);
    ranks.push(
      evidenceRank(
        hits.map((h) => h.passage.text),
        (text) => containsEvidence(text, q.evidence),
      ),
    );
  }
  console.log(
    `\ntraining paraphrase held out (1 per fact, ${heldOut.length}): hybrid recall@1 ${pct(rate(ranks, (r) => r === 1))}  recall@3 ${pct(rate(ranks, (r) => r !== null))}`,
  );
}
