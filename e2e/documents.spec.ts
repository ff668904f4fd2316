import { expect, test } from "./fixtures";

const QUESTION = "What colour is the lighthouse on Brennan Island?";
const FACT = "The lighthouse on Brennan Island is painted teal and was built in 1911.";

test("a document the user adds is cited on the next question, survives a reload, and the fine-tuned answer does not change", async ({
  app,
  page,
}) => {
  await app.goto("?rag=extractive");
  await expect(app.fineTuned.ready).toBeVisible({ timeout: 60_000 });
  await app.ask(QUESTION);
  await expect(app.fineTuned.speed).toBeVisible({ timeout: 60_000 });
  const fineTunedBefore = await app.fineTuned.answer.innerText();
  await expect(app.rag.citations.filter({ hasText: "Brennan" })).toHaveCount(0);

  await app.addDocument("Island notes", `# Island notes\n\n${FACT}`);
  await app.ask(QUESTION);
  await expect(app.rag.citations.first()).toContainText(FACT);
  await expect(app.rag.answer).toContainText("teal");
  // The passage classifier knows only the article's passages: the stage view shows the added passage's
  // match alone, and an article passage's classifier probability beside its match.
  const stages = app.rag.stages;
  await stages.locator("summary").first().click();
  const retrieved = stages.getByTestId("stage-passage");
  await expect(retrieved.first()).toContainText("Island notes");
  await expect(retrieved.first()).toContainText(/match \d\.\d{3}\)/);
  await expect(retrieved.first()).not.toContainText("classifier");
  await expect(retrieved.nth(1)).toContainText(/match \d\.\d{3} · classifier \d\.\d{3}/);
  await expect(app.fineTuned.speed).toBeVisible({ timeout: 60_000 });
  expect(await app.fineTuned.answer.innerText()).toBe(fineTunedBefore);

  await page.reload();
  await expect(app.rag.ready).toBeVisible();
  await expect(
    app.page.getByTestId("rag-mode").and(app.page.locator('[data-value="extractive"]')),
  ).toHaveAttribute("aria-pressed", "true");
  await expect(app.documents.items).toHaveCount(1);
  await expect(app.documents.items.first()).toContainText("Island notes");
  await app.ask(QUESTION);
  await expect(app.rag.citations.first()).toContainText(FACT);

  await app.documents.items
    .first()
    .getByRole("button", { name: /Remove/ })
    .click();
  await expect(app.documents.items).toHaveCount(0);
  await app.ask(QUESTION);
  await expect(app.rag.citations.filter({ hasText: "Brennan" })).toHaveCount(0);
});

test("an empty, headings-only or oversized document gets a clear message and nothing is added", async ({
  app,
}) => {
  await app.goto();
  await app.documents.title.fill("Empty");
  await app.documents.add.click();
  await expect(app.documents.status).toContainText("has no text");
  await app.documents.title.fill("Outline");
  await app.documents.text.fill("# Plan\n\n## Week 1\n\n## Week 2\n");
  await app.documents.add.click();
  await expect(app.documents.status).toContainText('"Outline": the document has no text to index');
  await expect(app.documents.items).toHaveCount(0);
  await app.documents.text.fill("x".repeat(100_001));
  await app.documents.add.click();
  await expect(app.documents.status).toContainText("limit is 100000");
  await expect(app.documents.items).toHaveCount(0);
});

test("the classroom scenario adds a prepared fact and asks about it in one click", async ({ app }) => {
  await app.goto("?rag=extractive");
  await app.documents.scenario.click();
  await expect(app.documents.items).toHaveCount(1);
  await expect(app.rag.citations.first()).toContainText("purple heron named Quill");
  await expect(app.input).toHaveValue("What is the demo's mascot called?");
});

test("editing a cited passage changes the next answer's citation, survives a reload, and can be undone", async ({
  app,
  page,
}) => {
  await app.goto("?rag=extractive");
  const question = "Which approach has a retrieval component?";
  await app.ask(question);
  const first = app.rag.citations.first();
  await expect(first).toContainText("Retrieval Component: Retrieval Augmented Generation (RAG): Yes");
  await first.getByTestId("citation-edit").click();
  const edited =
    "Retrieval Component: Retrieval Augmented Generation (RAG): Yes, an Orama index in the browser; Fine-Tuning LLM: No";
  await first.getByTestId("citation-edit-text").fill(edited);
  await first.getByTestId("citation-edit-save").click();
  await expect(app.documents.status).toContainText("Passage edited");
  await app.ask(question);
  await expect(app.rag.citations.filter({ hasText: "an Orama index in the browser" })).toHaveCount(1);

  await page.reload();
  await expect(app.rag.ready).toBeVisible();
  await expect(app.documents.items).toHaveCount(1);
  await app.ask(question);
  await expect(app.rag.citations.filter({ hasText: "an Orama index in the browser" })).toHaveCount(1);

  await app.documents.items.first().getByRole("button", { name: /Undo/ }).click();
  await expect(app.documents.items).toHaveCount(0);
  await app.ask(question);
  await expect(app.rag.citations.filter({ hasText: "an Orama index in the browser" })).toHaveCount(0);
});
