import { existsSync, readFileSync } from "node:fs";
import Link from "next/link";
import { EvaluationView } from "../../components/evaluation-view";
import type { EvaluationReport } from "../../lib/evaluation/report-types";

export const metadata = { title: "Evaluation · RAG vs Fine-Tuning, side by side" };

const REPORT = "data/evaluation/report.json";

export default function EvaluationPage() {
  const report = existsSync(REPORT) ? (JSON.parse(readFileSync(REPORT, "utf8")) as EvaluationReport) : null;
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-4 p-4 sm:p-6">
      <header>
        <nav aria-label="Other pages" className="flex flex-wrap gap-x-4 text-sm">
          <Link href="/" className="text-sky-800 hover:underline">
            ← Back to the side-by-side demo
          </Link>
          <Link href="/glossary" className="text-sky-800 hover:underline">
            Glossary of the terms used here
          </Link>
        </nav>
        <h1 className="mt-2 text-2xl font-bold tracking-tight">Evaluation: both pipelines, measured</h1>
        <p className="max-w-3xl text-sm text-slate-700">
          Every figure below comes from <code>npm run eval</code>, which asks both pipelines questions they
          never saw (rewordings of the article&apos;s facts, kept out of training and of the search index, in{" "}
          <code>data/qa/</code>) and questions the article does not answer. The script writes the report;
          nobody edits it by hand. Underlined words open a short definition.
        </p>
      </header>
      {report ? (
        <EvaluationView report={report} />
      ) : (
        <p data-testid="no-report">No report yet: run npm run eval.</p>
      )}
    </main>
  );
}
