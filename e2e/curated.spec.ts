import { findInstruction } from "../lib/questions/instruction-guard";
import { QUESTION_SETS } from "../lib/questions/question-sets";
import { expect, test } from "./fixtures";

// Every prepared question in the browser, and every "what to notice" line checked against the verdicts the
// page gives the answers (lib/questions/claims.ts): a line the answers contradict fails here.
for (const set of QUESTION_SETS) {
  test(`the "${set.label}" set: every question answered, every notice line borne out`, async ({
    app,
    page,
  }) => {
    test.setTimeout(120_000);
    await app.goto();
    await expect(app.fineTuned.ready).toBeVisible({ timeout: 60_000 });
    await page.getByTestId("question-set").filter({ hasText: set.label }).click();
    await expect(page.getByTestId("notice-line")).toHaveCount(set.notice.length);
    for (const [i, { question }] of set.questions.entries()) {
      await app.examples.filter({ hasText: question }).first().click();
      await expect(app.input).toHaveValue(question);
      // Both panels have answered this question once the lesson record lists it.
      await expect(page.getByTestId("lesson-entry")).toHaveCount(i + 1, { timeout: 60_000 });
      await expect(page.getByTestId("lesson-entry").last()).toContainText(question);
      await expect(app.rag.verdict).toBeVisible();
      await expect(app.fineTuned.verdict).toBeVisible();
      if (set.id === "unanswerable") await expect(app.rag.citations).toHaveCount(0);
      if (findInstruction(question))
        await expect(app.rag.declined).toContainText("instruction to the system");
    }
    for (const [i, line] of set.notice.entries()) {
      await expect(page.getByTestId("notice-line").nth(i)).toContainText(line.text);
      await expect(page.getByTestId("notice-line").nth(i)).toHaveAttribute(
        "data-holds",
        line.claims.length > 0 ? "true" : "pending",
      );
    }
  });
}
