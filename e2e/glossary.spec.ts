import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const glossary: { terms: { id: string; term: string; definition: string }[] } = JSON.parse(
  readFileSync("data/glossary.json", "utf8"),
);
const definitionOf = (id: string) => glossary.terms.find((entry) => entry.id === id)?.definition ?? "";

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

test("a term in a caption opens its definition by click and by keyboard, and Escape closes it", async ({
  page,
}) => {
  await page.goto("/evaluation");
  const term = page.getByTestId("chart-faithfulness").getByTestId("glossary-term").first();
  const definition = page.locator(`#${await term.getAttribute("aria-controls")}`);
  await expect(term).toHaveAttribute("aria-expanded", "false");
  await expect(definition).toBeHidden();
  await term.click();
  await expect(term).toHaveAttribute("aria-expanded", "true");
  await expect(definition).toBeVisible();
  await expect(definition).toContainText(definitionOf("faithfulness"));
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(definition).toBeHidden();
  await expect(term).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(definition).toBeVisible();
  // A press anywhere else closes it too (a tap on a phone).
  await page.locator("h1").click();
  await expect(definition).toBeHidden();
});

test("an open definition stays on a phone's screen, and links to its place in the glossary", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/evaluation");
  for (const term of await page.getByTestId("glossary-term").all()) {
    await term.click();
    const definition = page.locator(`#${await term.getAttribute("aria-controls")}`);
    const box = await definition.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390, await term.innerText()).toBe(true);
    await page.keyboard.press("Escape");
  }
  const term = page.getByTestId("glossary-term").and(page.locator('[data-term="recall-at-3"]')).first();
  await term.click();
  await page
    .locator(`#${await term.getAttribute("aria-controls")}`)
    .getByRole("link")
    .click();
  await expect(page).toHaveURL(/\/glossary\/?#term-recall-at-3$/);
  await expect(page.locator("#term-recall-at-3")).toContainText(definitionOf("recall-at-3"));
});

test("the glossary page lists every term at its anchor and passes axe", async ({ page }) => {
  await page.goto("/glossary");
  await expect(page.getByTestId("glossary-entry")).toHaveCount(glossary.terms.length);
  for (const entry of glossary.terms) {
    await expect(page.locator(`#term-${entry.id}`)).toContainText(entry.term);
  }
  expect(await violations(page)).toEqual([]);
});

test("the panels' technical words open their definitions in place, in presentation mode too, and pass axe", async ({
  app,
  page,
}) => {
  await app.goto("?rag=extractive&present=1");
  await app.ask("What is RAG?");
  await expect(app.rag.citations.first()).toBeVisible();
  await expect(app.fineTuned.speed).toBeVisible({ timeout: 60_000 });
  // What the answer's mark measures, and the speed's unit, are a press away.
  for (const [panel, id] of [
    [app.rag.panel, "faithfulness"],
    [app.fineTuned.panel, "tokens-per-second"],
  ] as const) {
    const term = panel
      .getByTestId("glossary-term")
      .and(page.locator(`[data-term="${id}"]`))
      .first();
    await term.click();
    const definition = page.locator(`#${await term.getAttribute("aria-controls")}`);
    await expect(definition).toBeVisible();
    await expect(definition).toContainText(definitionOf(id));
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(definition).toBeHidden();
  }
});
