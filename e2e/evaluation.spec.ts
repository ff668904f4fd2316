import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";

const report = JSON.parse(readFileSync("data/evaluation/report.json", "utf8"));

test("the evaluation page renders the report: charts and every question with both answers", async ({
  page,
}) => {
  await page.goto("/evaluation");
  const chart = page.getByTestId("chart-retrieval");
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  // One bar per retrieval mode and measure.
  await expect(chart.locator(".recharts-bar-rectangle")).toHaveCount(
    Object.keys(report.splits.test.retrieval).length * 2,
  );
  const inScopeTest = report.questions.filter(
    (q: { split: string; kind: string }) => q.split === "test" && q.kind === "in-scope",
  );
  await expect(page.getByTestId("question-row")).toHaveCount(inScopeTest.length);
  await expect(page.getByTestId("question-row").first()).toContainText(inScopeTest[0].question);
  await page.getByRole("button", { name: "off-topic" }).click();
  await expect(page.getByTestId("question-row")).toHaveCount(report.splits.test.offTopic);
});
