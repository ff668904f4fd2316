import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

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
