/**
 * Browser benchmark: the production build served locally, driven in Debian's Chromium. Prints medians of
 * what the panels themselves measured (the same figures a visitor sees).
 *   npm run build && npm run bench:browser
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { median } from "../lib/evaluation";
import { readJsonLines } from "../lib/node/assets";

const PORT = 3200;
const QUESTIONS = readJsonLines<{ question: string }>("data/qa/heldout-dev.jsonl")
  .slice(0, 12)
  .map((q) => q.question);

if (!existsSync(".next/BUILD_ID")) {
  console.error("bench:browser needs a production build: run `npm run build` first");
  process.exit(1);
}

function startServer(): ChildProcess {
  // Its own process group, so stopping it stops next-server too.
  return spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"],
    {
      detached: true,
      stdio: "ignore",
    },
  );
}

async function waitForServer(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server at ${url} did not start`);
}

const server = startServer();
try {
  const url = `http://127.0.0.1:${PORT}/`;
  await waitForServer(url);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  const page = await browser.newPage();
  const start = Date.now();
  await page.goto(url);
  await page.getByTestId("rag-ready").waitFor({ timeout: 120_000 });
  const ragReady = Date.now() - start;
  const modelReady = page.getByTestId("fine-tuned-ready");
  await modelReady.or(page.getByTestId("fine-tuned-error")).waitFor({ timeout: 120_000 });
  const bothReady = Date.now() - start;
  const hasModel = await modelReady.isVisible();

  const stage = async (panel: string, name: string) =>
    Number(await page.getByTestId(`${panel}-timings-${name}`).locator("dd").getAttribute("data-ms"));
  const retrieve: number[] = [];
  const firstToken: number[] = [];
  const speed: number[] = [];
  for (const question of QUESTIONS) {
    await page.getByTestId("question-input").fill(question);
    await page.getByTestId("question-input").press("Enter");
    await page.getByTestId("rag-timings").waitFor();
    retrieve.push(await stage("rag", "retrieve"));
    if (hasModel) {
      await page.getByTestId("fine-tuned-speed").waitFor({ timeout: 60_000 });
      firstToken.push(await stage("fine-tuned", "first-token"));
      speed.push(Number(await page.getByTestId("fine-tuned-speed").getAttribute("data-tokens-per-second")));
    }
  }
  console.log("Chromium (production build, this machine)");
  console.log(`  page load to RAG index ready: ${ragReady} ms`);
  console.log(
    `  page load to both pipelines ready: ${bothReady} ms${hasModel ? "" : " (fine-tuned model missing)"}`,
  );
  console.log(`  retrieval p50 over ${retrieve.length} questions: ${median(retrieve).toFixed(3)} ms`);
  if (hasModel) {
    console.log(`  fine-tuned model load: ${await modelReady.getAttribute("data-ms")} ms`);
    console.log(
      `  fine-tuned first token p50: ${median(firstToken).toFixed(1)} ms; tokens/s p50: ${median(speed).toFixed(0)}`,
    );
  }
  await browser.close();
} finally {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
}
