import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * Replaces the search worker's script (recognised by the index file it fetches) with another one, the way a
 * broken deployment or a crash would look to the page.
 */
async function replaceSearchWorker(page: Page, body: string) {
  let replaced = 0;
  await page.route("**/_next/static/**/*.js", async (route) => {
    const response = await route.fetch();
    const text = await response.text();
    if (text.includes("/retrieval/article-index.json") && replaced === 0) {
      replaced++;
      await route.fulfill({ response, body });
      return;
    }
    await route.fulfill({ response, body: text });
  });
}

test("a search worker that crashes shows an error with a retry, and the fine-tuned panel keeps working", async ({
  app,
  page,
}) => {
  await replaceSearchWorker(page, 'throw new Error("simulated crash");');
  await page.goto("/");
  await expect(app.rag.error).toContainText("stopped unexpectedly");
  await expect(app.fineTuned.ready).toBeVisible({ timeout: 60_000 });
  await app.ask("What is retrieval augmented generation?");
  await expect(app.fineTuned.speed).toBeVisible({ timeout: 60_000 });
  // Retry starts a fresh worker; the route only broke the first one.
  await app.rag.error.getByRole("button", { name: "Retry" }).click();
  await expect(app.rag.ready).toBeVisible();
  await app.ask("Which approach has a retrieval component?");
  await expect(app.rag.citations.first()).toBeVisible();
});

test("a search worker that hangs is reported after a deadline, with a retry", async ({ app, page }) => {
  test.setTimeout(90_000);
  await replaceSearchWorker(page, "self.onmessage = () => {};");
  await page.goto("/");
  await expect(app.rag.error).toContainText("did not finish loading in time", { timeout: 40_000 });
  await app.rag.error.getByRole("button", { name: "Retry" }).click();
  await expect(app.rag.ready).toBeVisible();
});

// The reader runs in a worker nested in the search worker; its crash handling is unit-tested
// (workers/remote-reader.test.ts), since Playwright cannot replace a nested worker's script.
test("a corrupt reader model gives a clear message, and questions are answered extractively", async ({
  app,
  page,
}) => {
  await page.route("**/models/reader/onnx/model_quantized.onnx?v=*", (route) =>
    route.fulfill({ status: 200, contentType: "application/octet-stream", body: Buffer.from("not a model") }),
  );
  await app.goto("?rag=generative");
  await expect(app.rag.panel.getByTestId("reader-error")).toContainText("was damaged", {
    timeout: 60_000,
  });
  await app.ask("Which approach has a retrieval component?");
  await expect(page.getByTestId("rag-answer-mode")).toContainText("Extractive");
  await expect(app.rag.citations.first()).toBeVisible();
});

test("while the search index loads, the question box says so; once everything is ready it says how to ask", async ({
  app,
  page,
}) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/retrieval/article-index.json?v=*", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/");
  await expect(app.hint).toContainText("Loading the search index");
  await expect(app.hint).toContainText("a question asked now is answered when");
  release();
  await expect(app.rag.ready).toBeVisible();
  await expect(app.fineTuned.ready).toBeVisible({ timeout: 60_000 });
  await expect(app.hint).toHaveText("Enter sends; Shift+Enter adds a line.");
});

test("a missing or damaged search index gives a clear error with a retry, and the fine-tuned panel keeps working", async ({
  app,
  page,
}) => {
  let served = 0;
  await page.route("**/retrieval/article-index.json?v=*", (route) =>
    served++ === 0
      ? route.fulfill({ status: 404, body: "" })
      : route.fulfill({ status: 200, contentType: "application/json", body: "{not json" }),
  );
  await page.goto("/");
  await expect(app.rag.error).toContainText("search index is not on this server");
  await expect(app.fineTuned.ready).toBeVisible({ timeout: 60_000 });
  await app.rag.error.getByRole("button", { name: "Retry" }).click();
  await expect(app.rag.error).toContainText("was damaged");
});

test("a missing or damaged passage classifier gives a clear error, naming the file, with a retry that recovers", async ({
  app,
  page,
}) => {
  let served = 0;
  await page.route("**/retrieval/passage-classifier.json?v=*", (route) => {
    served++;
    if (served === 1) return route.fulfill({ status: 404, body: "" });
    // A damaged download is fetched once more before it is refused, so it is served damaged twice.
    if (served === 2 || served === 3)
      return route.fulfill({ status: 200, contentType: "application/json", body: '{"format":1}' });
    return route.continue();
  });
  await page.goto("/");
  await expect(app.rag.error).toContainText("not on this server");
  await expect(app.rag.error).toContainText("passage-classifier.json");
  await app.rag.error.getByRole("button", { name: "Retry" }).click();
  await expect(app.rag.error).toContainText("was damaged");
  await expect(app.rag.error).toContainText("passage-classifier.json");
  await app.rag.error.getByRole("button", { name: "Retry" }).click();
  await expect(app.rag.ready).toBeVisible();
  await app.ask("Which approach has a retrieval component?");
  await expect(app.rag.citations.first()).toContainText("Retrieval Component");
});
