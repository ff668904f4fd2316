import { createError } from "../errors";
import { isKnowledge, KNOWLEDGE_SETTINGS, type Knowledge } from "../retrieval/knowledge";
import { RAG_MODES, type RagMode } from "../retrieval/pipeline";

export const PIPELINE_CHOICES = ["rag", "fine-tuned", "both"] as const;
export type PipelineChoice = (typeof PIPELINE_CHOICES)[number];

export type AskInput = { kind: "json"; question: string } | { kind: "jsonl"; file: string };

export interface AskArgs {
  /** Undefined when not given: every built pipeline runs. */
  pipeline: PipelineChoice | undefined;
  /** Undefined when not given: DEFAULT_RAG_MODE. */
  ragMode?: RagMode;
  /** Undefined when not given: DEFAULT_KNOWLEDGE. Selects what both pipelines were given (knowledge.ts). */
  knowledge?: Knowledge;
  input: AskInput;
}

export const USAGE =
  'usage: npm run --silent ask -- [--pipeline rag|fine-tuned|both] [--rag-mode generative|extractive] [--knowledge article|article+questions] (--json "QUESTION" | --jsonl FILE)';

function isPipeline(value: string | undefined): value is PipelineChoice {
  return PIPELINE_CHOICES.includes(value as PipelineChoice);
}

export function parseAskArgs(argv: readonly string[]): AskArgs {
  let pipeline: PipelineChoice | undefined;
  let ragMode: RagMode | undefined;
  let knowledge: Knowledge | undefined;
  let input: AskInput | undefined;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case "--pipeline":
        if (!isPipeline(value))
          throw createError("BAD_ARGUMENTS", `--pipeline takes rag, fine-tuned or both. ${USAGE}`);
        pipeline = value;
        i++;
        break;
      case "--rag-mode":
        if (!RAG_MODES.includes(value as RagMode))
          throw createError("BAD_ARGUMENTS", `--rag-mode takes ${RAG_MODES.join(" or ")}. ${USAGE}`);
        ragMode = value as RagMode;
        i++;
        break;
      case "--knowledge":
        if (!isKnowledge(value))
          throw createError(
            "BAD_ARGUMENTS",
            `--knowledge takes ${KNOWLEDGE_SETTINGS.join(" or ")}. ${USAGE}`,
          );
        knowledge = value;
        i++;
        break;
      case "--json":
      case "--jsonl":
        if (input) throw createError("BAD_ARGUMENTS", `give either --json or --jsonl, once. ${USAGE}`);
        if (value === undefined) throw createError("BAD_ARGUMENTS", `${flag} needs a value. ${USAGE}`);
        input = flag === "--json" ? { kind: "json", question: value } : { kind: "jsonl", file: value };
        i++;
        break;
      default:
        throw createError("BAD_ARGUMENTS", `unknown argument ${JSON.stringify(flag)}. ${USAGE}`);
    }
  }
  if (!input) throw createError("BAD_ARGUMENTS", USAGE);
  return { pipeline, ragMode, ...(knowledge ? { knowledge } : {}), input };
}

/** Questions from JSON Lines: each non-blank line an object with a string `question`; other fields ignored. */
export function parseQuestionLines(text: string): string[] {
  const questions: string[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw createError("BAD_INPUT_LINE", index + 1, "not valid JSON");
    }
    const question = (parsed as { question?: unknown } | null)?.question;
    if (typeof parsed !== "object" || parsed === null || typeof question !== "string") {
      throw createError("BAD_INPUT_LINE", index + 1, "no string `question` field");
    }
    questions.push(question);
  });
  return questions;
}
