/**
 * Scores the CLI as a user would meet it: runs `npm run --silent ask -- --pipeline rag ... --jsonl FILE`
 * (the real command, in a child process) and reads what it printed.
 *   tsx scripts/score-ask.ts FILE [more ask arguments, e.g. --knowledge article] [--details OUT.jsonl]
 * An in-scope row (one with `evidence`) counts when the evidence (lib/evaluation/evidence.ts) is in any
 * citation the CLI printed: a declined question prints none, so declining it is a miss. A row without
 * `evidence` is off topic and counts when it was declined. Token-F1 compares the printed answer with the row's
 * `answer` (a declined question scores 0). `evidenceMarkedShare` asks the same of the citations the answer's
 * markers name. Faithfulness is the mean of the CLI's `faithfulness` over the in-scope questions answered;
 * `withInventedWords` counts the answers (any row) with an invented word. Prints one JSON summary.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { mean, roundFigure } from "../lib/evaluation/metrics";
import { answerQuality } from "../lib/evaluation/summarize";
import { readJsonLines } from "../lib/node/assets";
import { CITATION_COUNT } from "../lib/rag/settings";
import { containsEvidence } from "../lib/text/evidence";
import { citedRanks, stripMarkers } from "../lib/text/markers";

interface Row {
  id?: string;
  question: string;
  evidence?: string;
  answer?: string;
}
interface Printed {
  question: string;
  knowledge: string;
  rag: {
    answer: string;
    abstained: boolean;
    citations: { text: string; id: string; rank: number }[];
    faithfulness: number | null;
    invented: string[];
  };
}

const [file, ...rest] = process.argv.slice(2);
if (!file) throw new Error("usage: tsx scripts/score-ask.ts FILE [ask arguments] [--details OUT.jsonl]");
const detailsAt = rest.indexOf("--details");
const details = detailsAt >= 0 ? rest[detailsAt + 1] : undefined;
const askArgs = detailsAt >= 0 ? rest.filter((_, i) => i !== detailsAt && i !== detailsAt + 1) : rest;

const rows = readJsonLines<Row>(file);
const run = spawnSync(
  "npm",
  ["run", "--silent", "ask", "--", "--pipeline", "rag", ...askArgs, "--jsonl", file],
  {
    encoding: "utf8",
    maxBuffer: 1 << 30,
  },
);
if (run.status !== 0) throw new Error(`ask failed (${run.status}): ${run.stderr}`);
const printed = run.stdout
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as Printed);
if (printed.length !== rows.length) throw new Error(`${rows.length} questions, ${printed.length} answers`);

const inScope: { row: Row; out: Printed }[] = [];
const offTopic: { row: Row; out: Printed }[] = [];
rows.forEach((row, i) => {
  const out = printed[i] as Printed;
  (row.evidence ? inScope : offTopic).push({ row, out });
});
const cited = ({ row, out }: { row: Row; out: Printed }) =>
  out.rag.citations.some((c) => containsEvidence(c.text, row.evidence ?? ""));
// The same measure for both modes: the passages the answer's own markers name (an extractive answer cites all
// the passages it was handed, a generative one those its words come from).
const marked = ({ row, out }: { row: Row; out: Printed }) => {
  const ranks = citedRanks(out.rag.answer, CITATION_COUNT);
  return out.rag.citations.some(
    (c) => ranks.includes(c.rank) && containsEvidence(c.text, row.evidence ?? ""),
  );
};
const share = (n: number, of: number) => (of === 0 ? null : roundFigure(n / of));
const meanOf = (values: number[]) => (values.length === 0 ? null : roundFigure(mean(values)));
const quality = answerQuality(
  inScope.map(({ row, out }) => ({
    prediction: out.rag.abstained ? null : stripMarkers(out.rag.answer),
    reference: row.answer ?? "",
  })),
);
const summary = {
  file,
  args: askArgs,
  knowledge: [...new Set(printed.map((p) => p.knowledge))],
  inScope: inScope.length,
  evidenceCited: inScope.filter(cited).length,
  evidenceCitedShare: share(inScope.filter(cited).length, inScope.length),
  evidenceMarkedShare: share(inScope.filter(marked).length, inScope.length),
  inScopeDeclined: inScope.filter(({ out }) => out.rag.abstained).length,
  tokenF1: inScope.length > 0 ? quality.tokenF1 : null,
  faithfulness: meanOf(
    inScope.flatMap(({ out }) => (out.rag.faithfulness === null ? [] : [out.rag.faithfulness])),
  ),
  withInventedWords: printed.filter((p) => p.rag.invented.length > 0).length,
  offTopic: offTopic.length,
  offTopicDeclined: offTopic.filter(({ out }) => out.rag.abstained).length,
  offTopicDeclinedShare: share(offTopic.filter(({ out }) => out.rag.abstained).length, offTopic.length),
};
if (details) {
  writeFileSync(
    details,
    `${[...inScope, ...offTopic]
      .map(({ row, out }) =>
        JSON.stringify({
          id: row.id,
          question: row.question,
          inScope: Boolean(row.evidence),
          cited: row.evidence ? cited({ row, out }) : null,
          abstained: out.rag.abstained,
          answer: out.rag.answer,
          faithfulness: out.rag.faithfulness,
          invented: out.rag.invented,
          citations: out.rag.citations.map((c) => c.id),
        }),
      )
      .join("\n")}\n`,
  );
}
console.log(JSON.stringify(summary));
