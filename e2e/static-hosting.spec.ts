import { expect, test } from "./fixtures";

// Served from out/ by a plain file server: no Next.js server, no headers of ours (docs/static-hosting.md).
// Both models load in this test, which on a busy 2-core machine takes longer than the default budget.
test.setTimeout(180_000);
test("the static export answers in both panels, with citations and timings, from a plain file server", async ({
  app,
  page,
}) => {
  const response = await page.goto("/");
  expect(response?.headers()["x-powered-by"] ?? "").not.toMatch(/next/i);
  expect(response?.headers()["content-security-policy"]).toBeUndefined();
  await expect(app.rag.ready).toBeVisible();
  await app.ask("Which approach has a retrieval component?");
  await expect(app.rag.answer).toBeVisible();
  await expect(app.rag.citations.first()).toBeVisible();
  expect(await app.stageMs(app.rag.timings, "total")).toBeGreaterThan(0);
  await expect(app.fineTuned.speed).toBeVisible({ timeout: 120_000 });
  await expect(app.fineTuned.answer).not.toBeEmpty();
});

test("the static export's evaluation page and its headers file are served", async ({ page }) => {
  await page.goto("/evaluation/");
  await expect(page.getByTestId("chart-retrieval")).toBeVisible();
  const headers = await (await page.request.get("/_headers")).text();
  expect(headers).toContain("Content-Security-Policy:");
});
