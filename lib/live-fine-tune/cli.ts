import { createError } from "../errors";
import type { QaPair } from "./examples";
import { LIVE_SETTINGS, type LiveSettingName } from "./settings";

export const FINE_TUNE_LIVE_USAGE = `usage: npm run --silent fine-tune-live -- --pairs FILE [--ask FILE] [--setting ${LIVE_SETTINGS.map((s) => s.name).join("|")}]`;

export interface FineTuneLiveArgs {
  pairs: string;
  ask?: string;
  setting: LiveSettingName;
}

export function parseFineTuneLiveArgs(argv: readonly string[]): FineTuneLiveArgs {
  const args: Partial<FineTuneLiveArgs> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined)
      throw createError("BAD_ARGUMENTS", { reason: `${flag} needs a value. ${FINE_TUNE_LIVE_USAGE}` });
    if (flag === "--pairs") args.pairs = value;
    else if (flag === "--ask") args.ask = value;
    else if (flag === "--setting") {
      if (!LIVE_SETTINGS.some((s) => s.name === value)) {
        throw createError("BAD_ARGUMENTS", {
          reason: `unknown setting ${JSON.stringify(value)}. ${FINE_TUNE_LIVE_USAGE}`,
        });
      }
      args.setting = value as LiveSettingName;
    } else
      throw createError("BAD_ARGUMENTS", {
        reason: `unknown argument ${JSON.stringify(flag)}. ${FINE_TUNE_LIVE_USAGE}`,
      });
  }
  if (!args.pairs) throw createError("BAD_ARGUMENTS", { reason: FINE_TUNE_LIVE_USAGE });
  return { pairs: args.pairs, ask: args.ask, setting: args.setting ?? LIVE_SETTINGS[0].name };
}

/** JSON Lines of {"question", "answer"}; with `needAnswer` false, only the question is required. */
export function parsePairLines(text: string, needAnswer: boolean): QaPair[] {
  const pairs: QaPair[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    let parsed: { question?: unknown; answer?: unknown } | null;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw createError("BAD_INPUT_LINE", { line: index + 1, reason: "not valid JSON" });
    }
    const question = parsed?.question;
    const answer = parsed?.answer;
    if (typeof question !== "string")
      throw createError("BAD_INPUT_LINE", { line: index + 1, reason: "no string `question` field" });
    if (needAnswer && typeof answer !== "string") {
      throw createError("BAD_INPUT_LINE", { line: index + 1, reason: "no string `answer` field" });
    }
    pairs.push({ question, answer: typeof answer === "string" ? answer : "" });
  });
  return pairs;
}
