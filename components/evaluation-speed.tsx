import type { ReactNode } from "react";
import { measuredOn, plainLabel, SIZE_LABELS } from "../lib/evaluation/labels";
import type { EvaluationReport } from "../lib/evaluation/report-types";
import { formatBytes, formatMs } from "../lib/format";
import { GlossaryTerm } from "./glossary-term";

interface Timing {
  key: string;
  what: ReactNode;
  value: string;
}

const rate = (tokensPerSecond: number) => `${Math.round(tokensPerSecond).toLocaleString("en")} tokens/s`;

/** Every timing the report holds, in words; "typical" is the median, "slow" the 95th percentile. */
function timings(latency: EvaluationReport["latencyMs"]): Timing[] {
  const rows: Timing[] = [
    {
      key: "retrieve-p50",
      what: "RAG: finding the passages, typical question",
      value: formatMs(latency.rag.retrieve.p50),
    },
    {
      key: "retrieve-p95",
      what: "RAG: finding the passages, slowest 1 question in 20",
      value: formatMs(latency.rag.retrieve.p95),
    },
    {
      key: "total-p50",
      what: "RAG quoting its sources: the whole answer, typical question",
      value: formatMs(latency.rag.total.p50),
    },
  ];
  const reader = latency.ragGenerative;
  if (reader) {
    rows.push(
      {
        key: "reader-first-token",
        what: (
          <>
            Reader model: wait for the <GlossaryTerm id="first-token">first token</GlossaryTerm>, typical
          </>
        ),
        value: formatMs(reader.firstToken.p50),
      },
      { key: "reader-rate", what: "Reader model: writing speed", value: rate(reader.tokensPerSecond) },
    );
  }
  const fineTuned = latency.fineTuned;
  if (fineTuned) {
    rows.push(
      { key: "fine-tuned-load", what: "Fine-tuned model: loading, once", value: formatMs(fineTuned.load) },
      {
        key: "fine-tuned-first-token",
        what: "Fine-tuned model: wait for the first token, typical",
        value: formatMs(fineTuned.firstToken.p50),
      },
      {
        key: "fine-tuned-rate",
        what: "Fine-tuned model: writing speed",
        value: rate(fineTuned.tokensPerSecond),
      },
    );
  }
  return rows;
}

/**
 * The report's timings and file sizes as two small tables. Every timing names where it was measured: `npm run
 * eval` runs in Node, which is faster than a browser, so none of them is what a visitor's browser takes.
 */
export function EvaluationSpeed({ report }: { report: EvaluationReport }) {
  const where = measuredOn(report.machine);
  return (
    <section
      data-testid="speed-and-size"
      aria-labelledby="speed-title"
      className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm"
    >
      <h2 id="speed-title" className="text-base font-semibold text-slate-900">
        Speed and size
      </h2>
      <p data-testid="speed-caption" className="text-slate-700">
        Timings measured by <code>npm run eval</code> in Node.js on a {report.machine.cpus}-core machine, not
        in a browser: the demo page shows each panel&apos;s own timings in your browser, which are usually
        slower. Writing speed is counted in{" "}
        <GlossaryTerm id="tokens-per-second">tokens per second</GlossaryTerm>.
      </p>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[3fr_2fr]">
        <table data-testid="timings-table" className="w-full self-start text-left">
          <caption className="sr-only">Timings</caption>
          <thead className="text-xs text-slate-700">
            <tr>
              <th scope="col" className="py-1 pr-2 font-semibold">
                What
              </th>
              <th scope="col" className="py-1 pr-2 font-semibold">
                Time
              </th>
              <th scope="col" className="py-1 font-semibold">
                Measured on
              </th>
            </tr>
          </thead>
          <tbody>
            {timings(report.latencyMs).map((row) => (
              <tr key={row.key} data-testid="timing-row" className="border-t border-slate-100 align-top">
                <th scope="row" className="py-1 pr-2 font-normal text-slate-900">
                  {row.what}
                </th>
                <td className="py-1 pr-2 whitespace-nowrap font-medium tabular-nums">{row.value}</td>
                <td className="py-1 text-slate-700 sm:whitespace-nowrap">{where}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table data-testid="sizes-table" className="w-full self-start text-left">
          <caption className="sr-only">File sizes</caption>
          <thead className="text-xs text-slate-700">
            <tr>
              <th scope="col" className="py-1 pr-2 font-semibold">
                File
              </th>
              <th scope="col" className="py-1 font-semibold">
                Size on disk
              </th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(report.sizesBytes).map(([key, bytes]) => (
              <tr key={key} className="border-t border-slate-100">
                <th scope="row" className="py-1 pr-2 font-normal text-slate-900">
                  {plainLabel(SIZE_LABELS, key)}
                </th>
                <td className="py-1 tabular-nums">{bytes === null ? "not built" : formatBytes(bytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
