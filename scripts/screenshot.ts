/**
 * Regenerates the README's screenshot (docs/screenshot.png) from the production build: one question from the
 * article, answered by both panels, beside the comparison table.
 *   npm run build && npm run screenshot
 */
import { chromium } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "./chromium";
import { hasServerBuild, startProductionServer, stopServer, waitForServer } from "./production-server";

const PORT = 3230;
const QUESTION = "Which approach has a retrieval component?";
const OUT = "docs/screenshot.png";

if (!hasServerBuild()) {
  console.error("No server production build in .next: run `npm run build` first.");
  process.exit(1);
}
const server = startProductionServer(PORT);
try {
  const url = `http://127.0.0.1:${PORT}/`;
  await waitForServer(url);
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  const page = await browser.newPage({ viewport: { width: 1500, height: 1400 } });
  await page.goto(`${url}?q=${encodeURIComponent(QUESTION)}`);
  await page.getByTestId("rag-timings").waitFor({ timeout: 120_000 });
  await page.getByTestId("fine-tuned-speed").waitFor({ timeout: 120_000 });
  await page.screenshot({ path: OUT });
  await browser.close();
  console.log(`wrote ${OUT}`);
} finally {
  stopServer(server);
}
