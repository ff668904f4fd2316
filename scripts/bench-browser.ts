/**
 * The browser half of `npm run bench`: the production build served locally, driven in Debian's Chromium.
 * Prints medians of what the panels themselves measured (the same figures a visitor sees), the first-load
 * JavaScript the page downloads, a first and a repeat visit's network traffic, and single- vs multi-threaded
 * WebAssembly measured in the same run.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { type Browser, chromium, type Page } from "@playwright/test";
import { median } from "../lib/evaluation/metrics";
import { formatBytes } from "../lib/format";
import { LIVE_SETTINGS } from "../lib/live-fine-tune/settings";
import { readJsonLines } from "../lib/node/assets";
import { measureVisits, printVisits } from "./bench-visits";
import { CHROMIUM_LAUNCH_OPTIONS } from "./chromium";
import { hasServerBuild, startProductionServer, stopServer, waitForServer } from "./production-server";

const PORT = 3200;
const PAGE_LOADS = 3;
const QUESTIONS = readJsonLines<{ question: string }>("data/qa/heldout-dev.jsonl")
  .slice(0, 10)
  .map((q) => q.question);

interface PageLoad {
  ragReadyMs: number;
  bothReadyMs: number;
  /** Gzipped bytes of the scripts the page's HTML references (not its workers' chunks, wasm or models). */
  firstLoadJsGzip: number;
  readerBuilt: boolean;
  fineTunedBuilt: boolean;
}

/**
 * First-load JavaScript: every script the page's HTML references (what a visitor downloads before the page is
 * interactive), gzipped. Worker chunks, wasm and models load later, from the workers.
 */
async function firstLoadJsGzip(url: string): Promise<number> {
  const html = await (await fetch(url)).text();
  // Legacy polyfills are `nomodule` (React writes `noModule`): modern browsers never download them.
  const tags = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1] as string);
  const sources = [
    ...new Set(
      tags
        .filter((attributes) => !/\bnomodule\b/i.test(attributes))
        .map((attributes) => /\bsrc="([^"]+\.js)"/.exec(attributes)?.[1])
        .filter((src): src is string => src !== undefined),
    ),
  ];
  const sizes = await Promise.all(
    sources.map(
      async (src) => gzipSync(Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer())).byteLength,
    ),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

async function loadPage(page: Page, url: string): Promise<PageLoad> {
  const start = Date.now();
  await page.goto(url);
  await page.getByTestId("rag-ready").waitFor({ timeout: 120_000 });
  const ragReadyMs = Date.now() - start;
  const reader = page.getByTestId("reader-ready");
  const fineTuned = page.getByTestId("fine-tuned-ready");
  // In extractive mode the reader is never loaded ("idle"): that page measures the fine-tuned model alone.
  const readerSettled =
    new URL(url).searchParams.get("rag") === "extractive"
      ? page.getByTestId("reader-idle")
      : reader.or(page.getByTestId("reader-error"));
  await readerSettled.waitFor({ timeout: 120_000 });
  await fineTuned.or(page.getByTestId("fine-tuned-error")).waitFor({ timeout: 120_000 });
  const bothReadyMs = Date.now() - start;
  return {
    ragReadyMs,
    bothReadyMs,
    firstLoadJsGzip: await firstLoadJsGzip(url),
    readerBuilt: await reader.isVisible(),
    fineTunedBuilt: await fineTuned.isVisible(),
  };
}

interface Speeds {
  retrieveMs: number[];
  /** The same questions asked a second time: their words' similarities are cached and the code is optimised. */
  retrieveAgainMs: number[];
  readerFirstTokenMs: number[];
  readerTokensPerSecond: number[];
  fineTunedFirstTokenMs: number[];
  fineTunedTokensPerSecond: number[];
}

/** Asks the questions on one loaded page, adding what the panels measured to `speeds`. */
async function askAll(page: Page, load: PageLoad, speeds: Speeds): Promise<void> {
  const stage = async (panel: string, name: string) =>
    Number(await page.getByTestId(`${panel}-timings-${name}`).locator("dd").getAttribute("data-ms"));
  const ask = async (question: string) => {
    await page.getByTestId("question-input").fill(question);
    await page.getByTestId("question-input").press("Enter");
    await page.getByTestId("rag-timings").waitFor({ timeout: 60_000 });
  };
  for (const question of QUESTIONS) {
    await ask(question);
    speeds.retrieveMs.push(await stage("rag", "retrieve"));
    const mode = page.getByTestId("rag-answer-mode");
    const readerSpeed = (await mode.isVisible()) ? await mode.getAttribute("data-tokens-per-second") : null;
    if (load.readerBuilt && readerSpeed) {
      speeds.readerFirstTokenMs.push(await stage("rag", "first-token"));
      speeds.readerTokensPerSecond.push(Number(readerSpeed));
    }
    if (load.fineTunedBuilt) {
      await page.getByTestId("fine-tuned-speed").waitFor({ timeout: 60_000 });
      speeds.fineTunedFirstTokenMs.push(await stage("fine-tuned", "first-token"));
      speeds.fineTunedTokensPerSecond.push(
        Number(await page.getByTestId("fine-tuned-speed").getAttribute("data-tokens-per-second")),
      );
    }
  }
  for (const question of QUESTIONS) {
    await ask(question);
    speeds.retrieveAgainMs.push(await stage("rag", "retrieve"));
    if (load.fineTunedBuilt) await page.getByTestId("fine-tuned-speed").waitFor({ timeout: 60_000 });
  }
}

const ms = (values: number[]) => (values.length ? `${median(values).toFixed(1)} ms` : "n/a");
const rate = (values: number[]) => (values.length ? `${median(values).toFixed(0)} tokens/s` : "n/a");

interface MeasureOptions {
  pageLoads?: number;
  /** Abort the fine-tuned model's files, so that the reader generates alone. */
  withoutFineTuned?: boolean;
}

/**
 * Loads the page `pageLoads` times and asks the questions on each load: ten questions on one page gave
 * medians that moved 1.3-4.9 ms between page loads for retrieval, so every figure pools all the loads.
 */
async function measure(browser: Browser, url: string, options: MeasureOptions = {}) {
  const loads: PageLoad[] = [];
  const speeds: Speeds = {
    retrieveMs: [],
    retrieveAgainMs: [],
    readerFirstTokenMs: [],
    readerTokensPerSecond: [],
    fineTunedFirstTokenMs: [],
    fineTunedTokensPerSecond: [],
  };
  const pageLoads = options.pageLoads ?? PAGE_LOADS;
  for (let i = 0; i < pageLoads; i++) {
    // A fresh context each time: nothing cached, as a first visit.
    const context = await browser.newContext();
    if (options.withoutFineTuned) await context.route("**/models/fine-tuned/**", (route) => route.abort());
    const page = await context.newPage();
    const load = await loadPage(page, url);
    loads.push(load);
    await askAll(page, load, speeds);
    await context.close();
  }
  return { loads, speeds };
}

/**
 * Retrieval in the "article" knowledge setting (issue 23): the learned encoder embeds each question in the search
 * worker (ONNX Runtime Web) before the passages are scored. Extractive mode, so no reader loads; the fine-tuned
 * panel's files are blocked so that it does not compete for the two cores.
 */
async function measureArticleOnly(browser: Browser, url: string): Promise<() => void> {
  const { loads, speeds } = await measure(browser, `${url}?rag=extractive&threads=1&knowledge=article`, {
    withoutFineTuned: true,
  });
  // A user's document (the e2e one, 10 facts), added 3 times on one page: the worker embeds its passages then.
  const text = readFileSync("e2e/data/user-document.md", "utf8");
  const context = await browser.newContext();
  await context.route("**/models/fine-tuned/**", (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${url}?rag=extractive&knowledge=article`);
  await page.getByTestId("rag-ready").waitFor({ timeout: 120_000 });
  const indexMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.getByTestId("document-title").fill(`Ten facts ${i}`);
    await page.getByTestId("document-text").fill(text);
    await page.getByTestId("document-add").click();
    await page
      .getByTestId("documents-status")
      .filter({ hasText: `Added "Ten facts ${i}"` })
      .waitFor();
    const shown = await page
      .getByText(/index updated in [\d.]+ ms/)
      .first()
      .textContent();
    indexMs.push(Number(/index updated in ([\d.]+) ms/.exec(shown ?? "")?.[1] ?? Number.NaN));
  }
  await context.close();
  return () => {
    console.log(
      `\nChromium, knowledge "article" (the learned retriever; ${PAGE_LOADS} cold page loads, ${QUESTIONS.length} questions on each)`,
    );
    console.log(`  page load to search index ready: ${ms(loads.map((l) => l.ragReadyMs))}`);
    console.log(
      `  retrieval p50: ${median(speeds.retrieveMs).toFixed(3)} ms for new questions, ` +
        `${median(speeds.retrieveAgainMs).toFixed(3)} ms asked again (budget: p50 under 15 ms)`,
    );
    console.log(
      `  a user's document (${text.length} characters) indexed and embedded: ${median(indexMs).toFixed(1)} ms, ` +
        `${((median(indexMs) / text.length) * 1000).toFixed(1)} ms per 1,000 characters`,
    );
  };
}

/**
 * Only the "article" setting's browser figures: `BENCH_BROWSER=article tsx scripts/bench-browser.ts` (after
 * `npm run build`), for a quick check without the whole benchmark.
 */
export async function runArticleOnlyBrowserBench(): Promise<void> {
  if (!hasServerBuild()) {
    console.log("Chromium: skipped, no server production build in .next (run `npm run build`).");
    return;
  }
  const server = startProductionServer(PORT);
  try {
    const url = `http://127.0.0.1:${PORT}/`;
    await waitForServer(url);
    const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
    (await measureArticleOnly(browser, url))();
    await browser.close();
  } finally {
    stopServer(server);
  }
}

const LIVE_RUNS = 2;
const LIVE_PAIRS = readJsonLines<{ question: string; answer: string }>("data/live/dev-pairs.jsonl");

interface LiveRun {
  stepMs: number;
  steps: number;
  seconds: number;
  verbatim: boolean;
  /** JavaScript and WebAssembly fetched after Start, as served (compressed), by file. */
  code: Map<string, number>;
  /** What the page itself measured (resource timing), the figure the comparison table quotes. */
  pageCodeBytes: number;
}

/** One live fine-tune in a fresh page: the dev pairs typed in, the setting chosen, Start, until the result. */
async function liveFineTuneOnce(browser: Browser, url: string, setting: string): Promise<LiveRun> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId("rag-ready").waitFor({ timeout: 120_000 });
  const panel = page.getByTestId("live-fine-tune-panel");
  for (const [index, pair] of LIVE_PAIRS.entries()) {
    await panel.getByTestId("live-add-pair").click();
    await panel.getByTestId("live-question").nth(index).fill(pair.question);
    await panel.getByTestId("live-answer").nth(index).fill(pair.answer);
  }
  await panel
    .getByTestId("live-setting")
    .and(page.locator(`[value="${setting}"]`))
    .check();
  const code = new Map<string, number>();
  const sized: Promise<void>[] = [];
  page.on("requestfinished", (request) => {
    if (!/\.(js|mjs|wasm)(\?|$)/.test(request.url())) return;
    sized.push(request.sizes().then((sizes) => void code.set(request.url(), sizes.responseBodySize)));
  });
  await panel.getByTestId("live-start").click();
  const result = panel.getByTestId("live-result");
  await result.waitFor({ timeout: 300_000 });
  await Promise.all(sized);
  const stepMs = await panel
    .getByTestId("live-loss-row")
    .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute("data-ms"))));
  const run = {
    stepMs: median(stepMs),
    steps: Number(await result.getAttribute("data-steps")),
    seconds: Number(await result.getAttribute("data-seconds")),
    verbatim: (await result.getAttribute("data-reason")) === "verbatim",
    code,
    pageCodeBytes: Number(await result.getAttribute("data-code-bytes")),
  };
  await context.close();
  return run;
}

/** Live fine-tuning in Chromium: each setting a few times, each in a fresh page (nothing cached). */
async function measureLiveFineTune(browser: Browser, url: string): Promise<void> {
  console.log(
    `\nLive fine-tuning in Chromium (a worker, TensorFlow.js WebAssembly backend, one thread; data/live/dev-pairs.jsonl: ${LIVE_PAIRS.length} pairs, ${LIVE_RUNS} fresh pages per setting)`,
  );
  let code = new Map<string, number>();
  let pageCodeBytes = 0;
  for (const setting of LIVE_SETTINGS) {
    const runs: LiveRun[] = [];
    for (let i = 0; i < LIVE_RUNS; i++)
      runs.push(await liveFineTuneOnce(browser, `${url}?rag=extractive`, setting.name));
    code = runs[0]?.code ?? code;
    pageCodeBytes = runs[0]?.pageCodeBytes ?? 0;
    console.log(
      `  ${setting.name}: ${median(runs.map((r) => r.stepMs)).toFixed(0)} ms per step; verbatim after ${median(runs.map((r) => r.steps))} steps, ${median(runs.map((r) => r.seconds)).toFixed(1)} s (${runs.filter((r) => r.verbatim).length} of ${runs.length} runs verbatim within the budget)`,
    );
  }
  const total = [...code.values()].reduce((sum, bytes) => sum + bytes, 0);
  const wasm = [...code]
    .filter(([name]) => name.endsWith(".wasm"))
    .reduce((sum, [, bytes]) => sum + bytes, 0);
  console.log(
    `  bytes the training code adds, fetched only after Start (as served, compressed): ${formatBytes(total)} (${total} bytes: JavaScript ${formatBytes(total - wasm)} in ${code.size - 1} files, WebAssembly ${formatBytes(wasm)}); the page's own measure: ${formatBytes(pageCodeBytes)}`,
  );
}

/** Runs the browser benchmark and prints its figures; needs a production build (`npm run build`). */
export async function runBrowserBench(): Promise<void> {
  if (!hasServerBuild()) {
    console.log(
      "\nChromium: skipped, no server production build in .next (run `npm run build`, then `npm run bench`).",
    );
    return;
  }
  const server = startProductionServer(PORT);
  try {
    const url = `http://127.0.0.1:${PORT}/`;
    await waitForServer(url);
    const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
    // The page as a visitor opens it (extractive, the default), before anything else has run.
    const visits = await measureVisits(browser, url, QUESTIONS[0] ?? "What is RAG?");
    // Generative mode, so the reader's speed is measured too (the page's default is extractive).
    const single = await measure(browser, `${url}?rag=generative&threads=1`);
    const probe = await browser.newPage();
    await probe.goto(url);
    const isolated = await probe.evaluate(() => self.crossOriginIsolated);
    await probe.close();
    const multi = await measure(browser, `${url}?rag=generative&threads=2`);
    // Each model on its own: the reader with the fine-tuned model's files blocked, the fine-tuned model
    // beside extractive RAG (which never loads the reader). Side by side, the two share two cores here.
    const readerAlone = await measure(browser, `${url}?rag=generative&threads=1`, {
      pageLoads: 1,
      withoutFineTuned: true,
    });
    const fineTunedAlone = await measure(browser, `${url}?rag=extractive&threads=1`, { pageLoads: 1 });

    const { loads, speeds } = single;
    console.log("\nChromium network (production build, the page as a visitor opens it, one question asked)");
    printVisits(visits);
    console.log(
      `\nChromium (production build, this machine; ${PAGE_LOADS} cold page loads, ${QUESTIONS.length} questions on each)`,
    );
    console.log(`  page load to search index ready: ${ms(loads.map((l) => l.ragReadyMs))}`);
    console.log(`  page load to both models loaded: ${ms(loads.map((l) => l.bothReadyMs))}`);
    console.log(
      `  first-load JavaScript (page scripts, gzipped): ${formatBytes(median(loads.map((l) => l.firstLoadJsGzip)))}`,
    );
    console.log(
      `  retrieval p50: ${median(speeds.retrieveMs).toFixed(3)} ms for ${QUESTIONS.length} new questions per page load, ` +
        `${median(speeds.retrieveAgainMs).toFixed(3)} ms asked again`,
    );
    console.log(
      `  reader (RAG panel), both panels generating: first token ${ms(speeds.readerFirstTokenMs)}, ${rate(speeds.readerTokensPerSecond)}`,
    );
    console.log(
      `  fine-tuned model, both panels generating: first token ${ms(speeds.fineTunedFirstTokenMs)}, ${rate(speeds.fineTunedTokensPerSecond)}`,
    );
    console.log("  each model generating alone (one page load each, the same questions):");
    console.log(
      `    reader: first token ${ms(readerAlone.speeds.readerFirstTokenMs)}, ${rate(readerAlone.speeds.readerTokensPerSecond)}`,
    );
    console.log(
      `    fine-tuned model: first token ${ms(fineTunedAlone.speeds.fineTunedFirstTokenMs)}, ${rate(fineTunedAlone.speeds.fineTunedTokensPerSecond)}`,
    );
    const ratio = (a: number[], b: number[]) =>
      a.length && b.length ? (median(b) / median(a)).toFixed(2) : "n/a";
    console.log(
      `  WebAssembly threads (cross-origin isolated: ${isolated ? "yes" : "no"}), 2 threads vs 1, same run:`,
    );
    console.log(
      `    fine-tuned tokens/s ratio ${ratio(speeds.fineTunedTokensPerSecond, multi.speeds.fineTunedTokensPerSecond)} (${rate(multi.speeds.fineTunedTokensPerSecond)} vs ${rate(speeds.fineTunedTokensPerSecond)})`,
    );
    console.log(
      `    reader tokens/s ratio ${ratio(speeds.readerTokensPerSecond, multi.speeds.readerTokensPerSecond)} (${rate(multi.speeds.readerTokensPerSecond)} vs ${rate(speeds.readerTokensPerSecond)})`,
    );
    console.log(
      `    page load to both models, ratio ${ratio(
        loads.map((l) => l.bothReadyMs),
        multi.loads.map((l) => l.bothReadyMs),
      )}`,
    );
    const printArticleOnly = await measureArticleOnly(browser, url);
    await measureLiveFineTune(browser, url);
    await browser.close();
    printArticleOnly();
  } finally {
    stopServer(server);
  }
}

if (process.env.BENCH_BROWSER === "article") await runArticleOnlyBrowserBench();
