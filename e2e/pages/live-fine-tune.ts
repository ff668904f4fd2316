import { expect, type Locator, type Page } from "@playwright/test";

/** The "Teach the fine-tuned model too" panel as a test sees it: every locator is a data-testid. */
export class LiveFineTunePage {
  readonly panel: Locator;
  readonly document: Locator;
  readonly pairs: Locator;
  readonly questions: Locator;
  readonly answers: Locator;
  readonly addPair: Locator;
  readonly start: Locator;
  readonly stop: Locator;
  readonly reset: Locator;
  readonly comparison: Locator;
  readonly elapsed: Locator;
  readonly step: Locator;
  readonly lossChart: Locator;
  readonly lossRows: Locator;
  readonly result: Locator;
  readonly reworded: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    const panel = page.getByTestId("live-fine-tune-panel");
    this.panel = panel;
    this.document = panel.getByTestId("live-document");
    this.pairs = panel.getByTestId("live-pair");
    this.questions = panel.getByTestId("live-question");
    this.answers = panel.getByTestId("live-answer");
    this.addPair = panel.getByTestId("live-add-pair");
    this.start = panel.getByTestId("live-start");
    this.stop = panel.getByTestId("live-stop");
    this.reset = panel.getByTestId("live-reset");
    this.comparison = panel.getByTestId("live-comparison");
    this.elapsed = panel.getByTestId("live-elapsed");
    this.step = panel.getByTestId("live-step");
    this.lossChart = panel.getByTestId("live-loss-chart");
    this.lossRows = panel.getByTestId("live-loss-row");
    this.result = panel.getByTestId("live-result");
    this.reworded = panel.getByTestId("live-reworded");
    this.error = panel.getByTestId("live-error");
  }

  setting(name: string): Locator {
    return this.panel.getByTestId("live-setting").and(this.page.locator(`[value="${name}"]`));
  }

  /** One of the questions offered after training: "trained", "reworded" or "article". */
  check(kind: "trained" | "reworded" | "article") {
    const row = this.panel.getByTestId("live-check").and(this.page.locator(`[data-kind="${kind}"]`));
    return {
      row,
      ask: row.getByTestId("live-ask"),
      ragVerdict: row.getByTestId("live-check-rag"),
      fineTunedAnswer: row.getByTestId("live-check-fine-tuned-answer"),
      fineTunedVerdict: row.getByTestId("live-check-fine-tuned"),
    };
  }

  /** Replaces the pairs in the editor with these. */
  async fillPairs(pairs: readonly { question: string; answer: string }[]) {
    while ((await this.pairs.count()) < pairs.length) await this.addPair.click();
    while ((await this.pairs.count()) > pairs.length) {
      await this.pairs
        .last()
        .getByRole("button", { name: /Remove/ })
        .click();
    }
    for (const [index, pair] of pairs.entries()) {
      await this.questions.nth(index).fill(pair.question);
      await this.answers.nth(index).fill(pair.answer);
    }
    await expect(this.pairs).toHaveCount(pairs.length);
  }

  /**
   * Records every long task (50 ms or more) the main thread runs, with its start time: call before `goto`.
   * The Long Tasks API reports work that kept the page from responding, whatever caused it.
   */
  async recordLongTasks() {
    await this.page.addInitScript(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          w.__longTasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: "longtask", buffered: true });
    });
  }

  now(): Promise<number> {
    return this.page.evaluate(() => performance.now());
  }

  /** The longest task that started between `from` and `to` (page clock, ms); 0 when none reached 50 ms. */
  async longestTask(from: number, to: number): Promise<{ longest: number; count: number }> {
    return this.page.evaluate(
      ([start, end]) => {
        const tasks = (
          window as unknown as { __longTasks: { start: number; duration: number }[] }
        ).__longTasks.filter((task) => task.start >= start && task.start <= end);
        return { longest: Math.max(0, ...tasks.map((task) => task.duration)), count: tasks.length };
      },
      [from, to] as const,
    );
  }
}
