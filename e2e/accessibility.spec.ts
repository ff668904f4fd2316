import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { loadGuide } from "../lib/guide/guide-data";
import { expect, test } from "./fixtures";
import { GuidePage } from "./pages/guide-page";

/** Every axe violation, whatever its impact: the page is shown to whole classes. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

test("the main page has no accessibility violation, before and after a question", async ({ app, page }) => {
  await app.goto();
  expect(await violations(page)).toEqual([]);
  await app.ask("Which approach has a retrieval component?");
  await expect(app.rag.citations.first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test("presentation mode is reachable by keyboard, enlarges the page, and passes axe", async ({
  app,
  page,
}) => {
  await app.goto();
  const before = await page.evaluate(() =>
    Number.parseFloat(getComputedStyle(document.documentElement).fontSize),
  );
  await page.getByTestId("presentation-toggle").focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveClass(/presentation/);
  await expect(page).toHaveURL(/present=1/);
  const after = await page.evaluate(() =>
    Number.parseFloat(getComputedStyle(document.documentElement).fontSize),
  );
  expect(after).toBeGreaterThan(before);
  // The whole flow by keyboard: focus the question box, type, send with Enter.
  await app.input.focus();
  await page.keyboard.type("Who wrote the article?");
  await page.keyboard.press("Enter");
  await expect(app.rag.citations.first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test("the evaluation page has no accessibility violation", async ({ page }) => {
  await page.goto("/evaluation");
  await expect(page.getByTestId("chart-retrieval")).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test("the article-only setting has no accessibility violation, after a question", async ({ app, page }) => {
  await app.goto("?knowledge=article");
  await app.ask("Which approach has a retrieval component?");
  await expect(app.rag.answer).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

/** Whether the page scrolls sideways: WCAG's reflow rule (1.4.10) asks that nothing does at a phone's width. */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

test.describe("on a phone at 390x844", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("no page scrolls sideways, with its content shown", async ({ app, page }) => {
    await page.goto(`/?q=${encodeURIComponent("Which approach has a retrieval component?")}`);
    await expect(app.rag.citations.first()).toBeVisible({ timeout: 60_000 });
    expect(await scrollsSideways(page), "/").toBe(false);

    const guidePage = new GuidePage(page);
    await guidePage.goto();
    for (const criterion of loadGuide().criteria) await guidePage.choice(criterion.id, "Don't know").check();
    await expect(guidePage.recommendation).toBeVisible();
    expect(await scrollsSideways(page), "/guide").toBe(false);

    await page.goto("/evaluation");
    await expect(page.getByTestId("chart-retrieval")).toBeVisible();
    expect(await scrollsSideways(page), "/evaluation").toBe(false);
    // Its questions table stacks its rows rather than scroll them sideways inside their region.
    const questions = page.getByRole("region", { name: "Questions and answers" });
    expect(await questions.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);

    await page.goto("/glossary");
    await expect(page.locator("h1")).toBeVisible();
    expect(await scrollsSideways(page), "/glossary").toBe(false);
  });
});
