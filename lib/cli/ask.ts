import { createError, describeError, type ErrorDescription } from "../errors";
import { validateQuestion } from "../questions/validate-question";
import { DEFAULT_KNOWLEDGE, type Knowledge } from "../rag/knowledge";
import type { RagPipeline } from "../rag/pipeline";
import { DEFAULT_RAG_MODE } from "../rag/settings";
import type { RagMode, RagResult } from "../rag/types";
import { type AskArgs, type PipelineChoice, parseQuestionLines, type QuestionLine } from "./args";

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
    invented: result.invented,
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
   * The RAG pipeline given `knowledge` (lib/rag/knowledge.ts); `withReader` false when only extractive answers
   * are wanted.
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
    throw createError("PIPELINE_NOT_BUILT", { pipeline: "generative RAG", detail: readerMissing });
  return { pipeline, mode };
}

/** What the CLI prints for a pipeline that could not answer one question: the error, never a stack. */
export interface PipelineFailure {
  error: ErrorDescription;
}

const failure = (error: unknown): PipelineFailure => ({ error: describeError(error) });

/** One line's outcome: its output object, and the failures to report on stderr (one line each). */
export interface LineOutcome {
  output: Record<string, unknown>;
  failures: { line: number; stage: string; error: ErrorDescription }[];
}

/**
 * Answers one question with each loaded pipeline. A pipeline that fails on it (a question too long for its
 * context, say) is reported in its own field, and the other still answers: one bad question never costs the
 * others their answers.
 */
async function answerLine(
  knowledge: Knowledge,
  entry: QuestionLine,
  rag: { pipeline: RagPipeline; mode: RagMode } | null,
  fineTuned: FineTunedAnswerer | null,
): Promise<LineOutcome> {
  if ("error" in entry) {
    return {
      output: {
        question: entry.question,
        line: entry.line,
        error: entry.error,
        knowledge,
        rag: null,
        fineTuned: null,
      },
      failures: [{ line: entry.line, stage: "input", error: entry.error }],
    };
  }
  let question: string;
  try {
    question = validateQuestion(entry.question);
  } catch (error) {
    const description = describeError(error);
    return {
      output: {
        question: entry.question,
        line: entry.line,
        error: description,
        knowledge,
        rag: null,
        fineTuned: null,
      },
      failures: [{ line: entry.line, stage: "input", error: description }],
    };
  }
  const failures: LineOutcome["failures"] = [];
  const attempt = async <T>(stage: string, run: () => Promise<T>): Promise<T | PipelineFailure> => {
    let result: T | PipelineFailure;
    try {
      const output = await run();
      // A question the model refused (too long for its context) is printed as the failure it is for this line.
      const refusal = (output as { refusal?: ErrorDescription } | null)?.refusal;
      result = refusal ? { error: refusal } : output;
    } catch (error) {
      result = failure(error);
    }
    if (result !== null && typeof result === "object" && "error" in result) {
      failures.push({ line: entry.line, stage, error: (result as PipelineFailure).error });
    }
    return result;
  };
  const output = {
    question: entry.question,
    knowledge,
    rag: rag
      ? await attempt("rag", async () => ragOutput(await rag.pipeline.ask(question, { mode: rag.mode })))
      : null,
    fineTuned: fineTuned ? await attempt("fine-tuned", () => fineTuned.ask(question)) : null,
  };
  return { output, failures };
}

/**
 * Runs the ask command: one JSON object on stdout per question, in input order. Bad arguments and unbuilt
 * pipelines throw coded errors before anything is answered; a bad line or a pipeline failing on one question
 * is reported by `report` (the entry point prints one stderr line each) and every other line is answered.
 * Resolves with the number of lines that failed.
 */
export async function runAsk(
  args: AskArgs,
  deps: AskDependencies & { report?: (failure: LineOutcome["failures"][number]) => void },
): Promise<number> {
  const entries: QuestionLine[] =
    args.input.kind === "json"
      ? [{ line: 1, question: args.input.question }]
      : parseQuestionLines(deps.readFile(args.input.file));
  // A single question given on the command line is all the input there is: bad input is the command's error.
  if (args.input.kind === "json") validateQuestion(args.input.question);

  // One setting for both pipelines: what each approach was given (lib/rag/knowledge.ts).
  const knowledge = args.knowledge ?? DEFAULT_KNOWLEDGE;
  const rag = wants(args.pipeline, "rag") ? await loadRag(args.ragMode, knowledge, deps) : null;
  let fineTuned: FineTunedAnswerer | null = null;
  if (wants(args.pipeline, "fine-tuned")) {
    const loaded = await deps.loadFineTuned(knowledge);
    if ("missing" in loaded) {
      if (args.pipeline !== undefined)
        throw createError("PIPELINE_NOT_BUILT", { pipeline: "fine-tuned", detail: loaded.missing });
    } else {
      fineTuned = loaded;
    }
  }

  const failedLines = new Set<number>();
  for (const entry of entries) {
    const { output, failures } = await answerLine(knowledge, entry, rag, fineTuned);
    deps.write(JSON.stringify(output));
    for (const failed of failures) {
      failedLines.add(failed.line);
      deps.report?.(failed);
    }
  }
  return failedLines.size;
}
