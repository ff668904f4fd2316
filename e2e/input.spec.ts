import { expect, test } from "./fixtures";

test("an empty question cannot be sent and the hint says why", async ({ app }) => {
  await app.goto();
  await app.input.fill("   ");
  await app.askButton.click();
  await expect(app.hint).toContainText("Type a question first");
  await expect(app.page.getByTestId("rag-running")).toHaveCount(0);
  await expect(app.rag.answer).toHaveCount(0);
});

test("an over-long question gets a clear message and the text is kept", async ({ app }) => {
  await app.goto();
  const long = "why ".repeat(300);
  await app.input.fill(long);
  await app.askButton.click();
  await expect(app.hint).toContainText("limit is 1000");
  await expect(app.input).toHaveValue(long);
});

test("markup in a question is shown as text and never runs", async ({ app, page }) => {
  await app.goto();
  let dialogs = 0;
  page.on("dialog", async (dialog) => {
    dialogs++;
    await dialog.dismiss();
  });
  const question = `<img src=x onerror="alert(1)"><script>alert(2)</script> what is RAG?`;
  await app.ask(question);
  await expect(app.rag.answer.or(app.rag.declined)).toBeVisible();
  expect(dialogs).toBe(0);
  await expect(page.locator("img[src=x]")).toHaveCount(0);
});

test("a new question while one runs replaces it", async ({ app }) => {
  await app.goto();
  await app.ask("Who won the football world cup in 2018?");
  await app.ask("Which approach has a retrieval component?");
  await expect(app.rag.answer).toBeVisible();
  await expect(app.rag.declined).toHaveCount(0);
  await expect(app.rag.citations.first()).toBeVisible();
});
