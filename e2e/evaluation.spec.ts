import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { retrievalModes } from "../lib/rag/knowledge";
import { expect, test } from "./fixtures";

const report = JSON.parse(readFileSync("data/evaluation/report.json", "utf8"));
const test_ = report.splits.test;

/** A share as the bars label it: one decimal, "%". */
const label = (share: number) => `${Math.round(share * 1000) / 10}%`;
const numbers = (values: (number | null | undefined)[]) =>
  values.filter((v): v is number => typeof v === "number");

/** Each chart's value labels, as the report's test split gives them. */
const EXPECTED_LABELS: Record<string, string[]> = {
  // Only the ways of searching the shown setting uses: no 0% bar for a learned part it does not have.
  "chart-retrieval": retrievalModes("article+questions")
    .map((mode) => (test_.retrieval as Record<string, { recallAt1: number; recallAt3: number }>)[mode])
    .filter((r) => r !== undefined)
    .flatMap((r) => [r.recallAt1, r.recallAt3])
    .map(label),
  // Each figure in both settings, where both have it.
  "chart-knowledge": (() => {
    const alone = report.knowledgeSettings?.article?.splits?.test;
    if (!alone) return [];
    const pairs: [number | undefined, number | undefined][] = [
      [alone.rag?.evidenceCited, test_.rag.evidenceCited],
      [alone.rag?.tokenF1, test_.rag.tokenF1],
      [alone.ragGenerative?.tokenF1, test_.ragGenerative?.tokenF1],
      [alone.fineTuned?.tokenF1, test_.fineTuned?.tokenF1],
      [alone.rag?.offTopicDeclined, test_.rag.offTopicDeclined],
    ];
    return pairs
      .filter((pair): pair is [number, number] => pair.every((v) => typeof v === "number"))
      .flat()
      .map(label);
  })(),
  "chart-answers": numbers([test_.rag.tokenF1, test_.ragGenerative?.tokenF1, test_.fineTuned?.tokenF1]).map(
    label,
  ),
  "chart-faithfulness": numbers([test_.rag.faithfulness, test_.ragGenerative?.faithfulness]).map(label),
  "chart-off-topic": numbers([
    test_.rag.offTopicDeclined,
    test_.ragGenerative?.offTopicDeclined,
    test_.fineTuned ? 1 - test_.fineTuned.offTopicAnswered : null,
  ]).map(label),
};

/**
 * The report's own names, which must never reach the page: every key that is not an ordinary word (camelCase,
 * hyphenated, with digits) and the retrieval methods' names.
 */
function internalKeys(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value) || value === null || typeof value !== "object") return found;
  for (const [key, inner] of Object.entries(value)) {
    if (key === "questions") continue;
    if (/[A-Z0-9@-]/.test(key)) found.add(key);
    internalKeys(inner, found);
  }
  return found;
}
const INTERNAL = [...internalKeys(report), ...Object.keys(test_.retrieval), "rag"];

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

test("the evaluation page renders the report: charts and every question with both answers", async ({
  page,
}) => {
  await page.goto("/evaluation");
  const chart = page.getByTestId("chart-retrieval");
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  // One bar per retrieval method and measure.
  await expect(chart.locator(".recharts-bar-rectangle")).toHaveCount(
    EXPECTED_LABELS["chart-retrieval"]?.length ?? 0,
  );
  const inScopeTest = report.questions.filter(
    (q: { split: string; kind: string }) => q.split === "test" && q.kind === "in-scope",
  );
  await expect(page.getByTestId("question-row")).toHaveCount(inScopeTest.length);
  await expect(page.getByTestId("question-row").first()).toContainText(inScopeTest[0].question);
  await page.getByRole("button", { name: "Off-topic questions" }).click();
  await expect(page.getByTestId("question-row")).toHaveCount(test_.offTopic);
});

test("every bar carries its value, every chart a caption, and no internal name is shown", async ({
  page,
}) => {
  await page.goto("/evaluation");
  for (const [testId, expected] of Object.entries(EXPECTED_LABELS)) {
    const chart = page.getByTestId(testId);
    const values = chart.locator("text.chart-value");
    await expect(values, testId).toHaveCount(expected.length);
    expect((await values.allTextContents()).sort(), testId).toEqual([...expected].sort());
    // Visible, and drawn inside the chart rather than cut off at its edge.
    const frame = await chart.locator("svg.recharts-surface").boundingBox();
    for (const value of await values.all()) {
      await expect(value).toBeVisible();
      const box = await value.boundingBox();
      expect(box && frame && box.x >= frame.x && box.x + box.width <= frame.x + frame.width + 1, testId).toBe(
        true,
      );
    }
    // Only bars with a value draw a rectangle: never more rectangles than labels.
    expect(await chart.locator(".recharts-bar-rectangle path").count()).toBeLessThanOrEqual(expected.length);
    const caption = chart.getByTestId("chart-caption");
    await expect(caption, testId).toBeVisible();
    expect((await caption.innerText()).trim(), testId).toMatch(/^[A-Z].{40,}[.:]?/s);
  }
  const shown = [
    await page.locator("header").innerText(),
    await page.getByTestId("evaluation-summary").innerText(),
    ...(await Promise.all(Object.keys(EXPECTED_LABELS).map((id) => page.getByTestId(id).innerText()))),
    ...(await page
      .getByTestId(/^chart-/)
      .locator("svg text")
      .allTextContents()),
    await page.getByTestId("speed-and-size").innerText(),
  ].join("\n");
  for (const key of INTERNAL) {
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    expect(shown, key).not.toMatch(new RegExp(`(^|[^\\w@-])${escaped}($|[^\\w@-])`));
  }
  // Every timing says where it was measured.
  const rows = page.getByTestId("timing-row");
  expect(await rows.count()).toBeGreaterThan(0);
  for (const row of await rows.all())
    await expect(row).toContainText(`Node, ${report.machine.cpus}-core machine`);
});

test("axe finds nothing on the evaluation page, in either mode", async ({ page }) => {
  await page.goto("/evaluation");
  await expect(page.getByTestId("chart-retrieval").locator("text.chart-value").first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.goto("/evaluation?present=1");
  await expect(page.locator("html")).toHaveClass(/presentation/);
  await expect(page.getByTestId("presentation-toggle")).toHaveAttribute("aria-pressed", "true");
  // The charts' own words grow with the page.
  await expect(page.getByTestId("chart-retrieval").locator("text.chart-value").first()).toHaveAttribute(
    "font-size",
    "15",
  );
  expect(await violations(page)).toEqual([]);
});
