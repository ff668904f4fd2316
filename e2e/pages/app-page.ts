import { expect, type Locator, type Page } from "@playwright/test";

/** The main page as a test sees it: every locator is a data-testid. */
export class AppPage {
  readonly input: Locator;
  readonly askButton: Locator;
  readonly hint: Locator;
  readonly rag: {
    panel: Locator;
    ready: Locator;
    answer: Locator;
    declined: Locator;
    uncovered: Locator;
    stages: Locator;
    citations: Locator;
    markers: Locator;
    timings: Locator;
    error: Locator;
    verdict: Locator;
  };
  readonly fineTuned: {
    panel: Locator;
    answer: Locator;
    timings: Locator;
    speed: Locator;
    error: Locator;
    ready: Locator;
    refused: Locator;
    verdict: Locator;
    prompt: Locator;
  };
  readonly comparisonRows: Locator;
  readonly documents: {
    title: Locator;
    text: Locator;
    add: Locator;
    status: Locator;
    messages: Locator;
    items: Locator;
    scenario: Locator;
  };
  readonly examples: Locator;
  readonly knowledge: { switch: Locator; given: Locator };

  constructor(readonly page: Page) {
    this.input = page.getByTestId("question-input");
    this.askButton = page.getByTestId("ask-button");
    this.hint = page.getByTestId("question-hint");
    const rag = page.getByTestId("rag-panel");
    this.rag = {
      panel: rag,
      ready: rag.getByTestId("rag-ready"),
      answer: rag.getByTestId("rag-answer"),
      declined: rag.getByTestId("rag-declined"),
      uncovered: rag.getByTestId("rag-uncovered"),
      stages: rag.getByTestId("rag-stages"),
      citations: rag.getByTestId("citation-card"),
      markers: rag.getByTestId("citation-marker"),
      timings: rag.getByTestId("rag-timings"),
      error: rag.getByTestId("rag-error"),
      verdict: rag.getByTestId("rag-verdict"),
    };
    const fineTuned = page.getByTestId("fine-tuned-panel");
    this.fineTuned = {
      panel: fineTuned,
      answer: fineTuned.getByTestId("fine-tuned-answer"),
      timings: fineTuned.getByTestId("fine-tuned-timings"),
      speed: fineTuned.getByTestId("fine-tuned-speed"),
      error: fineTuned.getByTestId("fine-tuned-error"),
      ready: fineTuned.getByTestId("fine-tuned-ready"),
      refused: fineTuned.getByTestId("fine-tuned-refused"),
      verdict: fineTuned.getByTestId("fine-tuned-verdict"),
      prompt: fineTuned.getByTestId("fine-tuned-prompt"),
    };
    this.comparisonRows = page.getByTestId("comparison-row");
    this.documents = {
      title: page.getByTestId("document-title"),
      text: page.getByTestId("document-text"),
      add: page.getByTestId("document-add"),
      status: page.getByTestId("documents-status"),
      messages: page.getByTestId("documents-message"),
      items: page.getByTestId("document-item"),
      scenario: page.getByTestId("classroom-scenario"),
    };
    this.examples = page.getByTestId("example-question");
    this.knowledge = {
      switch: page.getByTestId("knowledge-switch"),
      given: page.getByTestId("knowledge-given"),
    };
  }

  async goto(query = "") {
    await this.page.goto(`/${query}`);
    await expect(this.rag.ready).toBeVisible();
  }

  async addDocument(title: string, text: string) {
    await this.documents.title.fill(title);
    await this.documents.text.fill(text);
    await this.documents.add.click();
    await expect(this.documents.status).toContainText(`Added "${title}"`);
  }

  /** Picks how the RAG panel answers, and checks the toggle took it. */
  async useRagMode(mode: "generative" | "extractive") {
    const button = this.page.getByTestId("rag-mode").and(this.page.locator(`[data-value="${mode}"]`));
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "true");
  }

  /** Picks what each approach was given, and waits until the search has loaded that setting. */
  async useKnowledge(setting: "article" | "article+questions") {
    const button = this.page
      .getByTestId("knowledge-option")
      .and(this.page.locator(`[data-value="${setting}"]`));
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "true");
    await expect(this.knowledge.switch).toHaveAttribute("data-knowledge", setting);
    await expect(this.rag.ready).toBeVisible();
  }

  async ask(question: string) {
    await this.input.fill(question);
    await this.input.press("Enter");
  }

  /**
   * Hands each streamed token from a worker to the page at least `gapMs` after the one before, in order
   * with every other message. The workers write as fast as the machine allows, and the page renders
   * streamed text at most once per animation frame, so on a fast machine a whole answer can arrive in one
   * frame; a test of what the page shows while an answer grows paces the tokens. Call before `goto`.
   */
  async paceStreamedTokens(gapMs: number) {
    await this.page.addInitScript((gap) => {
      const w = window as unknown as { __tokenMessages: number };
      w.__tokenMessages = 0;
      const NativeWorker = window.Worker;
      window.Worker = class PacedWorker extends NativeWorker {
        override set onmessage(handler: ((this: Worker, event: MessageEvent) => unknown) | null) {
          let due = 0;
          super.onmessage = handler
            ? (event: MessageEvent) => {
                const token = (event.data as { type?: string } | null)?.type === "token";
                if (token) w.__tokenMessages++;
                due = Math.max(performance.now(), due + (token ? gap : 0));
                setTimeout(() => handler.call(this, event), due - performance.now());
              }
            : null;
        }
        override get onmessage() {
          return super.onmessage;
        }
      };
    }, gapMs);
  }

  /**
   * Starts recording every length the text of `testId` takes (as a set), and the number of token messages
   * from here on (with `paceStreamedTokens`).
   */
  async recordLengths(testId: string) {
    await this.page.evaluate((id) => {
      const w = window as unknown as { __lengths: Set<number>; __tokenMessages: number };
      w.__lengths = new Set();
      w.__tokenMessages = 0;
      new MutationObserver(() => {
        const element = document.querySelector(`[data-testid="${id}"]`);
        if (element) w.__lengths.add(element.textContent?.trim().length ?? 0);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    }, testId);
  }

  async recorded(): Promise<{ lengths: number[]; tokenMessages: number }> {
    return this.page.evaluate(() => {
      const w = window as unknown as { __lengths: Set<number>; __tokenMessages: number };
      return { lengths: [...w.__lengths], tokenMessages: w.__tokenMessages };
    });
  }

  /** The timing shown for a stage, in milliseconds, as the panel holds it (`data-ms`). */
  async stageMs(timings: Locator, stage: string): Promise<number> {
    const testId = await timings.getAttribute("data-testid");
    const value = await timings.getByTestId(`${testId}-${stage}`).locator("dd").getAttribute("data-ms");
    if (value === null) throw new Error(`no ${stage} timing in ${testId}`);
    return Number(value);
  }
}
