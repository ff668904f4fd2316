import type { Verdict } from "../lib/evaluation/verdict";
import { formatPercent, quotedWords } from "../lib/format";
import { VERDICT_WORDS } from "../lib/lesson/lesson";
import type { FinishReason } from "../lib/models/generator";
import { GlossaryTerm } from "./glossary-term";

const VERDICT_STYLE: Record<Verdict, string> = {
  agrees: "border-emerald-300 bg-emerald-50 text-emerald-900",
  wrong: "border-red-300 bg-red-50 text-red-900",
  declined: "border-amber-300 bg-amber-50 text-amber-900",
  "answered-anyway": "border-red-300 bg-red-50 text-red-900",
};

const VERDICT_MARK: Record<Verdict, string> = {
  agrees: "✓",
  wrong: "✗",
  declined: "–",
  "answered-anyway": "!",
};

/**
 * What the audience is told about an answer to a prepared question, by the rule the evaluation uses
 * (lib/evaluation/verdict.ts). Other questions have no reference, so no verdict is claimed for them.
 */
export function VerdictBadge({ verdict, testId }: { verdict: Verdict | null; testId: string }) {
  if (verdict === null) return null;
  return (
    <span
      data-testid={testId}
      data-verdict={verdict}
      className={`inline-flex w-fit items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold ${VERDICT_STYLE[verdict]}`}
    >
      <span aria-hidden="true">{VERDICT_MARK[verdict]}</span>
      {VERDICT_WORDS[verdict].charAt(0).toUpperCase() + VERDICT_WORDS[verdict].slice(1)}
    </span>
  );
}

/** Marks an answer that did not end on its own: stopped, or cut at the model's token budget. */
export function FinishNote({
  finish,
  limit,
  testId,
}: {
  finish: FinishReason;
  limit: number;
  testId: string;
}) {
  if (finish === "stopped")
    return (
      <p data-testid={`${testId}-stopped`} className="text-xs font-medium text-amber-800">
        Stopped: the answer is incomplete.
      </p>
    );
  if (finish === "limit")
    return (
      <p data-testid={`${testId}-cut`} className="text-xs font-medium text-amber-800">
        Cut off at the {limit}-token limit: the answer may end mid-sentence.
      </p>
    );
  return null;
}

/**
 * How much of an answer can be found in its sources, named for what it is: copying, not correctness. A
 * generated answer is flagged when little of it is found, or when it uses a word found nowhere.
 */
export function SourceCheck({
  share,
  invented,
  flagged,
  testId,
}: {
  share: number | null;
  invented: readonly string[];
  flagged: boolean;
  testId: string;
}) {
  if (share === null) return null;
  return (
    <div data-testid={testId} data-flagged={flagged} className="text-xs">
      <p className={flagged ? "rounded bg-red-50 p-2 text-red-800" : "text-slate-600"}>
        {flagged ? "Check this answer: " : ""}
        {formatPercent(share)} of its words are{" "}
        <GlossaryTerm id="faithfulness">found in its sources</GlossaryTerm> (this measures copying, not
        whether it is right).
      </p>
      {invented.length > 0 && (
        <p data-testid={`${testId}-invented`} className="mt-1 rounded bg-red-50 p-2 text-red-800">
          It uses words found in none of its sources, nor in the question, nor in English:{" "}
          {quotedWords(invented)}.
        </p>
      )}
    </div>
  );
}
