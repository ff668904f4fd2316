"use client";
import { memo } from "react";
import { SAME_BASE, whatEachWasGiven } from "../lib/comparison/given";
import { KNOWLEDGE_SETTINGS, type Knowledge } from "../lib/rag/knowledge";
import { ToggleGroup } from "./toggle-group";

/**
 * "What each approach was given": one switch for both panels, and what that means for each, so the audience
 * knows whose strength is borrowed from which data.
 */
export const KnowledgeSwitch = memo(function KnowledgeSwitch({
  knowledge,
  trainingPairs,
  onChange,
}: {
  knowledge: Knowledge;
  trainingPairs: number;
  onChange: (knowledge: Knowledge) => void;
}) {
  const given = whatEachWasGiven(knowledge, trainingPairs);
  return (
    <section
      aria-label="What each approach was given"
      data-testid="knowledge-switch"
      data-knowledge={knowledge}
      className="flex flex-col gap-1 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2"
    >
      <ToggleGroup
        legend="What each approach was given"
        visibleLegend="What each approach was given:"
        testId="knowledge-option"
        value={knowledge}
        onChange={onChange}
        options={KNOWLEDGE_SETTINGS.map((value) => ({
          value,
          label: whatEachWasGiven(value, trainingPairs).label,
        }))}
      />
      <p data-testid="knowledge-given" className="presentation-hide text-xs text-slate-700">
        <span className="font-semibold">RAG:</span> {given.rag}.{" "}
        <span className="font-semibold">Fine-tuned:</span> {given.fineTuned}.{" "}
        <span className="presentation-hide">{SAME_BASE}</span>
      </p>
    </section>
  );
});
