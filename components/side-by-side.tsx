"use client";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useDocuments } from "../hooks/use-documents";
import { useFineTunedWorker } from "../hooks/use-fine-tuned-worker";
import { useLiveFineTune } from "../hooks/use-live-fine-tune";
import { usePresentationMode } from "../hooks/use-presentation-mode";
import { useRagWorker } from "../hooks/use-rag-worker";
import { type EvidenceInputs, liveEvidence } from "../lib/comparison/live-evidence";
import type { ComparisonTable as Table } from "../lib/documents/types";
import type { LifecycleStep } from "../lib/fine-tuned/lifecycle";
import type { QuestionSet } from "../lib/questions/question-sets";
import { RAG_MODES, type RagMode } from "../lib/rag/types";
import { ComparisonTable } from "./comparison-table";
import { CLASSROOM_FACT, DocumentsPanel } from "./documents-panel";
import { FineTunedPanel } from "./fine-tuned-panel";
import { QuestionForm, type QuestionPreset } from "./question-form";
import { RagPanel } from "./rag-panel";

// The address carries the question and the RAG mode, so a presenter can prepare and share them.
function remember(name: string, value: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set(name, value);
  window.history.replaceState(null, "", url);
}

// Its own chunk, fetched after the page's first load: a visitor who never fine-tunes never needs it.
const LiveFineTunePanel = lazy(() =>
  import("./live-fine-tune-panel").then((module) => ({ default: module.LiveFineTunePanel })),
);

// The live panel reads the answers only to judge the questions it offers after training; until then it
// gets these constants, so streamed tokens do not re-render it (the main thread is shared with training).
const IDLE_RAG = { status: "idle" } as const;
const IDLE_FINE_TUNED = { status: "idle" } as const;

/** The one client boundary of the main page: both workers, the question box and the two panels. */
export function SideBySide({
  table,
  sets,
  buildFacts,
  lifecycle,
}: {
  lifecycle: readonly LifecycleStep[] | null;
  table: Table;
  sets: readonly QuestionSet[];
  buildFacts: EvidenceInputs["build"];
}) {
  const rag = useRagWorker();
  const fineTuned = useFineTunedWorker();
  // After a live fine-tune, the fine-tuned panel answers from the weights updated in this page.
  const live = useLiveFineTune();
  const fineTunedAnswer = live.active ? live.answer : fineTuned.answer;
  const busy = rag.answer.status === "running" || fineTunedAnswer.status === "running";
  const { hold } = live;
  useEffect(() => hold(busy), [hold, busy]);
  const presentation = usePresentationMode();
  const documents = useDocuments(rag.load.status === "ready", rag.updateDocuments);
  // Text put in the question box from outside (a shared ?q= link, the classroom demo); `ifUntouched` never
  // overwrites what the visitor is typing.
  const [preset, setPreset] = useState<QuestionPreset | null>(null);
  // A ?q= link's question, asked once the index can answer it, unless the visitor acted first: the last
  // explicit action wins.
  const sharedQuestion = useRef<string | null>(null);
  const visitorActed = useRef(false);
  // A question set named in the address (`?set=sources`, as the decision guide links it).
  const [sharedSet, setSharedSet] = useState<string | null>(null);

  // Every streamed token re-renders this component. The callbacks and the table's evidence keep their identity
  // while their inputs do not change, so the memoised panels, table and forms that did not change skip the
  // render: the main thread shares two cores with both models here (docs/performance.md).
  const { ask: askRag, setMode } = rag;
  // Stable across the switch to the live weights, so the forms need not re-render when training ends.
  const liveActive = useRef(live.active);
  liveActive.current = live.active;
  const { ask: askShipped } = fineTuned;
  const { ask: askLive } = live;
  const askFineTuned = useCallback(
    (question: string) => (liveActive.current ? askLive(question) : askShipped(question)),
    [askLive, askShipped],
  );
  const ask = useCallback(
    (question: string) => {
      visitorActed.current = true;
      askRag(question);
      askFineTuned(question);
      remember("q", question);
    },
    [askRag, askFineTuned],
  );
  const onEdit = useCallback(() => {
    visitorActed.current = true;
  }, []);

  const setRagMode = useCallback(
    (mode: RagMode) => {
      setMode(mode);
      remember("rag", mode);
    },
    [setMode],
  );

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const linked = params.get("q");
    if (linked) {
      sharedQuestion.current = linked;
      setPreset((current) => ({ text: linked, seq: (current?.seq ?? 0) + 1, ifUntouched: true }));
    }
    setSharedSet(params.get("set"));
    const mode = params.get("rag");
    if (RAG_MODES.includes(mode as RagMode)) setMode(mode as RagMode);
  }, [setMode]);

  // The linked question is asked once, as soon as the index can answer it, if the visitor has not typed or
  // asked anything in the meantime.
  useEffect(() => {
    const linked = sharedQuestion.current;
    if (linked === null || rag.load.status !== "ready") return;
    sharedQuestion.current = null;
    if (visitorActed.current) return;
    askRag(linked);
    askFineTuned(linked);
  }, [rag.load.status, askRag, askFineTuned]);

  const passages = rag.load.status === "ready" ? rag.load.passages : null;
  const result = rag.answer.status === "done" ? rag.answer.result : null;
  const tokensPerSecond =
    fineTuned.answer.status === "done" ? fineTuned.answer.generation.tokensPerSecond : null;
  const trained = live.training.status === "trained" ? live.training.summary : null;
  const liveFineTune = useMemo(
    () =>
      trained && {
        seconds: trained.seconds,
        steps: trained.steps,
        examples: trained.examples,
        verbatim: trained.verbatim,
        setting: trained.setting,
        tokensPerSecond: trained.tokensPerSecond,
        memoryBytes: trained.memoryBytes,
        codeBytes: live.load?.codeBytes ?? null,
      },
    [trained, live.load],
  );
  const evidence = useMemo(
    () =>
      liveEvidence({
        build: buildFacts,
        live: {
          passages,
          retrieved: result ? result.retrieved.length : null,
          cited: result ? result.citations.length : null,
          declined: result?.abstained ?? false,
          retrieveMs: result ? result.timings.retrieveMs : null,
          documents: documents.documents.length,
          documentUpdateMs: documents.lastUpdateMs,
          tokensPerSecond,
          liveFineTune,
        },
      }),
    [
      buildFacts,
      passages,
      result,
      documents.documents.length,
      documents.lastUpdateMs,
      tokensPerSecond,
      liveFineTune,
    ],
  );
  const liveLabel = useMemo(
    () => (live.active && live.label ? { label: live.label, onReset: live.reset } : null),
    [live.active, live.label, live.reset],
  );

  const { add: addDocument } = documents;
  const hasClassroomFact = documents.documents.some((d) => d.title === CLASSROOM_FACT.title);
  const runScenario = useCallback(async () => {
    if (!hasClassroomFact) await addDocument(CLASSROOM_FACT.title, CLASSROOM_FACT.text);
    setPreset((current) => ({
      text: CLASSROOM_FACT.question,
      seq: (current?.seq ?? 0) + 1,
      ifUntouched: false,
    }));
    ask(CLASSROOM_FACT.question);
  }, [hasClassroomFact, addDocument, ask]);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex justify-end">
        <button
          type="button"
          data-testid="presentation-toggle"
          aria-pressed={presentation.on}
          onClick={presentation.toggle}
          className="rounded-full border border-slate-300 bg-white px-3 py-1 text-xs font-medium hover:bg-slate-100"
        >
          {presentation.on ? "Leave presentation mode" : "Presentation mode"}
        </button>
      </div>
      <QuestionForm
        preset={preset}
        presetSet={sharedSet}
        sets={sets}
        onAsk={ask}
        onEdit={onEdit}
        busy={busy}
      />
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,0.9fr)] lg:grid-cols-2">
        <RagPanel
          load={rag.load}
          answer={rag.answer}
          reader={rag.reader}
          mode={rag.mode}
          onMode={setRagMode}
          onStop={rag.stop}
          onRetry={rag.retry}
          onEditPassage={documents.edit}
        />
        <FineTunedPanel
          load={fineTuned.load}
          answer={fineTunedAnswer}
          onStop={live.active ? live.stopAnswer : fineTuned.stop}
          onRetry={fineTuned.retry}
          lifecycle={lifecycle}
          live={liveLabel}
        />
        <div className="lg:col-span-2 xl:col-span-1">
          <ComparisonTable table={table} evidence={evidence} />
        </div>
      </div>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <DocumentsPanel
          documents={documents.documents}
          messages={documents.messages}
          onAdd={documents.add}
          onAddFiles={documents.addFiles}
          onRemove={documents.remove}
          onScenario={runScenario}
        />
        <Suspense fallback={null}>
          <LiveFineTunePanel
            documents={documents.documents}
            live={live}
            onAsk={ask}
            ragAnswer={live.active ? rag.answer : IDLE_RAG}
            fineTunedAnswer={live.active ? fineTunedAnswer : IDLE_FINE_TUNED}
          />
        </Suspense>
      </div>
    </div>
  );
}
