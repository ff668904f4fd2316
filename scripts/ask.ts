/**
 * Headless entry point: the same library code the browser workers run.
 *   npm run --silent ask -- [--pipeline rag|fine-tuned|both] [--rag-mode generative|extractive]
 *                           [--knowledge article|article+questions] (--json "QUESTION" | --jsonl FILE)
 * Prints JSON only on stdout, one object per question. A bad line, or a question a pipeline cannot take, is one
 * line on stderr naming its line number, and the exit status is 1; every other question is still answered.
 * Bad arguments are one stderr line and exit 1 before anything is answered. Never a stack trace.
 */
import { parseAskArgs } from "../lib/cli/args";
import { runAsk } from "../lib/cli/ask";
import { describeError, oneLine } from "../lib/errors";
import { readText } from "../lib/node/assets";
import { loadFineTunedAnswerer } from "../lib/node/fine-tuned";
import { quietRuntime } from "../lib/node/quiet-runtime";
import { loadRagPipeline } from "../lib/node/rag";

quietRuntime();
try {
  const failed = await runAsk(parseAskArgs(process.argv.slice(2)), {
    loadRag: (withReader, knowledge) => loadRagPipeline({ withReader, knowledge }),
    loadFineTuned: (knowledge) => loadFineTunedAnswerer(undefined, knowledge),
    readFile: readText,
    write: (line) => process.stdout.write(`${line}\n`),
    report: ({ line, stage, error }) => {
      // A bad input line's message already names its line.
      const where =
        error.code === "BAD_INPUT_LINE" ? "" : `line ${line}${stage === "input" ? "" : ` (${stage})`}: `;
      process.stderr.write(`ask: ${where}${oneLine(error)}\n`);
    },
  });
  if (failed > 0) process.exitCode = 1;
} catch (error) {
  process.stderr.write(`ask: ${oneLine(describeError(error))}\n`);
  process.exitCode = 1;
}
