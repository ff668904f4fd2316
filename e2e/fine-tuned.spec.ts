import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";

test("the fine-tuned panel shows loading progress, then streams an answer with its timings", async ({
  app,
  page,
}) => {
  await app.paceStreamedTokens(40);
  await page.goto("/");
  await expect(app.fineTuned.panel.getByTestId("fine-tuned-progress")).toBeVisible();
  await expect(app.fineTuned.ready).toBeVisible({ timeout: 60_000 });
  await expect(app.rag.ready).toBeVisible();

  // Record every length the answer's text had while it was being written. Streaming shows the answer
  // growing: the worker posts it token by token, and with tokens paced a frame or more apart the page shows
  // at least two lengths short of the final one.
  await app.recordLengths("fine-tuned-answer");
  await app.ask("How does fine-tuning work?");
  await expect(app.fineTuned.timings).toBeVisible({ timeout: 60_000 });
  const answer = (await app.fineTuned.answer.innerText()).trim();
  expect(answer.length).toBeGreaterThan(0);
  const { lengths, tokenMessages } = await app.recorded();
  expect(tokenMessages).toBeGreaterThanOrEqual(3);
  expect(lengths.filter((length) => length > 0 && length < answer.length).length).toBeGreaterThanOrEqual(2);
  expect(await app.stageMs(app.fineTuned.timings, "first-token")).toBeGreaterThan(0);
  expect(await app.stageMs(app.fineTuned.timings, "total")).toBeGreaterThanOrEqual(
    await app.stageMs(app.fineTuned.timings, "first-token"),
  );
  await expect(app.fineTuned.speed).toContainText("tokens/s");
  // The fine-tuned panel cites nothing.
  await expect(app.fineTuned.panel.getByTestId("citation-card")).toHaveCount(0);
});

test("a missing model file gives a clear error in its panel while RAG keeps working", async ({
  app,
  page,
}) => {
  await page.route("**/models/fine-tuned/onnx/model_quantized.onnx", (route) =>
    route.fulfill({ status: 404, body: "" }),
  );
  await app.goto();
  await expect(app.fineTuned.error).toContainText("not on this server yet");
  await expect(app.fineTuned.error.getByTestId("fine-tuned-error-detail")).toContainText(
    "model_quantized.onnx answered 404: build it with `npm run train`",
  );
  await app.ask("Which approach has a retrieval component?");
  await expect(app.rag.citations.first()).toBeVisible();
});

test("a corrupt model file gives a clear error and a retry", async ({ app, page }) => {
  await page.route("**/models/fine-tuned/onnx/model_quantized.onnx", (route) =>
    route.fulfill({
      status: 200,
      contentType: "application/octet-stream",
      body: Buffer.from("not an onnx model"),
    }),
  );
  await app.goto();
  await expect(app.fineTuned.error).toContainText("was damaged");
  await expect(app.fineTuned.error.getByRole("button", { name: "Retry" })).toBeVisible();
});

test("a question asked while another streams replaces it, with no tokens from the first", async ({
  app,
  page,
}) => {
  await page.goto("/");
  await expect(app.fineTuned.ready).toBeVisible({ timeout: 60_000 });
  await expect(app.rag.ready).toBeVisible();
  // Greedy decoding is deterministic: the answer to the second question alone is the reference.
  await app.ask("Which approach has a retrieval component?");
  await expect(app.fineTuned.speed).toBeVisible({ timeout: 60_000 });
  const alone = await app.fineTuned.answer.innerText();

  await app.ask("Who wrote the article?");
  await app.ask("Which approach has a retrieval component?");
  await expect(app.fineTuned.speed).toBeVisible({ timeout: 60_000 });
  expect(await app.fineTuned.answer.innerText()).toBe(alone);
  await expect(app.rag.citations.first()).toContainText(
    "Retrieval Component: Retrieval Augmented Generation (RAG): Yes",
  );
});

test("the lifecycle view shows the article's six steps with the model card's own figures", async ({
  app,
  page,
}) => {
  const card = JSON.parse(readFileSync("public/models/fine-tuned/model-card.json", "utf8"));
  await app.goto();
  const lifecycle = page.getByTestId("lifecycle");
  await lifecycle.locator("summary").click();
  await expect(lifecycle.getByTestId("lifecycle-step")).toHaveCount(6);
  await expect(lifecycle).toContainText(`${card.parameters.toLocaleString("en")} parameters`);
  await expect(lifecycle).toContainText(`${(card.pretraining.wall_time_s / 60).toFixed(1)} min`);
  await expect(lifecycle).toContainText(`${(card.fine_tuning.wall_time_s / 60).toFixed(1)} min`);
  await expect(lifecycle).toContainText(`${card.fine_tuning.dataset.rows} question–answer pairs`);
  await expect(lifecycle).toContainText(card.base_vs_fine_tuned["heldout-test"]["fine-tuned"].f1.toFixed(3));
});
