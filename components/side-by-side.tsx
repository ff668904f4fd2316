"use client";
import { useFineTunedWorker } from "../hooks/use-fine-tuned-worker";
import { useRagWorker } from "../hooks/use-rag-worker";
import type { ComparisonTable as Table } from "../lib/documents/types";
import { ComparisonTable } from "./comparison-table";
import { FineTunedPanel } from "./fine-tuned-panel";
import { QuestionForm } from "./question-form";
import { RagPanel } from "./rag-panel";

/** The one client boundary of the main page: both workers, the question box and the two panels. */
export function SideBySide({ table, examples }: { table: Table; examples: readonly string[] }) {
  const rag = useRagWorker();
  const fineTuned = useFineTunedWorker();
  const busy = rag.answer.status === "running" || fineTuned.answer.status === "running";

  const ask = (question: string) => {
    rag.ask(question);
    fineTuned.ask(question);
  };

  return (
    <div className="flex flex-col gap-4">
      <QuestionForm examples={examples} onAsk={ask} busy={busy} />
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,0.9fr)] lg:grid-cols-2">
        <RagPanel load={rag.load} answer={rag.answer} onRetry={rag.retry} />
        <FineTunedPanel
          load={fineTuned.load}
          answer={fineTuned.answer}
          onStop={fineTuned.stop}
          onRetry={fineTuned.retry}
        />
        <div className="lg:col-span-2 xl:col-span-1">
          <ComparisonTable table={table} />
        </div>
      </div>
    </div>
  );
}
