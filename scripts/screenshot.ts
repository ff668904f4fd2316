/**
 * Regenerates the README's screenshots from the production build: one question from the article, answered by
 * both panels, as a laptop shows it beside the comparison table, as a projector shows it in presentation mode
 * (1280x720), and as a phone shows it (390x844).
 *   npm run build && npm run screenshot
 */
import { chromium } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "./chromium";
import { hasServerBuild, startProductionServer, stopServer, waitForServer } from "./production-server";

const PORT = 3230;
const QUESTION = "Which approach has a retrieval component?";
const SHOTS = [
  { out: "docs/screenshot.png", width: 1500, height: 1400, query: "", mobile: false },
  { out: "docs/screenshot-presenter.png", width: 1280, height: 720, query: "&present=1", mobile: false },
  { out: "docs/screenshot-phone.png", width: 390, height: 844, query: "", mobile: true },
] as const;

if (!hasServerBuild()) {
  console.error("No server production build in .next: run `npm run build` first.");
  process.exit(1);
}
const server = startProductionServer(PORT);
try {
  const url = `http://127.0.0.1:${PORT}/`;
  await waitForServer(url);
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: shot.height },
      isMobile: shot.mobile,
      hasTouch: shot.mobile,
      deviceScaleFactor: shot.mobile ? 2 : 1,
    });
    const page = await context.newPage();
    await page.goto(`${url}?q=${encodeURIComponent(QUESTION)}${shot.query}`);
    await page.getByTestId("rag-timings").waitFor({ timeout: 120_000 });
    await page.getByTestId("fine-tuned-speed").waitFor({ timeout: 120_000 });
    // The page scrolls a shared question's answers into view; let that smooth scroll end.
    await page.waitForTimeout(1000);
    await page.screenshot({ path: shot.out });
    await context.close();
    console.log(`wrote ${shot.out}`);
  }
  await browser.close();
} finally {
  stopServer(server);
}
