import { expect, type Locator, type Page } from "@playwright/test";

/** A PDF's page count: its page objects ("/Type /Page", not the "/Type /Pages" tree above them). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}

/** The decision guide (/guide) as a test sees it: every locator is a data-testid. */
export class GuidePage {
  readonly root: Locator;
  readonly questions: Locator;
  readonly recommendation: Locator;
  readonly outcome: Locator;
  readonly explanation: Locator;
  readonly reasons: Locator;
  readonly conflicts: Locator;
  readonly tryDemo: Locator;
  readonly summary: {
    root: Locator;
    rows: Locator;
    print: Locator;
    download: Locator;
    copy: Locator;
    copyLink: Locator;
    status: Locator;
  };
  readonly article: Locator;
  readonly presentationToggle: Locator;
  readonly reset: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("guide");
    this.questions = page.getByTestId("guide-question");
    this.recommendation = page.getByTestId("guide-recommendation");
    this.outcome = page.getByTestId("guide-outcome");
    this.explanation = page.getByTestId("guide-explanation");
    this.reasons = page.getByTestId("guide-reason");
    this.conflicts = page.getByTestId("guide-conflicts");
    this.tryDemo = page.getByTestId("guide-try-demo");
    const summary = page.getByTestId("guide-summary");
    this.summary = {
      root: summary,
      rows: summary.getByTestId("guide-summary-row"),
      print: summary.getByTestId("guide-print"),
      download: summary.getByTestId("guide-download"),
      copy: summary.getByTestId("guide-copy"),
      copyLink: summary.getByTestId("guide-copy-link"),
      status: summary.getByTestId("guide-summary-status"),
    };
    this.article = page.getByTestId("guide-article");
    this.presentationToggle = page.getByTestId("presentation-toggle");
    this.reset = page.getByTestId("guide-reset");
  }

  /** Opens the guide and waits until it has read the answers in the address. */
  async goto(query = "") {
    await this.page.goto(`/guide${query}`);
    await expect(this.root).toHaveAttribute("data-ready", "true");
  }

  question(criterionId: string): Locator {
    return this.page.locator(`[data-testid="guide-question"][data-criterion="${criterionId}"]`);
  }

  choice(criterionId: string, label: string): Locator {
    return this.question(criterionId).getByLabel(label, { exact: true });
  }

  async answer(answers: Record<string, string>) {
    for (const [criterionId, label] of Object.entries(answers)) await this.choice(criterionId, label).check();
  }

  reason(criterionId: string): Locator {
    return this.page.locator(`[data-testid="guide-reason"][data-criterion="${criterionId}"]`);
  }

  /** The `a` parameter of the address: the answers as the page encoded them. */
  async encodedAnswers(): Promise<string | null> {
    return new URL(this.page.url()).searchParams.get("a");
  }

  /** Prints the page to PDF, as Chromium does for "Print", and counts its pages. */
  async printedPages(format: "A4" | "Letter"): Promise<number> {
    return pdfPageCount(await this.page.pdf({ format }));
  }
}
