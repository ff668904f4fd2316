/**
 * What a visitor's browser downloads, for `npm run bench`: every response of a cold first visit (a new browser
 * context, until both panels' models are ready and a question is answered), summed by kind of file in the
 * bytes the browser received (compressed, headers included, as DevTools' "transferred"); then a reload in the
 * same context, counting the requests that still went to the network and how many of them were 304
 * revalidations.
 */
import type { Browser, BrowserContext, Request } from "@playwright/test";
import { formatBytes } from "../lib/format";

/** The kinds a visit's bytes are summed by, in the order they are printed. */
export const RESOURCE_GROUPS = [
  "HTML",
  "JS",
  "CSS",
  "models",
  "runtime wasm",
  "index",
  "word vectors",
  "other",
] as const;
export type ResourceGroup = (typeof RESOURCE_GROUPS)[number];

export function resourceGroup(url: string, resourceType: string): ResourceGroup {
  const path = new URL(url).pathname;
  if (path.startsWith("/models/")) return "models";
  if (path.startsWith("/wasm/")) return "runtime wasm";
  if (path.startsWith("/retrieval/word-vectors")) return "word vectors";
  if (path.startsWith("/retrieval/")) return "index";
  if (resourceType === "document") return "HTML";
  if (path.endsWith(".js") || resourceType === "script") return "JS";
  if (path.endsWith(".css") || resourceType === "stylesheet") return "CSS";
  return "other";
}

export interface FirstVisit {
  byGroup: Record<ResourceGroup, { requests: number; bytes: number }>;
  totalBytes: number;
}

export interface RepeatVisit {
  /** Requests the browser answered from the network rather than from its memory or disk cache. */
  network: number;
  /** Of those, the ones the server answered 304 Not Modified. */
  revalidated: number;
  /** Requests the page made in all, cached or not (files read from the Cache API are not requests). */
  all: number;
}

/**
 * What one request cost on the wire. Chromium counts a response from its memory or disk cache as 0 bytes
 * received (Playwright then reports a body of minus the headers' size), and reports a 304 as the cached 200 it
 * revalidated, with headers received and no body.
 */
async function transferred(
  request: Request,
): Promise<{ bytes: number; network: boolean; revalidated: boolean }> {
  const { responseHeadersSize, responseBodySize } = await request.sizes();
  const bytes = Math.max(0, responseHeadersSize + responseBodySize);
  return { bytes, network: bytes > 0, revalidated: bytes > 0 && responseBodySize === 0 };
}

/** Requests for data the page already holds (blob: and data: URLs) never reach the network. */
const fromNetwork = (request: Request) => /^https?:/.test(request.url());

/** Every finished request of a context, from its pages and their workers, until `done` settles. */
async function recordRequests(context: BrowserContext, done: () => Promise<void>): Promise<Request[]> {
  const finished: Request[] = [];
  const record = (request: Request) => {
    if (fromNetwork(request)) finished.push(request);
  };
  context.on("requestfinished", record);
  try {
    await done();
  } finally {
    context.off("requestfinished", record);
  }
  return finished;
}

async function waitUntilAnswered(context: BrowserContext, url: string, question: string): Promise<void> {
  const page = context.pages()[0] ?? (await context.newPage());
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  await page.getByTestId("rag-ready").waitFor({ timeout: 120_000 });
  await page
    .getByTestId("fine-tuned-ready")
    .or(page.getByTestId("fine-tuned-error"))
    .waitFor({ timeout: 120_000 });
  await page.getByTestId("question-input").fill(question);
  await page.getByTestId("question-input").press("Enter");
  await page.getByTestId("rag-timings").waitFor({ timeout: 60_000 });
  await page
    .getByTestId("fine-tuned-speed")
    .or(page.getByTestId("fine-tuned-error"))
    .waitFor({ timeout: 60_000 });
}

export async function measureVisits(
  browser: Browser,
  url: string,
  question: string,
): Promise<{ first: FirstVisit; repeat: RepeatVisit }> {
  const context = await browser.newContext();
  try {
    const cold = await recordRequests(context, () => waitUntilAnswered(context, url, question));
    const byGroup = Object.fromEntries(
      RESOURCE_GROUPS.map((group) => [group, { requests: 0, bytes: 0 }]),
    ) as FirstVisit["byGroup"];
    for (const request of cold) {
      const { bytes } = await transferred(request);
      const group = byGroup[resourceGroup(request.url(), request.resourceType())];
      group.requests++;
      group.bytes += bytes;
    }
    const totalBytes = RESOURCE_GROUPS.reduce((sum, group) => sum + byGroup[group].bytes, 0);
    const again = await recordRequests(context, () => waitUntilAnswered(context, url, question));
    const repeat: RepeatVisit = { network: 0, revalidated: 0, all: again.length };
    for (const request of again) {
      const { network, revalidated } = await transferred(request);
      if (network) repeat.network++;
      if (revalidated) repeat.revalidated++;
    }
    return { first: { byGroup, totalBytes }, repeat };
  } finally {
    await context.close();
  }
}

export function printVisits({ first, repeat }: { first: FirstVisit; repeat: RepeatVisit }): void {
  console.log("  first visit (cold cache), bytes as received (compressed, with headers):");
  const row = (kind: string, requests: string, bytes: number | string) =>
    console.log(
      `    ${kind.padEnd(14)}${requests.padStart(9)}${String(bytes).padStart(12)}${
        typeof bytes === "number" ? formatBytes(bytes).padStart(10) : ""
      }`,
    );
  row("kind", "requests", "bytes");
  for (const group of RESOURCE_GROUPS) {
    const { requests, bytes } = first.byGroup[group];
    row(group, String(requests), bytes);
  }
  const requests = RESOURCE_GROUPS.reduce((sum, group) => sum + first.byGroup[group].requests, 0);
  row("total", String(requests), first.totalBytes);
  console.log(
    `  repeat visit (reload, same browser): ${repeat.network} of ${repeat.all} requests went to the network, ` +
      `${repeat.revalidated} of them 304 revalidations`,
  );
}
