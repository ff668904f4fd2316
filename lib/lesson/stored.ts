import { VERDICTS, type Verdict } from "../evaluation/verdict";
import { KNOWLEDGE_SETTINGS, type Knowledge } from "../rag/knowledge";
import type { LessonAnswer, LessonEntry } from "./lesson";

/** Where a tab keeps its lesson, so a reload or a look at another page of the site loses none of it. */
export const LESSON_STORAGE_KEY = "rag-vs-fine-tuning:lesson";

/** The most entries a tab keeps: a long lesson stays far under any browser's storage quota. */
export const MAX_STORED_ENTRIES = 200;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

const answerOf = (value: unknown): LessonAnswer | null => {
  if (!isRecord(value)) return null;
  const { answer, verdict, totalMs } = value;
  if (typeof answer !== "string" || typeof totalMs !== "number") return null;
  if (verdict !== null && !VERDICTS.includes(verdict as Verdict)) return null;
  return { answer, verdict: verdict as Verdict | null, totalMs };
};

const entryOf = (value: unknown): LessonEntry | null => {
  if (!isRecord(value)) return null;
  const { question, knowledge, ragMode, cited } = value;
  const rag = answerOf(value.rag);
  const fineTuned = answerOf(value.fineTuned);
  if (typeof question !== "string" || typeof ragMode !== "string" || !rag || !fineTuned) return null;
  if (!KNOWLEDGE_SETTINGS.includes(knowledge as Knowledge)) return null;
  if (!Array.isArray(cited) || !cited.every((c) => typeof c === "string")) return null;
  return { question, knowledge: knowledge as Knowledge, ragMode, rag, cited, fineTuned };
};

/** The entries a tab stored; anything unreadable (another version's shape, a damaged value) is left out. */
export function readStoredLesson(text: string | null): LessonEntry[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((value) => entryOf(value) ?? []).slice(-MAX_STORED_ENTRIES);
  } catch {
    return [];
  }
}

/** The stored form of a lesson: its entries as the record shows them, the newest kept when it grows long. */
export const storedLesson = (entries: readonly LessonEntry[]): string =>
  JSON.stringify(
    entries.slice(-MAX_STORED_ENTRIES).map(({ question, knowledge, ragMode, rag, cited, fineTuned }) => ({
      question,
      knowledge,
      ragMode,
      rag,
      cited,
      fineTuned,
    })),
  );

/**
 * Whether the record already holds this exchange: the same question, setting and mode, answered the same way
 * by both panels. Asking it again (Back, a return from another page, a replay) shows the class nothing new.
 */
export const alreadyRecorded = (entries: readonly LessonEntry[], entry: LessonEntry): boolean =>
  entries.some(
    (e) =>
      e.question === entry.question &&
      e.knowledge === entry.knowledge &&
      e.ragMode === entry.ragMode &&
      e.rag.answer === entry.rag.answer &&
      e.fineTuned.answer === entry.fineTuned.answer,
  );
