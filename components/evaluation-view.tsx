"use client";
import { useMemo, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { EvaluationReport } from "../lib/evaluation/report-types";
import { formatBytes, formatMs } from "../lib/format";
import { ToggleGroup } from "./toggle-group";

const pct = (value: number) => Math.round(value * 1000) / 10;

function Chart({
  title,
  testId,
  data,
  bars,
}: {
  title: string;
  testId: string;
  data: Record<string, string | number>[];
  bars: { key: string; color: string }[];
}) {
  return (
    <figure data-testid={testId} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <figcaption className="mb-2 text-sm font-semibold text-slate-800">{title}</figcaption>
      <div className="h-64">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={{ fontSize: 12 }} />
            <YAxis unit="%" domain={[0, 100]} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(value) => `${value}%`} />
            <Legend />
            {bars.map((bar) => (
              <Bar key={bar.key} dataKey={bar.key} fill={bar.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export function EvaluationView({ report }: { report: EvaluationReport }) {
  const [split, setSplit] = useState<"dev" | "test">("test");
  const [kind, setKind] = useState<"in-scope" | "off-topic">("in-scope");
  const s = report.splits[split];
  const retrieval = Object.entries(s.retrieval).map(([mode, r]) => ({
    name: mode,
    "recall@1": pct(r.recallAt1),
    "recall@3": pct(r.recallAt3),
  }));
  const gen = s.ragGenerative ?? null;
  const answers = [
    {
      name: "token-F1",
      "RAG extractive": pct(s.rag.tokenF1),
      ...(gen ? { "RAG generative": pct(gen.tokenF1) } : {}),
      "Fine-tuned": pct(s.fineTuned?.tokenF1 ?? 0),
    },
    {
      name: "faithfulness",
      "RAG extractive": pct(s.rag.faithfulness ?? 0),
      ...(gen ? { "RAG generative": pct(gen.faithfulness ?? 0) } : {}),
      "Fine-tuned": 0,
    },
  ];
  const offTopic = [
    {
      name: "off-topic questions",
      "RAG extractive declined": pct(s.rag.offTopicDeclined),
      ...(gen ? { "RAG generative declined": pct(gen.offTopicDeclined) } : {}),
      "Fine-tuned answered anyway": pct(s.fineTuned?.offTopicAnswered ?? 0),
    },
  ];
  const ragBars = [
    { key: "RAG extractive", color: "#0369a1" },
    ...(gen ? [{ key: "RAG generative", color: "#0d9488" }] : []),
  ];
  const rows = useMemo(
    () => report.questions.filter((q) => q.split === split && q.kind === kind),
    [report, split, kind],
  );
  const ft = report.latencyMs.fineTuned;

  return (
    <div className="flex flex-col gap-4">
      <ToggleGroup
        legend="Question set"
        size="sm"
        value={split}
        onChange={setSplit}
        options={[
          { value: "test", label: "Test split" },
          { value: "dev", label: "Dev split (used for tuning)" },
        ]}
      />
      <p className="text-sm text-slate-600">
        {s.inScope} in-scope questions, {s.offTopic} off-topic. Ordinary paraphrases (one training paraphrase
        per fact held out of the index and the classifier): recall@3{" "}
        {pct(report.retrievalOrdinaryParaphrases.recallAt3)}%.
        {s.rag.evidenceCited !== undefined &&
          ` The answer's citations hold the evidence for ${pct(s.rag.evidenceCited)}% of in-scope questions (a declined question cites nothing).`}
      </p>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Chart
          testId="chart-retrieval"
          title="Retrieval: evidence in the top passages"
          data={retrieval}
          bars={[
            { key: "recall@1", color: "#0369a1" },
            { key: "recall@3", color: "#7dd3fc" },
          ]}
        />
        <Chart
          testId="chart-answers"
          title="Answers (in-scope): token-F1 against the reference; faithfulness to the citations"
          data={answers}
          bars={[...ragBars, { key: "Fine-tuned", color: "#c2410c" }]}
        />
        <Chart
          testId="chart-off-topic"
          title="Questions the article does not answer"
          data={offTopic}
          bars={[
            { key: "RAG extractive declined", color: "#0369a1" },
            ...(gen ? [{ key: "RAG generative declined", color: "#0d9488" }] : []),
            { key: "Fine-tuned answered anyway", color: "#c2410c" },
          ]}
        />
      </div>
      <section className="rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm">
        <h2 className="mb-2 text-base font-semibold">Latency and size</h2>
        <ul className="grid grid-cols-1 gap-1 sm:grid-cols-2">
          <li>
            RAG retrieve p50 {formatMs(report.latencyMs.rag.retrieve.p50)}, p95{" "}
            {formatMs(report.latencyMs.rag.retrieve.p95)}
          </li>
          <li>RAG whole extractive answer p50 {formatMs(report.latencyMs.rag.total.p50)}</li>
          {report.latencyMs.ragGenerative && (
            <li>
              RAG reader first token p50 {formatMs(report.latencyMs.ragGenerative.firstToken.p50)},{" "}
              {report.latencyMs.ragGenerative.tokensPerSecond.toFixed(0)} tokens/s (Node)
            </li>
          )}
          {ft && (
            <li>
              Fine-tuned first token p50 {formatMs(ft.firstToken.p50)}, {ft.tokensPerSecond.toFixed(0)}{" "}
              tokens/s (Node)
            </li>
          )}
          {ft && <li>Fine-tuned load {formatMs(ft.load)}</li>}
          {Object.entries(report.sizesBytes).map(([name, bytes]) => (
            <li key={name}>
              {name}: {bytes === null ? "missing" : formatBytes(bytes)}
            </li>
          ))}
        </ul>
      </section>
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
              { value: "in-scope", label: "in-scope" },
              { value: "off-topic", label: "off-topic" },
            ]}
          />
        </div>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable so keyboard users can scroll it (axe: scrollable-region-focusable) */}
        <section aria-label="Questions and answers" tabIndex={0} className="max-h-[32rem] overflow-auto">
          <table className="w-full text-left text-sm">
            <thead className="sticky top-0 bg-white text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-2">
                  Question
                </th>
                {kind === "in-scope" && (
                  <th scope="col" className="py-1 pr-2">
                    Reference
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
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="question-row" className="border-t border-slate-100 align-top">
                  <td className="py-1 pr-2">{row.question}</td>
                  {kind === "in-scope" && <td className="py-1 pr-2 text-slate-600">{row.reference}</td>}
                  <td className={`py-1 pr-2 ${row.rag.abstained ? "italic text-amber-800" : ""}`}>
                    {row.rag.answer}
                    {row.ragGenerative && (
                      <span className="mt-1 block text-teal-800">Generative: {row.ragGenerative.answer}</span>
                    )}
                    {row.evidenceCited !== undefined && (
                      <span className="block text-xs text-slate-500">
                        {row.evidenceCited ? "evidence cited" : "evidence not cited"}
                      </span>
                    )}
                  </td>
                  <td className="py-1 pr-2">{row.fineTuned?.answer ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>
    </div>
  );
}
