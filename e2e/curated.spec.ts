import { findInstruction } from "../lib/questions/instruction-guard";
import { QUESTION_SETS } from "../lib/questions/question-sets";
import { expect, test } from "./fixtures";

for (const set of QUESTION_SETS) {
  test(`the "${set.label}" set runs end to end in the browser`, async ({ app, page }) => {
    await app.goto();
    await page.getByTestId("question-set").filter({ hasText: set.label }).click();
    await expect(page.getByTestId("notice-line")).toHaveText(set.notice.map((line) => line.text));
    for (const { question } of set.questions) {
      await app.examples.filter({ hasText: question }).click();
      await expect(app.input).toHaveValue(question);
      await expect(app.rag.answer.or(app.rag.declined)).toBeVisible();
      if (set.id === "unanswerable") {
        await expect(app.rag.declined).toBeVisible();
        await expect(app.rag.citations).toHaveCount(0);
      }
      if (set.id === "article") await expect(app.rag.citations.first()).toBeVisible();
      if (findInstruction(question))
        await expect(app.rag.declined).toContainText("instruction to the system");
    }
  });
}
