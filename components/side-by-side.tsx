"use client";
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useDocuments } from "../hooks/use-documents";
import { useFineTunedWorker } from "../hooks/use-fine-tuned-worker";
import { useKnowledge } from "../hooks/use-knowledge";
import { useLesson } from "../hooks/use-lesson";
import { remember, rememberQuestion, useLinkedState } from "../hooks/use-linked-state";
import { useLiveFineTune } from "../hooks/use-live-fine-tune";
import { usePresentationMode } from "../hooks/use-presentation-mode";
import { SLOW_MOTION_MS, usePresenter } from "../hooks/use-presenter";
import { useRagWorker } from "../hooks/use-rag-worker";
import { useShortcuts } from "../hooks/use-shortcuts";
import { useVerdicts } from "../hooks/use-verdicts";
import { noticeCaveat } from "../lib/comparison/given";
import { type EvidenceInputs, liveEvidence } from "../lib/comparison/live-evidence";
import { relevantRow } from "../lib/comparison/relevant-row";
import type { ComparisonTable as Table } from "../lib/documents/types";
import type { LifecycleStep } from "../lib/fine-tuned/lifecycle";
import { loadingNote } from "../lib/models/load-progress";
import { questionKey } from "../lib/questions/lookup";
import type { QuestionSet } from "../lib/questions/question-sets";
import type { Knowledge } from "../lib/rag/knowledge";
import type { RagMode } from "../lib/rag/types";
import { citedRanks } from "../lib/text/markers";
import { ComparisonTable } from "./comparison-table";
import { CLASSROOM_FACT, DocumentsPanel } from "./documents-panel";
import { FineTunedPanel } from "./fine-tuned-panel";
import { KnowledgeSwitch } from "./knowledge-switch";
import { LessonRecord } from "./lesson-record";
import { PresenterBar } from "./presenter-bar";
import { QuestionForm } from "./question-form";
import { RagPanel } from "./rag-panel";
import { RelevantRow } from "./relevant-row";

// Its own chunk, fetched after the page's first load: a visitor who never fine-tunes never needs it.
const LiveFineTunePanel = lazy(() =>
  import("./live-fine-tune-panel").then((module) => ({ default: module.LiveFineTunePanel })),
);

// The live panel reads the answers only to judge the questions it offers after training; until then it
// gets these constants, so streamed tokens do not re-render it (the main thread is shared with training).
const IDLE_RAG = { status: "idle" } as const;
const IDLE_FINE_TUNED = { status: "idle" } as const;

const ANSWERS_ID = "answers";

/**
 * The height both answers and their timings need below the top of the panels: side by side, or one above
 * the other on a phone.
 */
const answersHeight = () => (window.innerWidth < 768 ? 640 : 340);

/**
 * Brings both answers into view after a question, wherever it was asked from (a chip, the classroom demo at
 * the bottom, a shared link), unless they already fit on the screen as it is, question and all.
 */
function showAnswers(): void {
  const answers = document.getElementById(ANSWERS_ID);
  if (!answers) return;
  const top = answers.getBoundingClientRect().top;
  if (top >= 0 && top + answersHeight() <= window.innerHeight) return;
  const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  answers.scrollIntoView({ block: "start", behavior: smooth ? "smooth" : "auto" });
}

/** The one client boundary of the main page: both workers, the question box, the panels and the table. */
export function SideBySide({
  header,
  table,
  sets,
  buildFacts,
  lifecycles,
}: {
  /** The page's title and credit, beside the presenter's controls. */
  header: ReactNode;
  /** Each setting's fine-tuning steps, from its model's card; null where that model is not built. */
  lifecycles: Record<Knowledge, readonly LifecycleStep[] | null>;
  table: Table;
  sets: readonly QuestionSet[];
  buildFacts: EvidenceInputs["build"];
}) {
  const { knowledge, choose: chooseKnowledge } = useKnowledge();
  const rag = useRagWorker(knowledge);
  const fineTuned = useFineTunedWorker(knowledge);
  // After a live fine-tune, the fine-tuned panel answers from the weights updated in this page.
  const live = useLiveFineTune();
  const fineTunedAnswer = live.active ? live.answer : fineTuned.answer;
  const busy = rag.answer.status === "running" || fineTunedAnswer.status === "running";
  const { hold } = live;
  useEffect(() => hold(busy), [hold, busy]);
  const presentation = usePresentationMode();
  const documents = useDocuments(rag.load.status === "ready", rag.updateDocuments);
  const presenter = usePresenter(rag.answer.status === "idle" ? null : rag.answer.id);

  // Every streamed token re-renders this component. The callbacks and the table's evidence keep their identity
  // while their inputs do not change, so the memoised panels, table and forms that did not change skip the
  // render: the main thread shares two cores with both models here (docs/performance.md).
  const { ask: askRag, setMode } = rag;
  // Stable across the switch to the live weights, so the forms need not re-render when training ends.
  const liveActive = useRef(live.active);
  liveActive.current = live.active;
  const { ask: askShipped } = fineTuned;
  const { ask: askLive } = live;
  const askBoth = useCallback(
    (question: string) => {
      askRag(question);
      if (liveActive.current) askLive(question);
      else askShipped(question);
      requestAnimationFrame(showAnswers);
    },
    [askRag, askLive, askShipped],
  );
  const setIds = useMemo(() => sets.map((set) => set.id), [sets]);
  const linked = useLinkedState(sets[0]?.id ?? "", setIds, rag.load.status === "ready", setMode, askBoth);
  const { markActed, putInBox } = linked;
  const ask = useCallback(
    (question: string) => {
      markActed();
      askBoth(question);
      rememberQuestion(question);
    },
    [markActed, askBoth],
  );
  const askFromOutside = useCallback(
    (question: string) => {
      putInBox(question);
      ask(question);
    },
    [putInBox, ask],
  );

  const setRagMode = useCallback(
    (mode: RagMode) => {
      setMode(mode);
      remember("rag", mode);
    },
    [setMode],
  );

  const verdicts = useVerdicts(sets, rag.answer, fineTunedAnswer, linked.setId, rag.mode);
  const lesson = useLesson(knowledge, rag.answer, fineTunedAnswer, verdicts);

  const result = rag.answer.status === "done" ? rag.answer.result : null;
  const evidence = useTableEvidence(buildFacts, knowledge, rag, documents, fineTuned, live);
  const liveLabel = useMemo(
    () => (live.active && live.label ? { label: live.label, onReset: live.reset } : null),
    [live.active, live.label, live.reset],
  );
  const aspect = useMemo(
    () =>
      rag.answer.status === "idle"
        ? null
        : relevantRow(
            table,
            rag.answer.question,
            (result?.citations ?? []).map((c) => c.text),
          ),
    [table, rag.answer, result],
  );

  const { add: addDocument, removeAll } = documents;
  const hasClassroomFact = documents.documents.some((d) => d.title === CLASSROOM_FACT.title);
  const runScenario = useCallback(async () => {
    if (!hasClassroomFact) await addDocument(CLASSROOM_FACT.title, CLASSROOM_FACT.text);
    askFromOutside(CLASSROOM_FACT.question);
  }, [hasClassroomFact, addDocument, askFromOutside]);

  // The presenter's keys: next and previous question of the set, the RAG mode, the next stage, slow motion.
  const currentSet = sets.find((set) => set.id === linked.setId);
  const step = (by: number) => {
    if (!currentSet || currentSet.questions.length === 0) return;
    const asked = rag.answer.status === "idle" ? "" : questionKey(rag.answer.question);
    const at = currentSet.questions.findIndex((q) => questionKey(q.question) === asked);
    const count = currentSet.questions.length;
    const next = at < 0 ? (by > 0 ? 0 : count - 1) : (at + by + count) % count;
    askFromOutside(currentSet.questions[next]?.question ?? "");
  };
  const slowReplay = () => {
    if (!presenter.slowMotion) presenter.toggleSlowMotion();
    else remember("pace", String(SLOW_MOTION_MS));
    if (rag.answer.status !== "idle") askFromOutside(rag.answer.question);
  };
  const { clear: clearLesson } = lesson;
  const { reset: resetLive } = live;
  const { clear: clearRag } = rag;
  const { clear: clearShipped } = fineTuned;
  const resetDemo = useCallback(async () => {
    clearRag();
    clearShipped();
    if (liveActive.current) resetLive();
    await removeAll();
    clearLesson();
    remember("q", null);
  }, [removeAll, clearLesson, resetLive, clearRag, clearShipped]);
  useShortcuts({
    n: () => step(1),
    p: () => step(-1),
    m: () => setRagMode(rag.mode === "generative" ? "extractive" : "generative"),
    s: presenter.nextStage,
    l: slowReplay,
    r: () => presenter.setResetOpen(true),
    "?": () => presenter.setHelpOpen(true),
  });

  // A lesson link's questions, asked one after another: each waits until both panels have answered.
  const [replaying, setReplaying] = useState<string[]>([]);
  const replayLesson = useCallback(() => setReplaying(linked.lesson), [linked.lesson]);
  useEffect(() => {
    if (busy || replaying.length === 0) return;
    const [next, ...rest] = replaying;
    setReplaying(rest);
    if (next) askFromOutside(next);
  }, [busy, replaying, askFromOutside]);

  return (
    <div className="relative flex flex-col gap-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        {header}
        <PresenterBar
          presentation={presentation.on}
          onPresentation={presentation.toggle}
          slowMotion={presenter.slowMotion}
          onSlowMotion={presenter.toggleSlowMotion}
          stepByStep={presenter.stepByStep}
          onStepByStep={presenter.toggleStepByStep}
          onNextStage={presenter.nextStage}
          helpOpen={presenter.helpOpen}
          onHelp={presenter.setHelpOpen}
          resetOpen={presenter.resetOpen}
          onReset={presenter.setResetOpen}
          onResetConfirmed={resetDemo}
        />
      </div>
      <KnowledgeSwitch
        knowledge={knowledge}
        trainingPairs={buildFacts.trainingPairs}
        onChange={chooseKnowledge}
      />
      <QuestionForm
        preset={linked.preset}
        setId={linked.setId}
        onSetChange={linked.chooseSet}
        noticeStatus={verdicts.noticeStatus}
        noticeCaveat={noticeCaveat(knowledge)}
        sets={sets}
        onAsk={ask}
        onEdit={markActed}
        busy={busy}
        loading={loadingNote([
          { name: "the search index", ...rag.load },
          { name: "the fine-tuned model", ...fineTuned.load },
        ])}
      />
      <div
        id={ANSWERS_ID}
        className="grid scroll-mt-2 grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,0.85fr)]"
      >
        <RagPanel
          load={rag.load}
          answer={rag.answer}
          reader={rag.reader}
          mode={rag.mode}
          verdict={verdicts.rag}
          revealStages={presenter.revealStages}
          onMode={setRagMode}
          onStop={rag.stop}
          onRetry={rag.retry}
          onEditPassage={documents.edit}
          knowledge={knowledge}
        />
        <FineTunedPanel
          load={fineTuned.load}
          answer={fineTunedAnswer}
          verdict={verdicts.fineTuned}
          onStop={live.active ? live.stopAnswer : fineTuned.stop}
          onRetry={fineTuned.retry}
          lifecycle={lifecycles[knowledge]}
          live={liveLabel}
          knowledge={knowledge}
        />
        <div className="order-5 flex min-w-0 flex-col gap-3 md:col-span-2 xl:col-span-1">
          <RelevantRow table={table} aspect={aspect} evidence={evidence} />
          <ComparisonTable table={table} evidence={evidence} highlight={aspect} />
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
      <LessonRecord entries={lesson.entries} replay={linked.lesson} onReplay={replayLesson} />
    </div>
  );
}

/** The table's "seen in this demo" lines, from this visit's measurements and the build's files. */
function useTableEvidence(
  buildFacts: EvidenceInputs["build"],
  knowledge: Knowledge,
  rag: ReturnType<typeof useRagWorker>,
  documents: ReturnType<typeof useDocuments>,
  fineTuned: ReturnType<typeof useFineTunedWorker>,
  live: ReturnType<typeof useLiveFineTune>,
) {
  const added = documents.documents.reduce((total, d) => total + (d.passageId ? 0 : (d.passages ?? 0)), 0);
  const passages = rag.load.status === "ready" ? rag.load.passages + added : null;
  const result = rag.answer.status === "done" ? rag.answer.result : null;
  // The passages the answer cites by number, not every passage handed on.
  const cited = result ? citedRanks(result.answer, result.citations.length).length : null;
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
  return useMemo(
    () =>
      liveEvidence({
        build: buildFacts,
        live: {
          knowledge,
          passages,
          ragMode: rag.mode,
          retrieved: result ? result.retrieved.length : null,
          cited,
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
      knowledge,
      rag.mode,
      passages,
      result,
      cited,
      documents.documents.length,
      documents.lastUpdateMs,
      tokensPerSecond,
      liveFineTune,
    ],
  );
}
