/**
 * Live fine-tuning in Node, the page's training code on the shipped fine-tuned model:
 *   npm run --silent fine-tune-live -- --pairs FILE [--ask FILE] [--setting full|lora]
 * FILEs are JSON Lines of {"question", "answer"} (--ask needs only "question"). Trains as the page does, until
 * the trained answers come back verbatim or the setting's step budget ends, then prints one JSON object:
 * {"setting", "steps", "seconds", "loss", "trained", "asked"}: steps are the updates made, seconds the time
 * they took (loading and answering excluded), loss one value per step, and the answers the updated model's
 * greedy ones. Failures are one line on stderr and a non-zero exit.
 */
import { readFileSync } from "node:fs";
import { describeError } from "../lib/errors";
import { FINE_TUNE_LIVE_USAGE, parseFineTuneLiveArgs, parsePairLines } from "../lib/live-fine-tune/cli";
import { generateAnswer } from "../lib/live-fine-tune/generate";
import { disposeLiveModel } from "../lib/live-fine-tune/model";
import { loadShippedInNode } from "../lib/live-fine-tune/node";
import { fineTune } from "../lib/live-fine-tune/run";
import { findSetting } from "../lib/live-fine-tune/settings";
import { readText } from "../lib/node/assets";

async function main(): Promise<void> {
  const args = parseFineTuneLiveArgs(process.argv.slice(2));
  const setting = findSetting(args.setting);
  if (!setting) throw new Error(FINE_TUNE_LIVE_USAGE);
  const pairs = parsePairLines(readText(args.pairs), true);
  const asks = args.ask ? parsePairLines(readFileSync(args.ask, "utf8"), false) : [];
  const shipped = await loadShippedInNode();
  const { model, result } = await fineTune(shipped, pairs, setting);
  const answer = async (question: string) => ({
    question,
    answer: (await generateAnswer(model, shipped.codec, question)).answer,
  });
  const trained = [];
  for (const pair of pairs) trained.push(await answer(pair.question));
  const asked = [];
  for (const ask of asks) asked.push(await answer(ask.question));
  disposeLiveModel(model);
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  process.stdout.write(
    `${JSON.stringify({
      setting: setting.name,
      steps: result.steps,
      seconds: round(result.seconds, 2),
      loss: result.loss.map((value) => round(value, 4)),
      trained,
      asked,
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`fine-tune-live: ${describeError(error).message.replace(/\s*\n\s*/g, " ")}\n`);
  process.exitCode = 1;
});
