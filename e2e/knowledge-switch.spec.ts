import { expect, test } from "./fixtures";

/**
 * Issue 23: one switch says what each approach was given, for both panels at once. The address carries it, the
 * page says it in words, the table's rows follow it, the search changes index, and the visitor's documents are
 * searched in either setting.
 */
const TITLE = "Lighthouse notes";
const DOCUMENT =
  "The lighthouse on Skerry Point is kept by Morwenna Tregarthen. She has tended its lamp since the winter of 1998, and she logs every passing ship in a green ledger.";
const QUESTION = "Who keeps the lighthouse on Skerry Point?";

test("the switch changes both panels' knowledge, the address and the table, and keeps the visitor's documents", async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  await app.goto("?rag=extractive");
  await expect(app.knowledge.switch).toHaveAttribute("data-knowledge", "article+questions");
  await expect(app.knowledge.given).toContainText("written questions");
  await app.addDocument(TITLE, DOCUMENT);

  await app.useKnowledge("article");
  await expect(page).toHaveURL(/knowledge=article(&|$)/);
  await expect(app.knowledge.given).toContainText("article's text alone");
  const trainingData = app.comparisonRows.filter({ hasText: "Training Data" });
  await expect(trainingData).toContainText("alone");
  await expect(trainingData).not.toContainText("written questions");

  // The document added before the switch is indexed again in the article-only search, and cited.
  await app.ask(QUESTION);
  await expect(app.rag.citations.filter({ hasText: TITLE }).first()).toBeVisible({ timeout: 60_000 });
  await expect(app.rag.answer).toContainText("Morwenna Tregarthen");
  // Nothing learned from the written questions takes part: no passage carries a classifier's probability.
  await expect(app.rag.stages.getByTestId("stage-passage")).not.toHaveCount(0);
  await expect(app.rag.stages.getByTestId("stage-passage").filter({ hasText: "classifier" })).toHaveCount(0);
  // The fine-tuned panel answers with the article-only model.
  await expect(app.fineTuned.answer).not.toBeEmpty({ timeout: 60_000 });
  await expect(app.fineTuned.error).toHaveCount(0);

  // A reload keeps the setting: the address holds it.
  await page.reload();
  await expect(app.rag.ready).toBeVisible();
  await expect(app.knowledge.switch).toHaveAttribute("data-knowledge", "article");

  await app.useKnowledge("article+questions");
  await expect(page).not.toHaveURL(/knowledge=/);
  await expect(trainingData).toContainText("written questions");
  await app.ask(QUESTION);
  await expect(app.rag.citations.filter({ hasText: TITLE }).first()).toBeVisible({ timeout: 60_000 });
});

test("the question sets' notes say they were written for the other setting when the article is alone", async ({
  app,
}) => {
  await app.goto();
  await expect(app.page.getByTestId("notice-caveat")).toHaveCount(0);
  await app.useKnowledge("article");
  await expect(app.page.getByTestId("notice-caveat")).toContainText(
    "written for the setting with the written questions",
  );
});
