import { createError } from "../errors";
import { validateQuestion } from "../questions/validate-question";
import { DEFAULT_KNOWLEDGE, type Knowledge } from "../retrieval/knowledge";
import { DEFAULT_RAG_MODE, type RagMode, type RagPipeline, type RagResult } from "../retrieval/pipeline";
import { type AskArgs, type PipelineChoice, parseQuestionLines } from "./args";

/** What the CLI prints for the RAG panel: the documented shape, nothing internal. */
export function ragOutput(result: RagResult) {
  return {
    answer: result.answer,
    abstained: result.abstained,
    declinedBy: result.declinedBy,
    mode: result.mode,
    confidence: result.confidence,
    coverage: result.coverage,
    uncovered: result.uncovered,
    faithfulness: result.faithfulness,
    flagged: result.flagged,
    citations: result.citations.map(({ rank, id, section, text, score }) => ({
      rank,
      id,
      section,
      text,
      score,
    })),
    timings: result.timings,
    ...(result.generation ? { tokensPerSecond: result.generation.tokensPerSecond } : {}),
  };
}

export interface FineTunedAnswerer {
  ask(question: string): Promise<unknown>;
}

export interface AskDependencies {
  /**
   * The RAG pipeline given `knowledge` (knowledge.ts); `withReader` false when only extractive answers are
   * wanted.
   */
  loadRag(
    withReader: boolean,
    knowledge: Knowledge,
  ): Promise<{ pipeline: RagPipeline; readerMissing: string | null }>;
  /** The fine-tuned model for `knowledge`, or `missing` saying why it is not built. */
  loadFineTuned(knowledge: Knowledge): Promise<FineTunedAnswerer | { missing: string }>;
  readFile(path: string): string;
  write(line: string): void;
}

function wants(choice: PipelineChoice | undefined, pipeline: "rag" | "fine-tuned"): boolean {
  return choice === undefined || choice === "both" || choice === pipeline;
}

/** The RAG pipeline in the mode asked for, else DEFAULT_RAG_MODE; the reader loads only when needed. */
async function loadRag(requested: RagMode | undefined, knowledge: Knowledge, deps: AskDependencies) {
  const mode: RagMode = requested ?? DEFAULT_RAG_MODE;
  const { pipeline, readerMissing } = await deps.loadRag(mode === "generative", knowledge);
  if (mode === "generative" && readerMissing !== null)
    throw createError("PIPELINE_NOT_BUILT", "generative RAG", readerMissing);
  return { pipeline, mode };
}

/** Runs the ask command; throws coded errors for bad input, which the entry point prints on one line. */
export async function runAsk(args: AskArgs, deps: AskDependencies): Promise<void> {
  const raw =
    args.input.kind === "json" ? [args.input.question] : parseQuestionLines(deps.readFile(args.input.file));
  // Validate every question before answering any, so bad input never leaves half an output behind.
  const questions = raw.map((question) => validateQuestion(question));

  // One setting for both pipelines: what each approach was given (knowledge.ts).
  const knowledge = args.knowledge ?? DEFAULT_KNOWLEDGE;
  const rag = wants(args.pipeline, "rag") ? await loadRag(args.ragMode, knowledge, deps) : null;
  let fineTuned: FineTunedAnswerer | null = null;
  if (wants(args.pipeline, "fine-tuned")) {
    const loaded = await deps.loadFineTuned(knowledge);
    if ("missing" in loaded) {
      if (args.pipeline !== undefined) throw createError("PIPELINE_NOT_BUILT", "fine-tuned", loaded.missing);
    } else {
      fineTuned = loaded;
    }
  }

  for (const [index, question] of questions.entries()) {
    const output = {
      question: raw[index],
      knowledge,
      rag: rag ? ragOutput(await rag.pipeline.ask(question, { mode: rag.mode })) : null,
      fineTuned: fineTuned ? await fineTuned.ask(question) : null,
    };
    deps.write(JSON.stringify(output));
  }
}
