import { createError, describeError, type ErrorDescription } from "../errors";
import { isKnowledge, KNOWLEDGE_SETTINGS, type Knowledge } from "../rag/knowledge";
import { RAG_MODES, type RagMode } from "../rag/types";

export const PIPELINE_CHOICES = ["rag", "fine-tuned", "both"] as const;
export type PipelineChoice = (typeof PIPELINE_CHOICES)[number];

export type AskInput = { kind: "json"; question: string } | { kind: "jsonl"; file: string };

export interface AskArgs {
  /** Undefined when not given: every built pipeline runs. */
  pipeline: PipelineChoice | undefined;
  /** Undefined when not given: DEFAULT_RAG_MODE. */
  ragMode?: RagMode;
  /** Undefined when not given: DEFAULT_KNOWLEDGE. What both pipelines were given (lib/rag/knowledge.ts). */
  knowledge?: Knowledge;
  input: AskInput;
}

export const USAGE =
  'usage: npm run --silent ask -- [--pipeline rag|fine-tuned|both] [--rag-mode generative|extractive] [--knowledge article|article+questions] (--json "QUESTION" | --jsonl FILE)';

/** The flags `ask` takes; a value that is one of them means the value itself was left out. */
const FLAGS = ["--pipeline", "--rag-mode", "--knowledge", "--json", "--jsonl"] as const;
const isFlag = (value: string | undefined) => FLAGS.includes(value as (typeof FLAGS)[number]);

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
          throw createError("BAD_ARGUMENTS", {
            reason: `--pipeline takes rag, fine-tuned or both. ${USAGE}`,
          });
        pipeline = value;
        i++;
        break;
      case "--rag-mode":
        if (!RAG_MODES.includes(value as RagMode))
          throw createError("BAD_ARGUMENTS", {
            reason: `--rag-mode takes ${RAG_MODES.join(" or ")}. ${USAGE}`,
          });
        ragMode = value as RagMode;
        i++;
        break;
      case "--knowledge":
        if (!isKnowledge(value))
          throw createError("BAD_ARGUMENTS", {
            reason: `--knowledge takes ${KNOWLEDGE_SETTINGS.join(" or ")}. ${USAGE}`,
          });
        knowledge = value;
        i++;
        break;
      case "--json":
      case "--jsonl":
        if (input)
          throw createError("BAD_ARGUMENTS", { reason: `give either --json or --jsonl, once. ${USAGE}` });
        // "--json --pipeline rag Q" would otherwise ask "--pipeline" and then call "rag" unknown.
        if (value === undefined || isFlag(value))
          throw createError("BAD_ARGUMENTS", {
            reason: `${flag} needs its ${flag === "--json" ? "question" : "file"} right after it. ${USAGE}`,
          });
        input = flag === "--json" ? { kind: "json", question: value } : { kind: "jsonl", file: value };
        i++;
        break;
      default:
        throw createError("BAD_ARGUMENTS", { reason: `unknown argument ${JSON.stringify(flag)}. ${USAGE}` });
    }
  }
  if (!input) throw createError("BAD_ARGUMENTS", { reason: USAGE });
  return { pipeline, ragMode, ...(knowledge ? { knowledge } : {}), input };
}

/** One line of a JSON Lines question file: its 1-based number and its question, or why it has none. */
export type QuestionLine =
  | { line: number; question: string }
  | { line: number; question: string | null; error: ErrorDescription };

/**
 * Questions from JSON Lines: each non-blank line an object with a string `question`; other fields ignored. A
 * line that is not one is reported with its number rather than failing the file, so every good line is still
 * answered. A UTF-8 byte-order mark and Windows line ends are accepted.
 */
export function parseQuestionLines(text: string): QuestionLine[] {
  const lines: QuestionLine[] = [];
  text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      if (raw.trim() === "") return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        lines.push({ line, question: null, error: describeError(lineError(line, "not valid JSON")) });
        return;
      }
      const question = (parsed as { question?: unknown } | null)?.question;
      if (typeof parsed !== "object" || parsed === null || typeof question !== "string") {
        lines.push({
          line,
          question: null,
          error: describeError(lineError(line, "no string `question` field")),
        });
        return;
      }
      lines.push({ line, question });
    });
  return lines;
}

const lineError = (line: number, reason: string) => createError("BAD_INPUT_LINE", { line, reason });
