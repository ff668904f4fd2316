/**
 * Regenerates the README's picture of the decision guide (docs/guide.png, 1280×720) from the production
 * build: a manager's answers (fresh outside knowledge, cited answers, someone to keep the sources) and the
 * recommendation they get, with its first reason.
 *   npm run build && npm run screenshot:guide
 */
import { chromium } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "./chromium";
import { hasServerBuild, startProductionServer, stopServer, waitForServer } from "./production-server";

const PORT = 3231;
const ANSWERS = "ks.changing_tr.must_rm.yes";
const OUT = "docs/guide.png";

if (!hasServerBuild()) {
  console.error("No server production build in .next: run `npm run build` first.");
  process.exit(1);
}
const server = startProductionServer(PORT);
try {
  const url = `http://127.0.0.1:${PORT}/guide?a=${ANSWERS}`;
  await waitForServer(url);
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(url);
  await page.locator('[data-testid="guide"][data-ready="true"]').waitFor();
  // The recommendation at the top of the picture, beside the questions that led to it.
  await page.getByTestId("guide-recommendation").evaluate((element) => {
    window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 16);
  });
  await page.screenshot({ path: OUT });
  await browser.close();
  console.log(`wrote ${OUT}`);
} finally {
  stopServer(server);
}
