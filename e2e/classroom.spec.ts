import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { parseLessonMarkdown } from "../lib/lesson/markdown";
import { expect, test } from "./fixtures";

const QUESTION = "What is the third reason to choose RAG?";

/** Whether an element lies wholly inside the viewport, as the page shows it now (the test never scrolls). */
async function inView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return (
    box.y >= 0 && box.x >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width
  );
}

const SIZES = [
  {
    name: "a projector at 1280x720 in presentation mode",
    width: 1280,
    height: 720,
    query: "&present=1",
    timings: true,
  },
  { name: "a laptop at 1366x768", width: 1366, height: 768, query: "", timings: true },
  { name: "a phone at 390x844", width: 390, height: 844, query: "", timings: false, touch: true },
] as const;

for (const size of SIZES) {
  test.describe(size.name, () => {
    test.use({
      viewport: { width: size.width, height: size.height },
      hasTouch: "touch" in size,
      isMobile: "touch" in size,
    });
    test("a shared question's two answers stand on screen without scrolling", async ({ app, page }) => {
      await page.goto(`/?q=${encodeURIComponent(QUESTION)}${size.query}`);
      await expect(app.rag.answer).toBeVisible({ timeout: 60_000 });
      await expect(app.fineTuned.timings).toBeVisible({ timeout: 60_000 });
      // Let a smooth scroll finish.
      await page.waitForTimeout(800);
      const shown = [
        app.rag.answer,
        app.fineTuned.answer,
        ...(size.timings ? [app.rag.timings, app.fineTuned.timings] : []),
      ];
      for (const locator of shown)
        expect(await inView(page, locator), (await locator.getAttribute("data-testid")) ?? "").toBe(true);
      if (size.query.includes("present")) {
        expect(await inView(page, app.input)).toBe(true);
        expect(await inView(page, page.getByTestId("relevant-row"))).toBe(true);
      }
    });
    test("the article's table shows both approaches' cells without scrolling sideways", async ({ page }) => {
      await page.goto(`/?${size.query.slice(1)}`);
      const region = page.getByRole("region", { name: "Comparison table" });
      await expect(region).toBeVisible();
      const fits = await region.evaluate((element) => element.scrollWidth <= element.clientWidth);
      expect(fits).toBe(true);
      const regionBox = await region.boundingBox();
      const lastCell = page.getByTestId("comparison-row").first().locator("td").last();
      const cellBox = await lastCell.boundingBox();
      expect(regionBox && cellBox && cellBox.x + cellBox.width <= regionBox.x + regionBox.width + 1).toBe(
        true,
      );
    });
  });
}

test("the classroom demo's answers come into view, whereever the button is", async ({ app, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.goto();
  await app.documents.scenario.click();
  await expect(app.rag.answer).toContainText("Quill", { timeout: 60_000 });
  await expect(app.fineTuned.timings).toBeVisible({ timeout: 60_000 });
  await page.waitForTimeout(800);
  expect(await inView(page, app.rag.answer)).toBe(true);
  expect(await inView(page, app.fineTuned.answer)).toBe(true);
});

test("a three-question lesson is exported as Markdown that reads back as the page showed it", async ({
  app,
  page,
}) => {
  await app.goto();
  await expect(app.fineTuned.ready).toBeVisible({ timeout: 60_000 });
  const questions = [
    "Who wrote the article?",
    "What is the capital of France?",
    "Which approach has a retrieval component?",
  ];
  for (const [i, question] of questions.entries()) {
    await app.ask(question);
    await expect(page.getByTestId("lesson-entry")).toHaveCount(i + 1, { timeout: 60_000 });
  }
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("lesson-markdown").click(),
  ]);
  const markdown = readFileSync((await download.path()) ?? "", "utf8");
  const entries = parseLessonMarkdown(markdown);
  expect(entries.map((e) => e.question)).toEqual(questions);
  expect(entries[0]?.rag.verdict).toBe("agrees");
  expect(entries[1]?.rag.verdict).toBe("declined");
  expect(entries[1]?.fineTuned.verdict).toBe("answered-anyway");
  for (const [i, entry] of entries.entries()) {
    await expect(page.getByTestId("lesson-entry").nth(i)).toContainText(entry.question);
  }
  // The replay link carries the same questions.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByTestId("lesson-link").click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await page.goto(link);
  await expect(page.getByTestId("lesson-replay")).toContainText("Ask them again");
  await expect(page.getByTestId("lesson-record")).toContainText("a lesson of 3 questions");
});

test("Back and Forward step through the questions asked, and the lesson outlives another page and a reload", async ({
  app,
  page,
}) => {
  await app.goto();
  await expect(app.fineTuned.ready).toBeVisible({ timeout: 60_000 });
  const entries = page.getByTestId("lesson-entry");
  const questions = ["Who wrote the article?", "What is the capital of France?", "What is fine-tuning?"];
  for (const [i, question] of questions.entries()) {
    await app.ask(question);
    await expect(entries).toHaveCount(i + 1, { timeout: 60_000 });
  }
  // A setting changed since is kept: Back changes the question, not the page's settings.
  await page.getByTestId("presentation-toggle").click();
  await page.goBack();
  await expect(app.input).toHaveValue(questions[1] ?? "");
  await expect(app.rag.declined).toBeVisible({ timeout: 60_000 });
  expect(new URL(page.url()).searchParams.get("present")).toBe("1");
  await page.goBack();
  await expect(app.input).toHaveValue(questions[0] ?? "");
  await expect(app.rag.answer).toContainText("Aqsa Zafar", { timeout: 60_000 });
  await page.goForward();
  await expect(app.input).toHaveValue(questions[1] ?? "");
  await expect(app.rag.declined).toBeVisible({ timeout: 60_000 });
  await expect(app.fineTuned.speed).toBeVisible({ timeout: 60_000 });
  // Asked again with the same answers, the questions are not recorded twice.
  await expect(entries).toHaveCount(3);

  await page.getByTestId("presentation-toggle").click();
  await page.getByRole("link", { name: /How both measure up/ }).click();
  await expect(page).toHaveURL(/\/evaluation/);
  await page.goBack();
  await expect(app.input).toHaveValue(questions[1] ?? "");
  await expect(entries).toHaveCount(3);
  await page.reload();
  await expect(entries).toHaveCount(3);
  for (const [i, question] of questions.entries()) await expect(entries.nth(i)).toContainText(question);
});

test("a presenter runs a question set from the keyboard alone", async ({ app, page }) => {
  await app.goto();
  await expect(app.fineTuned.ready).toBeVisible({ timeout: 60_000 });
  await page.locator("body").press("n");
  await expect(app.input).toHaveValue("What does RAG do in its retrieval step?");
  await expect(page.getByTestId("lesson-entry")).toHaveCount(1, { timeout: 60_000 });
  await page.keyboard.press("n");
  await expect(app.input).toHaveValue("Which approach has a retrieval component?");
  await expect(page.getByTestId("lesson-entry")).toHaveCount(2, { timeout: 60_000 });
  await page.keyboard.press("p");
  await expect(app.input).toHaveValue("What does RAG do in its retrieval step?");
  // The RAG stages, one at a time.
  await page.keyboard.press("s");
  await expect(app.rag.stages).toHaveAttribute("data-revealed", "2");
  await expect(app.rag.stages.getByTestId("stage-hidden")).toHaveCount(2);
  await page.keyboard.press("s");
  await page.keyboard.press("s");
  await expect(app.rag.stages.getByTestId("stage-hidden")).toHaveCount(0);
  // The RAG mode.
  await page.keyboard.press("m");
  await expect(page.getByTestId("rag-mode").and(page.locator('[data-value="generative"]'))).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  // The shortcuts, listed; Escape closes the list.
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcuts-dialog")).toBeVisible();
  await expect(page.getByTestId("shortcuts-dialog")).toContainText("Reveal the next stage");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("shortcuts-dialog")).toBeHidden();
});

test("resetting the demo asks first, then removes the added documents and the lesson", async ({
  app,
  page,
}) => {
  await app.goto();
  await app.addDocument(
    "Island notes",
    "# Island notes\n\nThe lighthouse on Brennan Island is painted teal.",
  );
  await app.ask("What colour is the lighthouse on Brennan Island?");
  await expect(page.getByTestId("lesson-entry")).toHaveCount(1, { timeout: 60_000 });
  await page.getByTestId("reset-demo").click();
  await page.getByTestId("reset-dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(app.documents.items).toHaveCount(1);
  await page.locator("body").press("r");
  await page.getByTestId("reset-confirm").click();
  await expect(app.documents.items).toHaveCount(0);
  await expect(page.getByTestId("lesson-entry")).toHaveCount(0);
  await expect(app.rag.answer).toHaveCount(0);
  await expect(app.fineTuned.answer).toHaveCount(0);
  await page.reload();
  await expect(app.rag.ready).toBeVisible();
  await expect(page.getByTestId("lesson-entry")).toHaveCount(0);
  await app.ask("What colour is the lighthouse on Brennan Island?");
  await expect(app.rag.citations.filter({ hasText: "Brennan" })).toHaveCount(0);
});

test("slow motion paces the answers, and an answer cut at its token limit says so", async ({ app, page }) => {
  await app.goto("?rag=generative");
  await page.getByTestId("slow-motion").click();
  await expect(page).toHaveURL(/pace=150/);
  await app.ask("What are the five reasons to choose fine-tuning?");
  await expect(app.fineTuned.panel.getByTestId("fine-tuned-stop")).toBeVisible({ timeout: 30_000 });
  await expect(app.fineTuned.timings).toBeVisible({ timeout: 60_000 });
  expect(await app.stageMs(app.fineTuned.timings, "generate")).toBeGreaterThan(1000);
});
