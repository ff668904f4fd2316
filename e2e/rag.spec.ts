import { expect, test } from "./fixtures";

test("a question from the article gets an extractive answer with cited evidence and timings", async ({
  app,
}) => {
  await app.goto("?rag=extractive");
  await app.ask("What does fine-tuning do in the movie review example?");
  await expect(app.rag.answer).toBeVisible();
  await expect(app.rag.citations).toHaveCount(3);
  // The evidence is in one of the cited passages, and the answer is built from them.
  await expect(app.rag.citations.filter({ hasText: "movie reviews" }).first()).toBeVisible();
  const answer = await app.rag.answer.innerText();
  const citationTexts = await app.rag.citations.getByTestId("citation-text").allInnerTexts();
  const firstSentence = answer.split(" [")[0] ?? "";
  expect(citationTexts.some((text) => text.replace(/\s+/g, " ").includes(firstSentence.trim()))).toBe(true);
  await expect(app.rag.citations.first().getByTestId("matched-term").first()).toBeVisible();
  for (const stage of ["retrieve", "answer", "total"]) {
    expect(await app.stageMs(app.rag.timings, stage)).toBeGreaterThanOrEqual(0);
  }
  expect(await app.stageMs(app.rag.timings, "total")).toBeGreaterThanOrEqual(
    await app.stageMs(app.rag.timings, "retrieve"),
  );
});

test("clicking a citation marker highlights its card", async ({ app }) => {
  await app.goto("?rag=extractive");
  await app.ask("Which approach has a retrieval component?");
  const marker = app.rag.markers.first();
  await expect(marker).toBeVisible();
  const rank = (await marker.innerText()).replace(/\D/g, "");
  await marker.click();
  await expect(app.page.locator(`#citation-${rank}`)).toBeFocused();
});

test("an off-topic question is declined without citations, saying which rule declined it and why", async ({
  app,
}) => {
  await app.goto();
  await app.ask("Who won the football world cup in 2018?");
  await expect(app.rag.declined).toContainText("don't cover");
  await expect(app.rag.citations).toHaveCount(0);
  await expect(app.rag.uncovered).toContainText("“2018”");
  await app.rag.stages.locator("summary").first().click();
  const reason = app.rag.stages.getByTestId("stage-declined");
  await expect(reason).toContainText(/the best match score 0\.\d+ is under the threshold/);
  // Its words are covered well enough, so coverage is not named as a reason.
  await expect(reason).not.toContainText("specific words");
  // A near-domain question matches well but names what no passage has.
  await app.ask("What is prompt tuning?");
  await expect(app.rag.declined).toContainText("don't cover");
  await expect(app.rag.uncovered).toContainText("“prompt”");
  await expect(reason).toContainText(
    "cover 0% of the question's specific words (75% needed): none has a word close to “prompt”",
  );
  await expect(reason).not.toContainText("match score");
});

test("the article's FAQ list is cited for what it lists, while a question it lists stays declined", async ({
  app,
}) => {
  await app.goto("?rag=extractive");
  await app.ask("Which questions does the FAQ list?");
  const list = app.rag.citations.filter({ has: app.page.getByTestId("citation-question-list") });
  await expect(list).toHaveCount(1);
  await expect(list.getByTestId("citation-text")).toContainText("semantic search?");
  // The answer quotes the list whole, with its marker.
  const rank = (await list.getAttribute("id"))?.replace("citation-", "");
  await expect(app.rag.answer).toContainText(
    `What is the difference between fine-tuning and optimization? [${rank}]`,
  );
  // The list's first question, asked: the list matches it, but covers nothing, so the question is declined.
  await app.ask("How is retrieval augmented generation different from semantic search?");
  await expect(app.rag.declined).toContainText("don't cover");
  await expect(app.rag.citations).toHaveCount(0);
  await expect(app.rag.uncovered).toContainText("“semantic”");
});

test("small talk is declined by name, and a greeting before a question does not stop its answer", async ({
  app,
}) => {
  await app.goto("?rag=extractive");
  await app.ask("Thanks, that was really helpful!");
  await expect(app.rag.declined).toContainText("small talk");
  await expect(app.rag.citations).toHaveCount(0);
  // The comparison table's live cell tells the same story: passages were retrieved, then the panel declined.
  const approachRow = app.comparisonRows.filter({ hasText: "Approach" });
  await expect(approachRow.getByTestId("live-evidence").first()).toContainText("then declined");
  await app.ask("Hi! Which approach has a retrieval component?");
  await expect(app.rag.answer).toBeVisible();
  await expect(approachRow.getByTestId("live-evidence").first()).toContainText(/then answered citing \d/);
  await expect(app.rag.citations.filter({ hasText: "Retrieval Component" }).first()).toBeVisible();
});

test("the comparison table shows all twelve rows of the article's table, with the credit", async ({
  app,
  page,
}) => {
  await app.goto();
  await expect(app.comparisonRows).toHaveCount(12);
  await expect(app.comparisonRows.filter({ hasText: "Retrieval Component" })).toContainText("Yes");
  await expect(page.getByTestId("article-credit")).toContainText("Aqsa Zafar");
});

test("every row of the comparison table has live evidence, filled from this session", async ({ app }) => {
  await app.goto("?rag=extractive");
  for (const row of await app.comparisonRows.all())
    await expect(row.getByTestId("live-evidence")).toHaveCount(2);
  const retrievalRow = app.comparisonRows.filter({ hasText: "Retrieval Component" });
  await app.ask("Which approach has a retrieval component?");
  await expect(app.rag.citations.first()).toBeVisible();
  const shownMs = await app.stageMs(app.rag.timings, "retrieve");
  await expect(retrievalRow.getByTestId("live-evidence").first()).toContainText(/3 passages in [\d.]+ ms/);
  const cellMs = Number(
    /in ([\d.]+) ms/.exec(await retrievalRow.getByTestId("live-evidence").first().innerText())?.[1],
  );
  expect(Math.abs(cellMs - shownMs)).toBeLessThan(0.1 + shownMs * 0.05);
  await expect(retrievalRow.getByTestId("live-evidence").nth(1)).toHaveText(/none/);
});

test("a shared link's question reaches both panels as a typed one would, full-width letters read as letters", async ({
  app,
}) => {
  await app.goto(`?q=${encodeURIComponent("Ｗｈｏ ｗｒｏｔｅ ｔｈｅ ａｒｔｉｃｌｅ？")}`);
  await expect(app.rag.citations.filter({ hasText: "Aqsa Zafar" }).first()).toBeVisible();
  await expect(app.fineTuned.answer).toBeVisible();
  await expect(app.fineTuned.prompt).toContainText("Who wrote the article?");
});

test("the address carries the question: a shared link asks it on load, and asking updates the link", async ({
  app,
  page,
}) => {
  await app.goto(`?q=${encodeURIComponent("Who wrote the article?")}`);
  await expect(app.input).toHaveValue("Who wrote the article?");
  await expect(app.rag.citations.filter({ hasText: "Aqsa Zafar" }).first()).toBeVisible();
  await app.ask("Which approach has a retrieval component?");
  await expect(page).toHaveURL(/\?q=Which\+approach\+has\+a\+retrieval\+component%3F$/);
});
