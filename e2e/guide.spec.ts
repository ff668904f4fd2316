import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { loadGuide } from "../lib/guide/guide-data";
import { expect, test } from "./fixtures";
import { GuidePage } from "./pages/guide-page";

const guide = loadGuide();
const quote = (id: string) => {
  const text = guide.quotes[id]?.text;
  if (!text) throw new Error(`no quote ${id}`);
  return text;
};

/** A manager's project: fresh outside knowledge, answers that must cite their sources, someone to keep them. */
const MANAGER = {
  "knowledge-seeker": "Yes, and it changes after launch",
  transparency: "Yes, people must be able to check the source",
  "resource-management": "Yes, and it's worth investing in",
};
/** One narrow task with abundant labelled data. */
const NARROW_TASK = {
  "task-specific": "Yes, one narrow skill, done excellently",
  "data-availability": "Yes, plenty",
  "data-efficiency": "Thousands or more",
};
/** Every question answered, with the longest reasons and the most conflicts: the fullest summary to print. */
const FULLEST = "ks.changing_vs.many_de.few_tr.must_rm.no_ts.yes_da.plenty_si.priority_sc.evolves_lk.yes";

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

test("the main page links to the guide from its header and from the comparison table", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("comparison-guide-link").click();
  await expect(page).toHaveURL(/\/guide\/?$/);
  await page.goto("/");
  await page.getByTestId("guide-link").click();
  const guidePage = new GuidePage(page);
  await expect(guidePage.questions).toHaveCount(10);
});

test("a manager's project (fresh outside knowledge, cited answers) gets RAG, quoting Knowledge Seeker and Transparency, and opens the demo's sources questions", async ({
  page,
  app,
}) => {
  const guidePage = new GuidePage(page);
  await guidePage.goto();
  await guidePage.answer(MANAGER);
  await expect(guidePage.recommendation).toHaveAttribute("data-outcome", "rag");
  await expect(guidePage.outcome).toHaveText("Retrieval-augmented generation (RAG)");
  await expect(guidePage.explanation).toContainText("RAG has 6 points and fine-tuning 0");
  const seeker = guidePage.reason("knowledge-seeker");
  await expect(seeker.getByTestId("guide-quote").first()).toHaveText(`“${quote("knowledge-seeker")}”`);
  await expect(guidePage.reason("transparency").getByTestId("guide-quote")).toHaveText(
    `“${quote("transparency")}”`,
  );
  // Each reason shows what this demo measured for it.
  await expect(guidePage.reason("transparency").getByTestId("guide-evidence")).toContainText(
    /answers whose citations hold the evidence \(held-out test\): \d+%/,
  );
  await expect(guidePage.reason("resource-management").getByTestId("guide-evidence")).toContainText(
    "time to index a new document: not measured yet",
  );
  expect(await guidePage.encodedAnswers()).toBe("ks.changing_tr.must_rm.yes");

  // The quote links to its place in the article's own list, which becomes the page's target.
  await guidePage.reason("transparency").getByTestId("guide-quote").click();
  await expect(page).toHaveURL(/#quote-transparency$/);
  const place = page.locator("#quote-transparency");
  await expect(place).toHaveText(quote("transparency"));
  await expect(place).toBeInViewport();
  await expect(guidePage.article.locator("#article-transparency")).toContainText("Transparency:");

  // One click opens the side-by-side page with the question set of the criteria that decided it.
  await expect(guidePage.tryDemo).toContainText("Sources and freshness");
  await guidePage.tryDemo.click();
  await expect(page).toHaveURL(/\/\?set=sources$/);
  await expect(app.rag.ready).toBeVisible();
  await expect(page.getByTestId("question-set").filter({ hasText: "Sources and freshness" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await app.examples.filter({ hasText: "How does RAG make its answers transparent?" }).click();
  await expect(app.rag.citations.first()).toBeVisible();
});

test("one narrow task with abundant labelled data gets fine-tuning, and its demo set", async ({ page }) => {
  const guidePage = new GuidePage(page);
  await guidePage.goto();
  await guidePage.answer(NARROW_TASK);
  await expect(guidePage.recommendation).toHaveAttribute("data-outcome", "fine-tuning");
  await expect(guidePage.outcome).toHaveText("Fine-tuning");
  await expect(guidePage.reason("task-specific").getByTestId("guide-quote")).toHaveText(
    `“${quote("task-specific")}”`,
  );
  await expect(guidePage.reason("data-availability").getByTestId("guide-quote")).toHaveText(
    `“${quote("data-availability")}”`,
  );
  await expect(guidePage.reason("task-specific").getByTestId("guide-evidence")).toContainText(
    /fine-tuned: 0\.\d\d/,
  );
  await expect(guidePage.tryDemo).toHaveAttribute("href", "/?set=narrow-task");
});

test("“don't know” everywhere gives a reasoned “it depends”, and conflicting answers are named", async ({
  page,
}) => {
  const guidePage = new GuidePage(page);
  await guidePage.goto();
  for (const criterion of guide.criteria) await guidePage.choice(criterion.id, "Don't know").check();
  await expect(guidePage.recommendation).toHaveAttribute("data-outcome", "it-depends");
  await expect(guidePage.explanation).toContainText("answered none of the 10 questions");
  // Each open question says what would tip it.
  await expect(guidePage.reasons).toHaveCount(10);
  for (const criterion of guide.criteria) {
    await expect(guidePage.reason(criterion.id)).toContainText(criterion.choices.at(-1)?.reason ?? "");
  }
  await guidePage.answer({
    transparency: "Yes, people must be able to check the source",
    simplicity: "Yes, a top priority",
    "data-efficiency": "Some (hundreds)",
  });
  await expect(guidePage.recommendation).toHaveAttribute("data-outcome", "it-depends");
  await expect(guidePage.explanation).toContainText("Towards RAG: Transparency, Data Efficiency");
  await expect(guidePage.conflicts).toContainText("Citing sources needs something to retrieve them from");
});

test("the shared address reopens the same answers, and a damaged one is tolerated", async ({
  page,
  context,
}) => {
  const guidePage = new GuidePage(page);
  await guidePage.goto("?present=1");
  await guidePage.answer({ ...NARROW_TASK, versatility: "A few related topics", scalability: "Don't know" });
  await expect(page).toHaveURL(/present=1/);
  const shared = page.url();

  const other = new GuidePage(await context.newPage());
  await other.page.goto(shared);
  await expect(other.root).toHaveAttribute("data-ready", "true");
  for (const [id, label] of Object.entries({ ...NARROW_TASK, versatility: "A few related topics" })) {
    await expect(other.choice(id, label)).toBeChecked();
  }
  await expect(other.choice("scalability", "Don't know")).toBeChecked();
  await expect(other.recommendation).toHaveAttribute("data-outcome", "fine-tuning");
  await expect(other.summary.rows.nth(1)).toContainText("Answer: A few related topics");
  await other.page.close();

  await guidePage.goto("?a=ks.changing_zz.yes_tr.perhaps_.._da&a=vs.many");
  await expect(guidePage.choice("knowledge-seeker", "Yes, and it changes after launch")).toBeChecked();
  await expect(guidePage.question("transparency").getByRole("radio", { checked: true })).toHaveCount(0);
  // The address is rewritten to what was understood.
  expect(await guidePage.encodedAnswers()).toBe("ks.changing");
  await guidePage.reset.click();
  expect(await guidePage.encodedAnswers()).toBeNull();
});

test("the meeting summary prints on one A4 and one Letter page, alone, and downloads as Markdown", async ({
  page,
  context,
  baseURL,
}) => {
  const guidePage = new GuidePage(page);
  await guidePage.goto(`?a=${FULLEST}`);
  await expect(guidePage.summary.rows).toHaveCount(10);
  expect(await guidePage.printedPages("A4")).toBe(1);
  expect(await guidePage.printedPages("Letter")).toBe(1);
  await page.emulateMedia({ media: "print" });
  await expect(guidePage.summary.root).toBeVisible();
  await expect(guidePage.questions.first()).toBeHidden();
  await expect(guidePage.recommendation).toBeHidden();
  await expect(guidePage.article).toBeHidden();
  // Back to the default, under which page.pdf() prints with print styles.
  await page.emulateMedia({ media: null });

  // Presentation mode's larger type stays off paper.
  await guidePage.presentationToggle.click();
  await expect(page.locator("html")).toHaveClass(/presentation/);
  expect(await guidePage.printedPages("A4")).toBe(1);

  const downloading = page.waitForEvent("download");
  await guidePage.summary.download.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("rag-or-fine-tuning-summary.md");
  const markdown = readFileSync(await download.path(), "utf8");
  expect(markdown).toContain("**Recommendation: Both, combined.**");
  expect(markdown).toContain(`> “${quote("task-specific")}”`);
  expect(markdown).toContain(`Reopen these answers: ${baseURL}/guide?a=${FULLEST}`);
  await expect(guidePage.summary.status).toHaveText("Downloaded rag-or-fine-tuning-summary.md.");

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await guidePage.summary.copyLink.click();
  await expect(guidePage.summary.status).toHaveText("Link copied.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/guide?a=${FULLEST}`);
  await guidePage.summary.copy.click();
  await expect(guidePage.summary.status).toHaveText("Markdown copied.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(markdown);
});

test("keyboard only, in presentation mode: answer, see the focus, reach the demo; axe finds nothing", async ({
  page,
  app,
}) => {
  const guidePage = new GuidePage(page);
  await guidePage.goto();
  expect(await axeViolations(page)).toEqual([]);
  await guidePage.presentationToggle.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveClass(/presentation/);
  await expect(page).toHaveURL(/present=1/);

  // Tab enters each question's group at its first answer; Space chooses it; Tab moves to the next question.
  await page.keyboard.press("Tab");
  await expect(guidePage.choice("knowledge-seeker", MANAGER["knowledge-seeker"])).toBeFocused();
  const outline = await page.evaluate(
    () =>
      getComputedStyle((document.activeElement as HTMLElement).closest("label") as HTMLElement).outlineStyle,
  );
  expect(outline).toBe("solid");
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(guidePage.choice("transparency", MANAGER.transparency)).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  // Arrow keys move within a question: "worth investing" → "some time" → back.
  await page.keyboard.press("ArrowRight");
  await expect(guidePage.choice("resource-management", "Some time, not much")).toBeChecked();
  await page.keyboard.press("ArrowLeft");
  await expect(guidePage.recommendation).toHaveAttribute("data-outcome", "rag");
  expect(await guidePage.encodedAnswers()).toBe("ks.changing_tr.must_rm.yes");
  expect(await axeViolations(page)).toEqual([]);

  for (let i = 0; i < 60; i++) {
    if (await guidePage.tryDemo.evaluate((link) => link === document.activeElement)) break;
    await page.keyboard.press("Tab");
  }
  await expect(guidePage.tryDemo).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/\?set=sources&present=1$/);
  await expect(app.rag.ready).toBeVisible();
  await expect(page.locator("html")).toHaveClass(/presentation/);
});
