"use client";
import { type ReactNode, useMemo, useState } from "react";
import { usePresentationMode } from "../hooks/use-presentation-mode";
import {
  plainLabel,
  RETRIEVAL_METHOD_LABELS,
  RETRIEVAL_METHOD_ORDER,
  SYSTEM_LABELS,
  type SystemKey,
} from "../lib/evaluation/labels";
import { PALETTE } from "../lib/evaluation/palette";
import type { EvaluationReport, SplitReport } from "../lib/evaluation/report-types";
import { retrievalModes } from "../lib/rag/knowledge";
import { type ChartRow, EvaluationChart } from "./evaluation-chart";
import { EvaluationSpeed } from "./evaluation-speed";
import { GlossaryTerm } from "./glossary-term";
import { PresentationToggle } from "./presentation-toggle";
import { StackedLabel } from "./stacked-label";
import { ToggleGroup } from "./toggle-group";

/** Words in brackets kept on one line: a line never starts with a term's closing bracket or ends with "(". */
function Bracketed({ children }: { children: ReactNode }) {
  return <span className="whitespace-nowrap">({children})</span>;
}

/** A share in [0, 1] as a percentage with one decimal, as the bars are labelled. */
const pct = (value: number) => Math.round(value * 1000) / 10;

// The report's top-level figures are the "article+questions" setting's: only its ways of searching are shown.
const SHOWN_MODES: readonly string[] = retrievalModes("article+questions");

function retrievalRows(split: SplitReport): ChartRow[] {
  const methods = Object.keys(split.retrieval).filter((method) => SHOWN_MODES.includes(method));
  const ordered = [
    ...RETRIEVAL_METHOD_ORDER.filter((method) => methods.includes(method)),
    ...methods.filter((method) => !(RETRIEVAL_METHOD_ORDER as readonly string[]).includes(method)),
  ];
  return ordered.map((method) => {
    const recall = split.retrieval[method] as { recallAt1: number; recallAt3: number };
    return {
      label: plainLabel(RETRIEVAL_METHOD_LABELS, method),
      first: pct(recall.recallAt1),
      topThree: pct(recall.recallAt3),
    };
  });
}

interface SettingFigures {
  rag?: { evidenceCited?: number; tokenF1?: number; offTopicDeclined?: number } | null;
  ragGenerative?: { tokenF1?: number } | null;
  fineTuned?: { tokenF1?: number } | null;
}

/**
 * The same figures in both knowledge settings, one bar each: what the written questions bought each approach.
 * A figure one setting lacks (a model not built) drops its row rather than showing a 0.
 */
function knowledgeRows(report: EvaluationReport, split: "dev" | "test"): ChartRow[] {
  const settings = (report.knowledgeSettings ?? {}) as Record<
    string,
    { splits?: Record<string, SettingFigures> }
  >;
  const alone = settings.article?.splits?.[split];
  const withQuestions: SettingFigures = report.splits[split];
  if (!alone) return [];
  const measures: [string, (figures: SettingFigures) => number | undefined | null][] = [
    ["RAG: evidence among its citations", (f) => f.rag?.evidenceCited],
    ["RAG, quoting: words shared with the reference", (f) => f.rag?.tokenF1],
    ["RAG, reader writes: words shared with the reference", (f) => f.ragGenerative?.tokenF1],
    ["Fine-tuned: words shared with the reference", (f) => f.fineTuned?.tokenF1],
    ["RAG: off-topic questions declined", (f) => f.rag?.offTopicDeclined],
  ];
  return measures.flatMap(([label, figure]) => {
    const [a, q] = [figure(alone), figure(withQuestions)];
    return typeof a === "number" && typeof q === "number"
      ? [{ label, articleOnly: pct(a), withQuestions: pct(q) }]
      : [];
  });
}

/** One bar per system that has the figure, coloured as that system is everywhere on the page. */
function systemBars(values: Partial<Record<SystemKey, number | null>>) {
  const present = (Object.entries(values) as [SystemKey, number | null | undefined][]).filter(
    (entry): entry is [SystemKey, number] => typeof entry[1] === "number",
  );
  return {
    rows: present.map(([system, value]) => ({ label: SYSTEM_LABELS[system], value: pct(value) })),
    colors: present.map(([system]) => PALETTE[system]),
  };
}

export function EvaluationView({ report }: { report: EvaluationReport }) {
  const [split, setSplit] = useState<"dev" | "test">("test");
  const [kind, setKind] = useState<"in-scope" | "off-topic">("in-scope");
  const presentation = usePresentationMode();
  const fontSize = presentation.on ? 15 : 12;
  const s = report.splits[split];
  const gen = s.ragGenerative ?? null;
  const questions = split === "test" ? "test questions" : "development questions";
  const answers = systemBars({
    ragExtractive: s.rag.tokenF1,
    ragGenerative: gen?.tokenF1,
    fineTuned: s.fineTuned?.tokenF1,
  });
  const faithfulness = systemBars({ ragExtractive: s.rag.faithfulness, ragGenerative: gen?.faithfulness });
  const fineTunedDeclined = s.fineTuned ? 1 - s.fineTuned.offTopicAnswered : null;
  const declined = systemBars({
    ragExtractive: s.rag.offTopicDeclined,
    ragGenerative: gen?.offTopicDeclined,
    fineTuned: fineTunedDeclined,
  });
  const knowledge = knowledgeRows(report, split);
  const rows = useMemo(
    () => report.questions.filter((q) => q.split === split && q.kind === kind),
    [report, split, kind],
  );

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <ToggleGroup
          legend="Question set"
          size="sm"
          value={split}
          onChange={setSplit}
          options={[
            { value: "test", label: "Test questions" },
            { value: "dev", label: "Development questions (used for tuning)" },
          ]}
        />
        <PresentationToggle on={presentation.on} onToggle={presentation.toggle} />
      </div>
      <p data-testid="evaluation-summary" className="max-w-4xl text-sm text-slate-700">
        {s.inScope} {questions} the article answers, each written in other words than the article&apos;s, and{" "}
        {s.offTopic} it does not answer.
        {s.rag.evidenceCited !== undefined &&
          ` The passages a RAG answer cites hold the answer for ${pct(s.rag.evidenceCited)}% of the answerable ones (a declined question cites nothing).`}{" "}
        For everyday rewordings of the training questions, kept out of the search index, the evidence is among
        the first three passages for {pct(report.retrievalOrdinaryParaphrases.recallAt3)}%.
      </p>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <EvaluationChart
          testId="chart-retrieval"
          title="Does the search find the evidence?"
          caption={
            <>
              Share of the {s.inScope} {questions} whose answer is in the first{" "}
              <GlossaryTerm id="passage">passage</GlossaryTerm> found, or among the first three{" "}
              <Bracketed>
                <GlossaryTerm id="recall-at-3">recall@3</GlossaryTerm>
              </Bracketed>
              , for each way of searching, from plain keyword match{" "}
              <Bracketed>
                <GlossaryTerm id="bm25">BM25</GlossaryTerm>
              </Bracketed>{" "}
              to all signals combined: higher is better.
            </>
          }
          rows={retrievalRows(s)}
          series={[
            { key: "first", label: "First passage found", color: PALETTE.firstPassage },
            { key: "topThree", label: "Among the first three", color: PALETTE.topThreePassages },
          ]}
          fontSize={fontSize}
        />
        {knowledge.length > 0 && (
          <EvaluationChart
            testId="chart-knowledge"
            title="What did the written questions buy each approach?"
            caption={
              <>
                The same {questions}, given the article only or the article and the written questions (RAG
                searches with them, the model is <GlossaryTerm id="fine-tuning">fine-tuned</GlossaryTerm> on
                them). Both start from the same base model: higher is better.
              </>
            }
            rows={knowledge}
            series={[
              { key: "articleOnly", label: "The article only", color: PALETTE.articleOnly },
              {
                key: "withQuestions",
                label: "The article + written questions",
                color: PALETTE.withQuestions,
              },
            ]}
            fontSize={fontSize}
          />
        )}
        <EvaluationChart
          testId="chart-answers"
          title="How close are the answers to the reference?"
          caption={
            <>
              How many words each system&apos;s answers share with an answer written by hand{" "}
              <Bracketed>
                <GlossaryTerm id="token-f1">token-F1</GlossaryTerm>
              </Bracketed>
              , averaged over the {s.inScope} {questions}: higher is closer.
            </>
          }
          rows={answers.rows}
          rowColors={answers.colors}
          series={[{ key: "value", label: "Words shared with the reference", color: PALETTE.ragExtractive }]}
          fontSize={fontSize}
        />
        <EvaluationChart
          testId="chart-faithfulness"
          title="How much do RAG answers copy their sources?"
          caption={
            <>
              Share of each answer&apos;s words found in the passages it cites{" "}
              <Bracketed>
                <GlossaryTerm id="faithfulness">faithfulness</GlossaryTerm>
              </Bracketed>
              , a measure of copying, not of correctness; the fine-tuned model cites no sources, so it has no
              such figure.
            </>
          }
          rows={faithfulness.rows}
          rowColors={faithfulness.colors}
          series={[{ key: "value", label: "Words found in its sources", color: PALETTE.ragExtractive }]}
          fontSize={fontSize}
        />
        <EvaluationChart
          testId="chart-off-topic"
          title="Does it decline what the article does not answer?"
          caption={
            <>
              Share of the {s.offTopic} off-topic {questions} each system declined{" "}
              <Bracketed>
                <GlossaryTerm id="declining">declining</GlossaryTerm>
              </Bracketed>{" "}
              instead of answering: higher is more careful
              {fineTunedDeclined === 0
                ? "; the fine-tuned model cannot tell what it was never taught, so it answers them all."
                : "."}
            </>
          }
          rows={declined.rows}
          rowColors={declined.colors}
          series={[{ key: "value", label: "Declined", color: PALETTE.ragExtractive }]}
          fontSize={fontSize}
        />
      </div>
      <EvaluationSpeed report={report} />
      <section
        data-testid="question-browser"
        className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      >
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-base font-semibold">Every question, both answers</h2>
          <ToggleGroup
            legend="Question kind"
            value={kind}
            onChange={setKind}
            options={[
              { value: "in-scope", label: "Questions it answers" },
              { value: "off-topic", label: "Off-topic questions" },
            ]}
          />
        </div>
        {/* Four columns need about 36rem: narrower (a phone), each row stacks, question first, each cell labelled. */}
        <section
          aria-label="Questions and answers"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it (axe: scrollable-region-focusable)
          tabIndex={0}
          className="@container max-h-[32rem] overflow-auto"
        >
          <table className="w-full text-left text-sm @max-[36rem]:block">
            <thead className="sticky top-0 bg-white text-xs uppercase text-slate-700 @max-[36rem]:sr-only">
              <tr>
                <th scope="col" className="py-1 pr-2">
                  Question
                </th>
                {kind === "in-scope" && (
                  <th scope="col" className="py-1 pr-2">
                    Reference answer
                  </th>
                )}
                <th scope="col" className="py-1 pr-2">
                  RAG
                </th>
                <th scope="col" className="py-1 pr-2">
                  Fine-tuned
                </th>
              </tr>
            </thead>
            <tbody className="@max-[36rem]:block">
              {rows.map((row) => (
                <tr
                  key={row.id}
                  data-testid="question-row"
                  className="border-t border-slate-100 align-top @max-[36rem]:block @max-[36rem]:py-2"
                >
                  <td className="py-1 pr-2 @max-[36rem]:block @max-[36rem]:font-semibold">{row.question}</td>
                  {kind === "in-scope" && (
                    <td className="py-1 pr-2 text-slate-600 @max-[36rem]:block">
                      <StackedLabel under="36rem">Reference answer</StackedLabel>
                      {row.reference}
                    </td>
                  )}
                  <td
                    className={`py-1 pr-2 @max-[36rem]:block ${row.rag.abstained ? "italic text-amber-800" : ""}`}
                  >
                    <StackedLabel under="36rem">RAG</StackedLabel>
                    {row.rag.answer}
                    {row.ragGenerative && (
                      <span className="mt-1 block text-violet-800">
                        Reader model wrote: {row.ragGenerative.answer}
                      </span>
                    )}
                    {row.evidenceCited !== undefined && (
                      <span className="block text-xs text-slate-700">
                        {row.evidenceCited ? "its sources hold the answer" : "its sources miss the answer"}
                      </span>
                    )}
                  </td>
                  <td className="py-1 pr-2 @max-[36rem]:block">
                    <StackedLabel under="36rem">Fine-tuned</StackedLabel>
                    {row.fineTuned?.answer ?? "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>
    </div>
  );
}
