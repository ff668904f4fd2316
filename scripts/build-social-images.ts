/**
 * Draws the pictures other sites show for a link to the demo, in Debian's Chromium, from the favicon and the
 * article's credit: public/og-image.png (1200×630, the Open Graph and Twitter card image named in
 * app/layout.tsx) and app/apple-icon.png (180×180, Next.js's file convention for the home-screen icon). Both are
 * committed: a build needs no browser.
 *   npm run build:images
 */
import { readFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { ARTICLE } from "../lib/documents/article";
import { SITE } from "../lib/site";
import { CHROMIUM_LAUNCH_OPTIONS } from "./chromium";

const ICON = readFileSync("app/icon.svg", "utf8");
const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const CARD = `<!doctype html>
<html><head><meta charset="utf-8"><style>
  * { box-sizing: border-box; margin: 0; }
  body { width: 1200px; height: 630px; padding: 64px 72px; background: #0f172a; color: #f8fafc;
    font-family: "Liberation Sans", "DejaVu Sans", sans-serif; display: flex; flex-direction: column; gap: 28px; }
  header { display: flex; align-items: center; gap: 28px; }
  header svg { width: 104px; height: 104px; flex: none; }
  h1 { font-size: 64px; line-height: 1.05; letter-spacing: -1px; }
  .lead { font-size: 32px; color: #cbd5e1; }
  .panels { display: flex; gap: 24px; }
  .panel { flex: 1; border-radius: 20px; padding: 28px 32px 36px; font-size: 28px; line-height: 1.3; color: #0f172a; }
  .panel b { display: block; font-size: 30px; margin-bottom: 8px; }
  .rag { background: #bae6fd; } .ft { background: #fed7aa; }
  .cite { display: inline-block; background: #0369a1; color: #fff; border-radius: 8px; padding: 0 8px; font-size: 22px; }
  footer { margin-top: auto; font-size: 24px; color: #cbd5e1; }
</style></head><body>
  <header>${ICON}<h1>${SITE.name.split(", ").map(escapeHtml).join(",<br>")}</h1></header>
  <p class="lead">${escapeHtml(SITE.tagline)}</p>
  <div class="panels">
    <div class="panel rag"><b>RAG</b>searches the article, answers from what it finds, cites it
      <span class="cite">1</span> <span class="cite">2</span></div>
    <div class="panel ft"><b>Fine-tuned</b>a small model that learned the article, answers from memory</div>
  </div>
  <footer>Built on “${escapeHtml(ARTICLE.title)}” by ${escapeHtml(ARTICLE.author)}, ${escapeHtml(ARTICLE.publisher)}</footer>
</body></html>`;

const APPLE_ICON = `<!doctype html><html><head><style>
  * { margin: 0; } body { width: 180px; height: 180px; } svg { width: 180px; height: 180px; display: block; }
</style></head><body>${ICON.replace('rx="12"', 'rx="0"')}</body></html>`;

const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
try {
  for (const { html, width, height, path } of [
    { html: CARD, width: 1200, height: 630, path: "public/og-image.png" },
    // iOS rounds the corners itself and shows transparency as black, so the icon is drawn square.
    { html: APPLE_ICON, width: 180, height: 180, path: "app/apple-icon.png" },
  ]) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.setContent(html);
    await page.screenshot({ path });
    await page.close();
    console.log(`wrote ${path}`);
  }
} finally {
  await browser.close();
}
