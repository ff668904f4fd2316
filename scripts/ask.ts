/**
 * Headless entry point: the same library code the browser workers run.
 *   npm run --silent ask -- [--pipeline rag|fine-tuned|both] [--rag-mode generative|extractive]
 *                           [--knowledge article|article+questions] (--json "QUESTION" | --jsonl FILE)
 * Prints JSON only on stdout; any failure is one line on stderr and a non-zero exit, never a stack trace.
 */
import { parseAskArgs, runAsk } from "../lib/cli";
import { describeError } from "../lib/errors";
import { readText } from "../lib/node/assets";
import { loadFineTunedAnswerer } from "../lib/node/fine-tuned";
import { loadRagPipeline } from "../lib/node/rag";

try {
  await runAsk(parseAskArgs(process.argv.slice(2)), {
    loadRag: (withReader, knowledge) => loadRagPipeline({ withReader, knowledge }),
    loadFineTuned: (knowledge) => loadFineTunedAnswerer(undefined, knowledge),
    readFile: readText,
    write: (line) => process.stdout.write(`${line}\n`),
  });
} catch (error) {
  process.stderr.write(`ask: ${describeError(error).message.replace(/\s*\n\s*/g, " ")}\n`);
  process.exitCode = 1;
}
