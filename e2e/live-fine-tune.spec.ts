import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { LiveFineTunePage } from "./pages/live-fine-tune";

// The classroom fact (components/documents-panel.tsx) as two question/answer pairs.
const PAIRS = [
  {
    question: "What is the demo's mascot called?",
    answer: "The demo's mascot is a purple heron named Quill.",
  },
  { question: "Who chose the demo's mascot?", answer: "The class chose the mascot in 2026." },
];
const REWORDED = "Which name was given to the mascot of this demo?";

test("the fine-tuned model learns the classroom fact in the page, while RAG keeps answering and the page stays responsive", async ({
  app,
  page,
}) => {
  test.setTimeout(300_000);
  const live = new LiveFineTunePage(page);
  await live.recordLongTasks();
  await app.goto("?rag=extractive");
  await expect(app.fineTuned.ready).toBeVisible({ timeout: 60_000 });

  await app.documents.scenario.click();
  await expect(app.rag.citations.first()).toContainText("purple heron named Quill");
  await expect(live.document).toHaveValue(/user-/);
  // Pairs are suggested from the document's sentences, and editable.
  await expect(live.questions.first()).toHaveValue("What is the demo's mascot?");
  await live.fillPairs(PAIRS);
  await expect(live.setting("full")).toBeChecked();

  const started = await live.now();
  await live.start.click();
  await expect(live.lossRows.first()).toBeAttached({ timeout: 120_000 });

  // While training runs, the RAG panel still answers.
  await app.ask("Who chose the demo's mascot?");
  await expect(app.rag.answer).toContainText("chosen by the class", { timeout: 30_000 });
  await expect(live.stop).toBeVisible();

  await expect(live.result).toBeVisible({ timeout: 240_000 });
  const ended = await live.now();
  await expect(live.result).toHaveAttribute("data-reason", "verbatim");
  const steps = Number(await live.step.getAttribute("data-step"));
  expect(steps).toBeGreaterThan(0);
  await expect(live.lossRows).toHaveCount(steps);
  await expect(live.lossChart).toHaveAttribute("data-points", String(steps));
  await expect(live.lossChart.getByTestId("live-loss-point")).toHaveCount(steps);
  await expect(live.result).toContainText(`after ${steps} steps`);

  // Fine-tuning's time beside RAG's indexing time, both measured in this page.
  await expect(live.comparison).toContainText(
    /RAG indexed this in [\d.]+ ms; fine-tuning has taken [\d.]+ s/,
  );
  expect(Number(await live.comparison.getAttribute("data-rag-ms"))).toBeGreaterThan(0);
  expect(Number(await live.elapsed.getAttribute("data-ms"))).toBeGreaterThan(0);

  const { longest, count } = await live.longestTask(started, ended);
  console.log(
    `${await live.result.innerText()} Longest main-thread task during training: ${longest.toFixed(0)} ms (${count} over 50 ms).`,
  );
  expect(longest, "the main thread was blocked during training").toBeLessThan(100);

  // The trained question: the fine-tuned panel answers from the updated weights, with the new fact.
  const trained = live.check("trained");
  await trained.ask.click();
  await expect(app.fineTuned.panel.getByTestId("fine-tuned-live")).toContainText(
    `Answered by the weights updated in this page (${steps} steps, setting Full fine-tuning)`,
  );
  await expect(app.fineTuned.answer).toContainText("purple heron named Quill", { timeout: 60_000 });
  await expect(trained.fineTunedVerdict).toHaveAttribute("data-agrees", "true");
  await expect(trained.ragVerdict).toBeVisible();

  // A reworded question: its answer is shown with its verdict, whatever it is.
  const reworded = live.check("reworded");
  await live.reworded.fill(REWORDED);
  await reworded.ask.click();
  await expect(reworded.fineTunedVerdict).toContainText(/[✓✗] .* \(F1 \d\.\d\d\)/, { timeout: 60_000 });
  await expect(reworded.fineTunedAnswer).not.toHaveText("…");
  await expect(reworded.ragVerdict).toBeVisible();

  // The table's rows quote the live run.
  const overhead = app.comparisonRows.filter({ hasText: "Fine-Tuning Overhead" });
  await expect(overhead).toContainText(`${steps} steps`);

  const axe = await new AxeBuilder({ page }).include('[data-testid="live-fine-tune-panel"]').analyze();
  expect(
    axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
  ).toEqual([]);

  await live.reset.click();
  await expect(app.fineTuned.panel.getByTestId("fine-tuned-live")).toHaveCount(0);
});

test("Stop ends training with the weights reached, and the panel answers from them", async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  const live = new LiveFineTunePage(page);
  await app.goto("?rag=extractive");
  await live.fillPairs(PAIRS);
  await live.setting("lora").check();
  await live.start.click();
  await expect(live.lossRows.nth(1)).toBeAttached({ timeout: 120_000 });
  await live.stop.click();
  await expect(live.result).toHaveAttribute("data-reason", "stopped", { timeout: 60_000 });
  const steps = Number(await live.result.getAttribute("data-steps"));
  expect(steps).toBeGreaterThanOrEqual(2);
  await expect(live.lossRows).toHaveCount(steps);
  await expect(live.result).toContainText(`Stopped after ${steps} steps`);
  await live.check("trained").ask.click();
  await expect(app.fineTuned.panel.getByTestId("fine-tuned-live")).toContainText(
    `(${steps} steps, setting LoRA, rank 8)`,
  );
  await expect(app.fineTuned.speed).toBeVisible({ timeout: 60_000 });
});
