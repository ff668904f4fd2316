import type { PassageKind } from "../lib/documents/types";
import { formatMs, formatOrdinal, formatPercent, quotedWords } from "../lib/format";
import { COVERAGE_THRESHOLD, DECLINE_THRESHOLD } from "../lib/rag/settings";
import type { RagResult } from "../lib/rag/types";

/** The article's words for each stage, so the class sees its description next to what actually ran. */
const ARTICLE = {
  question: "Generation: First, you start by generating some text, like a question or a statement.",
  retrieval: "Retrieval: … It finds the most relevant information related to your query.",
  augmentation:
    "Augmentation: Finally, RAG takes all that juicy information it found and adds it to your original text.",
} as const;

function Stage({
  testId,
  step,
  title,
  article,
  ms,
  children,
}: {
  testId: string;
  step: number;
  title: string;
  article?: string;
  ms?: number;
  children: React.ReactNode;
}) {
  return (
    <li data-testid={testId} className="rounded-lg border border-slate-200 p-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 className="text-sm font-semibold text-slate-800">
          {step}. {title}
        </h4>
        {ms !== undefined && (
          <span data-testid={`${testId}-ms`} data-ms={ms} className="font-mono text-xs text-slate-700">
            {formatMs(ms)}
          </span>
        )}
      </div>
      {article && <p className="mt-0.5 text-xs italic text-slate-500">Article: “{article}”</p>}
      <div className="mt-1 text-xs text-slate-700">{children}</div>
    </li>
  );
}

const STAGE_NAMES = ["the question", "retrieval", "augmentation", "generation"] as const;

/** A stage the presenter has not revealed yet. */
function HiddenStage({ step }: { step: number }) {
  return (
    <li
      data-testid="stage-hidden"
      className="rounded-lg border border-dashed border-slate-300 p-2 text-xs text-slate-600"
    >
      {step}. {STAGE_NAMES[step - 1]}: not revealed yet (press S, or “Reveal the next stage”).
    </li>
  );
}

/** Why the question went no further than retrieval, for a result declined by a guard or by retrieval. */
function earlyDeclineReason(result: RagResult): string {
  if (result.declinedBy === "instruction")
    return "the text reads as an instruction to the system (prompt injection), so the passages were not handed on, whatever they scored.";
  if (result.declinedBy === "small-talk")
    return "the text reads as small talk (a greeting, thanks, or a question to the assistant itself), so the passages were not handed on, whatever they scored.";
  const reasons = [
    result.confidence < DECLINE_THRESHOLD &&
      `the best match score ${result.confidence.toFixed(3)} is under the threshold ${DECLINE_THRESHOLD}`,
    result.coverage < COVERAGE_THRESHOLD &&
      `the passages cover ${formatPercent(result.coverage)} of the question's specific words (${formatPercent(COVERAGE_THRESHOLD)} needed)${result.uncovered.length > 0 ? `: none has a word close to ${quotedWords(result.uncovered)}` : ""}`,
  ].filter((reason) => typeof reason === "string");
  return `${reasons.join("; and ")}, so nothing was handed on.`;
}

/** How the stage view names a run of passages: "the 3rd of 5 list items". */
const KIND_NAMES = {
  paragraph: "paragraphs",
  "list-item": "list items",
  "table-row": "table rows",
  "question-list": "question lists",
} as const satisfies Record<PassageKind, string>;

/**
 * The RAG pipeline's stages as they ran for this question, in the article's terms, with the same figures
 * the panel and the CLI report: the question, what retrieval found, the exact prompt, the generation.
 */
export function RagStages({
  question,
  result,
  reveal = null,
}: {
  question: string;
  result: RagResult;
  /** Stages shown so far when the presenter reveals them one at a time; null shows every stage. */
  reveal?: number | null;
}) {
  const hidden = (step: number) => reveal !== null && step > reveal;
  const cited = new Set(result.citations.map((c) => c.id));
  const generative = result.mode === "generative";
  // Declined before anything was handed on: by a guard or by retrieval (only the reader declines later).
  const declinedEarly = result.declinedBy !== null && result.declinedBy !== "reader";
  return (
    <details
      data-testid="rag-stages"
      open={reveal !== null ? true : undefined}
      data-revealed={reveal ?? "all"}
      className="rounded-lg bg-slate-50 p-2"
    >
      <summary className="cursor-pointer text-sm font-semibold text-slate-700">
        How this answer was made: the pipeline&apos;s stages
      </summary>
      <ol className="mt-2 flex flex-col gap-2">
        <Stage testId="stage-question" step={1} title="The question" article={ARTICLE.question}>
          <p data-testid="asked-question" className="whitespace-pre-wrap break-words">
            {question}
          </p>
        </Stage>
        {hidden(2) ? (
          <HiddenStage step={2} />
        ) : (
          <Stage
            testId="stage-retrieval"
            step={2}
            title="Retrieval"
            article={ARTICLE.retrieval}
            ms={result.timings.retrieveMs}
          >
            <ol className="flex flex-col gap-0.5">
              {result.retrieved.map((hit) => (
                <li
                  key={hit.id}
                  data-testid="stage-passage"
                  data-passage-id={hit.id}
                  data-cited={cited.has(hit.id)}
                >
                  <span className="font-mono">[{hit.rank}]</span> {hit.section} · score{" "}
                  <span className="font-mono">{hit.score.toFixed(3)}</span>
                  <span className="text-slate-500">
                    {" "}
                    (match <span className="font-mono">{hit.matchScore.toFixed(3)}</span>
                    {hit.classifierScore !== null && (
                      <>
                        {" "}
                        · classifier <span className="font-mono">{hit.classifierScore.toFixed(3)}</span>
                      </>
                    )}
                    )
                  </span>
                  {hit.namedPosition && (
                    <span data-testid="stage-named-position" className="text-slate-700">
                      {" "}
                      · the {formatOrdinal(hit.namedPosition.index)} of {hit.namedPosition.count}{" "}
                      {KIND_NAMES[hit.namedPosition.kind]}, where the question points
                    </span>
                  )}
                  {cited.has(hit.id) ? " · cited" : ""}
                </li>
              ))}
            </ol>
            {declinedEarly && (
              <p data-testid="stage-declined" className="mt-1 text-amber-800">
                Declined here: {earlyDeclineReason(result)}
              </p>
            )}
          </Stage>
        )}
        {hidden(3) ? (
          <HiddenStage step={3} />
        ) : (
          <Stage testId="stage-augmentation" step={3} title="Augmentation" article={ARTICLE.augmentation}>
            {result.augmented.length > 0 && (
              <ul className="mb-1 flex flex-col gap-0.5">
                {result.augmented.map((passage) => (
                  <li
                    key={passage.id}
                    data-testid="stage-augmented-passage"
                    data-passage-id={passage.id}
                    data-cited={cited.has(passage.id)}
                  >
                    <span className="font-mono">[{passage.rank}]</span> {passage.text}
                    {cited.has(passage.id) && (
                      <span className="ml-1 font-semibold text-sky-800">· cited</span>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {result.prompt ? (
              <details>
                <summary className="cursor-pointer">
                  The exact prompt handed to the reader ({result.generation?.promptTokens ?? "?"} tokens)
                </summary>
                <pre
                  data-testid="rag-prompt"
                  className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-words rounded bg-white p-2 font-mono"
                >
                  {result.prompt}
                </pre>
              </details>
            ) : (
              <p>
                {declinedEarly
                  ? "Skipped: declined before this stage."
                  : "Extractive mode: no prompt. The answer's sentences are picked from the passages directly."}
              </p>
            )}
          </Stage>
        )}
        {hidden(4) ? (
          <HiddenStage step={4} />
        ) : (
          <Stage
            testId="stage-generation"
            step={4}
            title={generative ? "Generation by the reader model" : "Extraction"}
            ms={result.timings.answerMs}
          >
            {result.generation ? (
              <p>
                {result.generation.tokens} tokens, first after{" "}
                <span data-testid="stage-first-token" data-ms={result.timings.firstTokenMs}>
                  {formatMs(result.timings.firstTokenMs)}
                </span>
                , {Math.round(result.generation.tokensPerSecond)} tokens/s
                {result.declinedBy === "reader" ? "; the reader wrote no answer." : "."}
              </p>
            ) : (
              <p>
                {declinedEarly
                  ? "Skipped: declined before this stage."
                  : "Sentences chosen by their similarity to the question, each with its citation."}
              </p>
            )}
          </Stage>
        )}
      </ol>
    </details>
  );
}
